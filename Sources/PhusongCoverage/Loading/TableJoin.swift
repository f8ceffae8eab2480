/// Joins the chunks of each block in file order into one ``LoadedTable``: checks each chunk's
/// guessed start (``TableChunk``), gives rows and problems the file's line numbers, counts the
/// records, and runs the checks across rows (unique ids, the loader's `RowCheck`) in file
/// order, so that their outcome is that of a front-to-back reading.
struct TableJoin<Row: Sendable, Check: TableRowCheck<Row>> {
    private(set) var table: LoadedTable<Row>
    private(set) var ids: FirstOccurrences<Int>
    /// Records so far, the header included (``InputLimits/maxRecords``).
    private var records: Int
    private(set) var sawRow = false
    private let header: TableHeader
    /// The contract name of the id column (`village_id`).
    private let idColumn: String
    private(set) var check: Check

    init(
        table: LoadedTable<Row>, ids: FirstOccurrences<Int>, records: Int, header: TableHeader, idColumn: String,
        check: Check
    ) {
        self.table = table
        self.idColumn = idColumn
        self.ids = ids
        self.records = records
        self.header = header
        self.check = check
    }

    /// Adds the rows of `chunks`, the chunks of `block` scanned from `start`, and returns where
    /// the block's whole records end (the start of an unfinished record, or the end).
    /// - Throws: the first fatal problem in file order.
    mutating func add(
        _ chunks: [TableChunk<Row>], of block: CSVBlocks.Block, from start: CSVCursor, path: String,
        parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) throws(LoadError) -> CSVCursor {
        var line = start.line
        var end = CSVCursor(offset: start.offset, line: 0, afterCR: start.afterCR)
        for (index, guessed) in chunks.enumerated() {
            var chunk = guessed
            if index > 0, chunk.start.offset != end.offset || chunk.start.afterCR != end.afterCR {
                // The guess was wrong (a quoted line break straddles the chunk's first byte):
                // parse the chunk again from where the one before it ended.
                let from = CSVCursor(offset: end.offset, line: 0, afterCR: end.afterCR)
                chunk = block.bytes.withUnsafeBufferPointer { bytes in
                    TableChunk(bytes, from: from, limit: guessed.limit, isLast: block.isLast, header: header, path: path, prepare: Check.prepare, parse: parse)
                }
            }
            for record in chunk.records { try add(record, chunkLine: line, block: block, path: path, parse: parse) }
            if var failure = chunk.failure {
                for index in failure.problems.indices { failure.problems[index].line = failure.problems[index].line.map { $0 + line } }
                throw failure
            }
            line += chunk.end.line
            end = chunk.end
        }
        return CSVCursor(offset: end.offset, line: line, afterCR: end.afterCR)
    }

    private mutating func add(
        _ record: TableChunk<Row>.Record, chunkLine: Int, block: CSVBlocks.Block, path: String,
        parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) throws(LoadError) {
        let line = chunkLine + record.cursor.line
        records += 1
        if records > InputLimits.maxRecords {
            throw LoadError(Problem(file: path, line: line, reason: .table(.tooManyRecords(limit: InputLimits.maxRecords))))
        }
        sawRow = true
        var problems = Self.shifted(record.problems, by: chunkLine)
        if let id = record.parsed.id, let earlier = ids.firstOrInsert(id, hash: record.idHash, value: line) {
            problems.insert(Problem(file: path, line: line, column: header.displayName(idColumn), value: id,
                                    reason: .value(.duplicateID(firstLine: earlier))), at: 0)
        }
        table.warnings += Self.shifted(record.warnings, by: chunkLine)
        if let row = record.parsed.row, problems.isEmpty {
            let header = header
            check.check(row, prepared: record.prepared, line: line, file: path,
                        record: { Self.reader(record, chunkLine: chunkLine, block: block, header: header, path: path) },
                        problems: &problems, warnings: &table.warnings)
        }
        if let row = record.parsed.row, problems.isEmpty {
            table.rows.append(row)
            table.lines.append(line)
        } else {
            let fields = record.fields ?? Self.reader(record, chunkLine: chunkLine, block: block, header: header, path: path)
                .record.allFieldsLossy(limit: header.names.count)
            table.rejected.append(RejectedRow(line: line, fields: fields, problems: problems))
        }
    }

    /// The reader of a record, read again from the block's bytes.
    private static func reader(
        _ record: TableChunk<Row>.Record, chunkLine: Int, block: CSVBlocks.Block, header: TableHeader, path: String
    ) -> RowReader {
        var cursor = record.cursor
        cursor.line += chunkLine
        var buffer = CSVRecordBuffer()
        let step = try? block.bytes.withUnsafeBufferPointer { bytes throws(LoadError) in
            try CSVScanner.next(in: bytes, cursor: &cursor, isLast: block.isLast, path: path, buffer: &buffer)
        }
        // The record was scanned whole before, so the same scan gives it again.
        guard case .record(let csv) = step else {
            return RowReader(record: CSVRecord(line: cursor.line, bytes: [], fieldEnds: [0], quoted: [false]), header: header, file: path)
        }
        return RowReader(record: csv, header: header, file: path)
    }

    private static func shifted(_ problems: [Problem], by lines: Int) -> [Problem] {
        guard !problems.isEmpty, lines != 0 else { return problems }
        return problems.map { problem in
            var problem = problem
            problem.line = problem.line.map { $0 + lines }
            return problem
        }
    }
}
