import PhusongSupport

/// Loads one table: reads and checks the header, then the rest of the file in blocks (``CSVBlocks``),
/// each cut into chunks that are scanned and parsed in parallel (``TableChunk``), then joined in
/// file order, where the checks across rows run (unique ids; a loader's own, such as the
/// cells' site check). Shared by the villages and cells loaders.
///
/// The outcome is that of reading the file front to back, for any number of threads: the
/// same rows, the same problems with the file's line numbers, in the same order, and the same
/// first fatal problem (a record too long, a quote never closed, too many records).
enum TableLoader {
    /// What a loader's row parser found in one row whose field count is right.
    struct Parsed<Row: Sendable>: Sendable {
        /// The row's id, when its id column holds valid text (checked for uniqueness, also
        /// when the row is bad otherwise).
        var id: String?
        /// The row, or nil when it is bad (its reader then holds the problems).
        var row: Row?
    }

    /// - Parameters:
    ///   - noun: what the rows are ("villages"), for the header-only message.
    ///   - ids: the ids seen so far (in earlier files of the same table), with their lines;
    ///     this file's are added.
    ///   - threads: tasks that parse chunks at the same time.
    ///   - blockSize: bytes read at a time (smaller in tests, to cross block boundaries).
    ///   - parse: reads one row whose field count is right; records problems on the row
    ///     reader when it is bad; may add warnings.
    static func load<Row: Sendable, Check: TableRowCheck<Row>>(
        path: String, columns: [ColumnSpec], idColumn: String, example: String, noun: String, threads: Int,
        ids: inout FirstOccurrences<Int>, check: inout Check, blockSize: Int = 8 << 20,
        parse: @escaping @Sendable (inout RowReader, inout [Problem]) -> Parsed<Row>
    ) async throws(LoadError) -> LoadedTable<Row> {
        let reader = try CSVReader(path: path, chunkSize: blockSize)
        let header = try TableHeader.read(from: reader, columns: columns, example: example)
        var table = LoadedTable<Row>(file: path, header: header.names, rows: [], lines: [], rejected: [], warnings: [])
        guard let (blocks, first, headerEnd) = reader.remainder() else {
            throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        }
        var join = TableJoin(table: table, ids: ids, records: reader.recordCount, header: header, idColumn: idColumn, check: check)
        var block = first
        var start = headerEnd
        while true {
            let chunks = try await parseChunks(block, from: start, header: header, path: path, threads: threads,
                                               prepare: { Check.prepare($0) }, parse: parse)
            let end = try join.add(chunks, of: block, from: start, path: path, parse: parse)
            if block.isLast { break }
            guard let next = try blocks.next(after: block, resume: end) else { break }
            block = next
            start = next.start
        }
        table = join.table
        ids = join.ids
        check = join.check
        guard join.sawRow else {
            throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        }
        return table
    }

    /// Scans `block` from `start` in about four chunks per thread of at least 64 KiB; each
    /// chunk after the first starts after the first line break at or after its first byte,
    /// a guess that `TableJoin` checks.
    private static func parseChunks<Row: Sendable>(
        _ block: CSVBlocks.Block, from start: CSVCursor, header: TableHeader, path: String, threads: Int,
        prepare: @escaping @Sendable (Row) -> Int, parse: @escaping @Sendable (inout RowReader, inout [Problem]) -> Parsed<Row>
    ) async throws(LoadError) -> [TableChunk<Row>] {
        let length = block.bytes.count - start.offset
        let count = max(1, min(threads * 4, length / (64 << 10)))
        let bounds = (0...count).map { start.offset + length * $0 / count }
        let job: @Sendable (Int) -> TableChunk<Row> = { index in
            let limit = index == count - 1 ? Int.max : bounds[index + 1]
            return block.bytes.withUnsafeBufferPointer { bytes in
                let from = index == 0 ? CSVCursor(offset: start.offset, line: 0, afterCR: start.afterCR)
                    : TableChunk<Row>.guessedStart(in: bytes, at: bounds[index])
                return TableChunk(bytes, from: from, limit: limit, isLast: block.isLast, header: header, path: path,
                           prepare: prepare, parse: parse)
            }
        }
        do {
            return try await TaskPool.run(count: count, threads: threads, job)
        } catch {
            // The jobs throw nothing; a task group ends early only when the task is cancelled.
            throw LoadError(Problem(file: path, reason: .file(.unreadable(systemReason: "cancelled"))))
        }
    }
}

/// A loader's check across the rows of a table (the cells' site check), run in file order on
/// every row that passed its own checks and the id check: it may reject the row (a problem
/// added to `problems`) or add warnings.
protocol TableRowCheck<Row>: Sendable {
    associatedtype Row: Sendable
    /// What the check needs of a row that is costly and does not depend on other rows (a
    /// hash), computed while the chunks are parsed in parallel.
    static func prepare(_ row: Row) -> Int
    /// - Parameter record: the row's reader, read again from the bytes, for messages.
    mutating func check(_ row: Row, prepared: Int, line: Int, file: String, record: () -> RowReader,
                        problems: inout [Problem], warnings: inout [Problem])
}

/// No check across rows besides unique ids.
struct NoRowCheck<Row: Sendable>: TableRowCheck {
    static func prepare(_ row: Row) -> Int { 0 }
    func check(_ row: Row, prepared: Int, line: Int, file: String, record: () -> RowReader,
               problems: inout [Problem], warnings: inout [Problem]) {}
}
