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
        var parsed: TableLoader.Parsed<Row>
        /// `parsed.id?.hashValue`, and the row check's prepared value.
        var idHash = 0
        var prepared = 0
        /// Problems and warnings with lines relative to the chunk.
        var problems: [Problem]
        var warnings: [Problem]
        /// The fields as read, for a row that is already rejected.
        var fields: [String]?
    }

    /// Where the chunk's scan began and ended (lines relative to the chunk's start): the end
    /// is the first record start at or after the limit, or where an unfinished record starts
    /// at the end of the bytes, or the end of the file.
    let start: CSVCursor
    /// Records starting before this offset are the chunk's (`Int.max`: all to the end).
    let limit: Int
    private(set) var end: CSVCursor
    private(set) var records: [Record] = []
    /// The fatal problem that stopped the scan (a record too long, a quote never closed).
    private(set) var failure: LoadError?

    init(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: CSVCursor, limit: Int, isLast: Bool, header: TableHeader,
        path: String, prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) {
        self.start = start
        self.limit = limit
        var cursor = start
        var buffer = CSVRecordBuffer()
        records.reserveCapacity(max(16, (min(limit, bytes.count) - start.offset) / 64))
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
                records.append(Self.parse(record, at: recordStart, header: header, path: path, prepare: prepare, parse: parse))
            }
        }
        end = cursor
    }

    private static func parse(
        _ record: CSVRecord, at cursor: CSVCursor, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) -> Record {
        var row = RowReader(record: record, header: header, file: path)
        var warnings: [Problem] = []
        var parsed = TableLoader.Parsed<Row>(id: nil, row: nil)
        if record.count != header.names.count {
            row.add(Problem(file: path, line: record.line, column: "row", value: "\(record.count) fields",
                            reason: .table(.fieldCount(headerFields: header.names.count))))
        } else {
            parsed = parse(&row, &warnings)
        }
        var result = Record(cursor: cursor, parsed: parsed, problems: row.problems, warnings: warnings)
        result.idHash = parsed.id?.hashValue ?? 0
        if let value = parsed.row { result.prepared = prepare(value) }
        if parsed.row == nil || !row.problems.isEmpty {
            result.fields = record.allFieldsLossy(limit: header.names.count)
        }
        return result
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
