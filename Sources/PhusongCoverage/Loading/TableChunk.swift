/// The rows of one chunk of a block, scanned and parsed on their own (in parallel with the
/// other chunks), with line numbers counted from the chunk's start (line 0): `TableJoin`
/// adds the line the chunk starts on once the chunks before it are known.
///
/// A chunk holds the records that start before `limit`; its last record may run past it. A
/// chunk other than the first of a block cannot know whether its first byte lies inside a
/// quoted field, so it guesses: its first record starts after the first line break at or
/// after its first byte. `TableJoin` keeps the chunk only when the chunk before it ended at
/// exactly that place, and otherwise parses it again from where that one ended: scanning from
/// a true record start is deterministic, so an accepted chunk is what a front-to-back reading
/// gives, and the guess costs speed only when a quoted line break straddles a chunk start.
struct TableChunk<Row: Sendable>: Sendable {
    /// One non-blank record of the chunk.
    struct Record: Sendable {
        /// Where the record starts (line relative to the chunk), to read it again for a
        /// rejects file when a check across rows rejects it.
        var cursor: CSVCursor
        /// Index of the record's row in `rows`; -1 when the row is bad.
        var row: Int32 = -1
        /// The number of rows before the record's in `rows`.
        var rowsBefore: Int32 = 0
        /// The id, when the id column holds valid text, and its `hashValue`.
        var id: String?
        var idHash = 0
        /// The row check's prepared value (`TableRowCheck.prepare`).
        var prepared = 0
        /// Problems and warnings with lines relative to the chunk.
        var problems: [Problem] = []
        var warnings: [Problem] = []
        /// The fields as read, for a row that is already rejected.
        var fields: [String]?
        // Row indices are 32-bit: a chunk lies within one block (at most 2 GiB, `InputLimits`)
        // and each record takes at least one byte.

        /// True when the record is a good row with nothing to report (so far).
        var isClean: Bool { row >= 0 && problems.isEmpty && warnings.isEmpty }
    }

    /// Where the chunk's scan began and ended (lines relative to the chunk's start): the end
    /// is the first record start at or after the limit, or where an unfinished record starts
    /// at the end of the bytes, or the end of the file.
    let start: CSVCursor
    /// Records starting before this offset are the chunk's (`Int.max`: all to the end).
    let limit: Int
    private(set) var end: CSVCursor
    private(set) var records: [Record] = []
    /// The indices of the records that are not clean (``Record/isClean``), in order: the join
    /// visits only these and appends the rows between them whole.
    private(set) var unclean: [Int] = []
    /// The good rows, in order, and the line (relative) each starts on.
    private(set) var rows: [Row] = []
    private(set) var rowLines: [Int] = []
    /// The fatal problem that stopped the scan (a record too long, a quote never closed).
    private(set) var failure: LoadError?

    init(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: CSVCursor, limit: Int, isLast: Bool, header: TableHeader,
        path: String, prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) {
        self.start = start
        self.limit = limit
        end = start
        var cursor = start
        var buffer = CSVRecordBuffer()
        let expected = max(16, (min(limit, bytes.count) - start.offset) / 64)
        records.reserveCapacity(expected)
        rows.reserveCapacity(expected)
        rowLines.reserveCapacity(expected)
        scan: while cursor.offset < limit {
            let recordStart = cursor
            let step: CSVScanner.Step
            do {
                step = try CSVScanner.next(in: bytes, cursor: &cursor, isLast: isLast, path: path, buffer: &buffer)
            } catch {
                failure = error
                break
            }
            switch step {
            case .needMoreBytes, .endOfFile:
                break scan
            case .record(let record):
                if record.isBlank { continue }
                add(.csv(record), at: recordStart, header: header, path: path, prepare: prepare, parse: parse)
            }
        }
        end = cursor
    }

    /// The rows of features `range` of a GIS layer, read as they are (no CSV text to scan):
    /// a record's cursor holds the feature's index as its offset, and the line relative to
    /// the chunk's start, one per feature (``GISFeatures``).
    init(
        features: GISFeatures, range: Range<Int>, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) {
        start = CSVCursor(offset: range.lowerBound, line: 0, afterCR: false)
        limit = range.upperBound
        end = start
        var buffer = CSVRecordBuffer()
        records.reserveCapacity(range.count)
        rows.reserveCapacity(range.count)
        rowLines.reserveCapacity(range.count)
        for index in range {
            let cursor = CSVCursor(offset: index, line: index - range.lowerBound, afterCR: false)
            let row = features.row(index, line: cursor.line, buffer: &buffer)
            if let fault = row.lengthFault(path: path) {
                failure = fault
                end = cursor
                return
            }
            if features.isBlank(row) { continue }
            add(.feature(row), at: cursor, header: header, path: path, prepare: prepare, parse: parse)
        }
        end = CSVCursor(offset: range.upperBound, line: range.count, afterCR: false)
    }

    private mutating func add(
        _ record: RowFields, at cursor: CSVCursor, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) {
        var reader = RowReader(fields: record, header: header, file: path)
        var result = Record(cursor: cursor, rowsBefore: Int32(rows.count))
        var parsed = TableLoader.Parsed<Row>(id: nil, row: nil)
        if record.count != header.names.count {
            reader.add(Problem(file: path, line: record.line, column: "row", value: "\(record.count) fields",
                               reason: .table(.fieldCount(headerFields: header.names.count))))
        } else {
            parsed = parse(&reader, &result.warnings)
        }
        result.problems = reader.problems
        if let id = parsed.id {
            result.id = id
            result.idHash = id.hashValue
        }
        if let row = parsed.row, reader.problems.isEmpty {
            result.row = result.rowsBefore
            result.prepared = prepare(row)
            rows.append(row)
            rowLines.append(record.line)
        } else {
            result.fields = record.allFieldsLossy(limit: header.names.count)
        }
        if !result.isClean { unclean.append(records.count) }
        records.append(result)
    }

    /// The guessed first record start of a chunk whose first byte is at `offset`: after the
    /// first line break at or after `offset - 1` (a CRLF taken whole); the end of the bytes
    /// when there is none.
    static func guessedStart(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> CSVCursor {
        var index = max(0, offset - 1)
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        guard index < bytes.count else { return CSVCursor(offset: bytes.count, line: 0, afterCR: false) }
        if bytes[index] == 0x0D {
            if index + 1 == bytes.count { return CSVCursor(offset: index + 1, line: 0, afterCR: true) }
            if bytes[index + 1] == 0x0A { index += 1 }
        }
        return CSVCursor(offset: index + 1, line: 0, afterCR: false)
    }
}
