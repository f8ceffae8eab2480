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
    ///   - source: the CSV file at `path`, or the features of a GIS layer read from it.
    ///   - noun: what the rows are ("villages"), for the header-only message.
    ///   - state: what the checks across rows remember of earlier files of the same table.
    ///   - threads: tasks that parse chunks at the same time.
    ///   - chunking: the sizes of blocks and chunks.
    ///   - parse: reads one row whose field count is right; records problems on the row
    ///     reader when it is bad; may add warnings.
    static func load<Row: Sendable, Check: TableRowCheck<Row>>(
        path: String, source: Source = .file, columns: [ColumnSpec], idColumn: TableColumn, example: String, noun: String,
        threads: Int, state: RowChecks<Check>, chunking: Chunking = Chunking(),
        parse: @escaping @Sendable (inout RowReader, inout [Problem]) -> Parsed<Row>
    ) async throws(LoadError) -> LoadedTable<Row> {
        if case .features(let features) = source {
            return try await load(features: features, path: path, columns: columns, idColumn: idColumn, example: example, noun: noun,
                                  threads: threads, state: state, parse: parse)
        }
        let reader = try CSVReader(path: path, chunkSize: chunking.blockSize)
        let header = try TableHeader.read(from: reader, columns: columns, example: example)
        var table = LoadedTable<Row>(file: path, header: header.names, rows: [], lines: [], rejected: [], warnings: [])
        guard let (blocks, first, headerEnd) = reader.remainder() else {
            throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        }
        var join = TableJoin(table: table, state: state, records: reader.recordCount, header: header, idColumn: idColumn,
                             path: path, threads: threads, sizeHint: blocks.sizeHint, headerBytes: headerEnd.offset)
        var block = first
        var start = headerEnd
        while true {
            let chunks = try await parseChunks(block, from: start, header: header, path: path, threads: threads, chunking: chunking,
                                               prepare: { Check.prepare($0) }, parse: parse)
            let end = try await join.add(chunks, of: block, from: start, parse: parse)
            if block.isLast { break }
            guard let next = try blocks.next(after: block, resume: end) else { break }
            block = next
            start = next.start
        }
        table = join.table
        guard join.sawRow else {
            throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        }
        return table
    }

    /// Where a table's rows come from.
    enum Source: Sendable {
        /// The CSV file.
        case file
        /// The features of a GIS layer, read through GDAL (`GISTable`).
        case features(GISFeatures)
    }

    /// Features of a GIS layer per chunk parsed by one task, at least.
    static let minimumChunkFeatures = 2048

    /// Loads the features of a GIS layer as `load` loads a CSV file: the header that a CSV file
    /// of the same rows would have is checked as that file's (line 1), then each chunk of
    /// features is parsed by the same row parser, in parallel, and joined in the layer's order
    /// by the same ``TableJoin``. Feature `i` is on line `i + 2` (``GISFeatures``).
    private static func load<Row: Sendable, Check: TableRowCheck<Row>>(
        features: GISFeatures, path: String, columns: [ColumnSpec], idColumn: TableColumn, example: String, noun: String,
        threads: Int, state: RowChecks<Check>, parse: @escaping @Sendable (inout RowReader, inout [Problem]) -> Parsed<Row>
    ) async throws(LoadError) -> LoadedTable<Row> {
        guard !features.header.isEmpty else {
            throw LoadError(Problem(file: path, reason: .table(.empty(expectedHeader: example))))
        }
        let header = try TableHeader.read(features.headerRecord, file: path, columns: columns)
        let headerOnly = LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        guard features.count > 0 else { throw headerOnly }
        let table = LoadedTable<Row>(file: path, header: header.names, rows: [], lines: [], rejected: [], warnings: [])
        var join = TableJoin(table: table, state: state, records: 1, header: header, idColumn: idColumn, path: path, threads: threads)
        let count = max(1, min(threads * 4, features.count / minimumChunkFeatures))
        let bounds = (0...count).map { features.count * $0 / count }
        let chunks: [TableChunk<Row>]
        do {
            chunks = try await TaskPool.run(count: count, threads: threads) { index in
                TableChunk(features: features, range: bounds[index]..<bounds[index + 1], header: header, path: path,
                           prepare: { Check.prepare($0) }, parse: parse)
            }
        } catch {
            // The jobs throw nothing; a task group ends early only when the task is cancelled.
            throw LoadError(Problem(file: path, reason: .file(.unreadable(systemReason: "cancelled"))))
        }
        _ = try await join.add(chunks, of: features, from: CSVCursor(offset: 0, line: 2, afterCR: false), parse: parse)
        guard join.sawRow else { throw headerOnly }
        return join.table
    }

    /// How a table is cut for parallel parsing. Blocks of 8 MiB keep memory small and still give
    /// each thread several chunks of at least 64 KiB (the national cells.csv, 27 MB, is four
    /// blocks); tests make both tiny so that every boundary case occurs in a few lines.
    struct Chunking: Sendable {
        /// Bytes read at a time (a block holds more when an unfinished record is carried over).
        var blockSize = 8 << 20
        /// The smallest chunk worth a task, bytes.
        var minimumChunkBytes = 64 << 10
    }

    /// Scans `block` from `start` in about four chunks per thread of at least
    /// `chunking.minimumChunkBytes`; each
    /// chunk after the first starts after the first line break at or after its first byte,
    /// a guess that `TableJoin` checks.
    private static func parseChunks<Row: Sendable>(
        _ block: CSVBlocks.Block, from start: CSVCursor, header: TableHeader, path: String, threads: Int, chunking: Chunking,
        prepare: @escaping @Sendable (Row) -> Int, parse: @escaping @Sendable (inout RowReader, inout [Problem]) -> Parsed<Row>
    ) async throws(LoadError) -> [TableChunk<Row>] {
        let length = block.bytes.count - start.offset
        let count = max(1, min(threads * 4, length / chunking.minimumChunkBytes))
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
/// every row that passed its own checks and the id check: it may reject the row or add a
/// warning. It sees only rows whose `prepare` hashes are equal modulo the number of
/// partitions (rows of one site), so that partitions are checked in parallel with the same
/// outcome as one pass in file order.
protocol TableRowCheck<Row>: Sendable {
    associatedtype Row: Sendable
    /// What the check remembers of the rows before (the first cell of each site).
    associatedtype State: Sendable
    static var initialState: State { get }
    /// False for a check that finds nothing (its step is skipped).
    static var checksRows: Bool { get }
    /// The hash of the key that relates rows (the site id), computed while the chunks are
    /// parsed in parallel.
    static func prepare(_ row: Row) -> Int
    /// - Parameter record: the row's reader, read again from the bytes, for messages.
    static func check(_ row: Row, prepared: Int, line: Int, file: String, state: inout State,
                      record: () -> RowReader) -> RowCheckOutcome
}

/// What a `TableRowCheck` found in a row.
struct RowCheckOutcome: Sendable {
    /// The problem that rejects the row.
    var problem: Problem?
    var warning: Problem?
}

/// No check across rows besides unique ids.
enum NoRowCheck<Row: Sendable>: TableRowCheck {
    static var initialState: Void { () }
    static var checksRows: Bool { false }
    static func prepare(_ row: Row) -> Int { 0 }
    static func check(_ row: Row, prepared: Int, line: Int, file: String, state: inout Void,
                      record: () -> RowReader) -> RowCheckOutcome { RowCheckOutcome() }
}
