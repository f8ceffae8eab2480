/// A CSV table of many rows (a row per village or site) written into a file as it is made:
/// rows are formatted in parallel chunks, a bounded batch at a time, and each batch is
/// written in row order before the next one starts. The bytes are those of one `CSVWriter`
/// writing every row in order, whatever the number of threads; memory holds one batch of
/// text (`batchRows` rows, about 12 MB for villages.csv), not the whole file, so two million
/// villages cost no more than a hundred thousand.
public enum CSVRowStream {
    /// Rows per batch.
    public static let batchRows = 65_536

    /// Writes the header, then rows `0..<count`, each made by `row` (which appends the row's
    /// fields and ends it), to `file`, `batchRows` rows at a time.
    public static func write(
        header: [String], count: Int, threads: Int, to file: OutputFileStream,
        batchRows: Int = batchRows,
        row: @escaping @Sendable (inout CSVWriter, Int) -> Void
    ) async throws {
        var head = CSVWriter()
        head.writeHeader(header)
        try file.write(head.bytes)
        var start = 0
        while start < count {
            let batch = start..<min(count, start + max(1, batchRows))
            let chunks = try await TaskPool.mapChunks(count: batch.count, threads: threads, minimumChunk: 1_024) { range in
                var csv = CSVWriter()
                for index in range { row(&csv, batch.lowerBound + index) }
                return csv.bytes
            }
            for chunk in chunks { try file.write(chunk) }
            start = batch.upperBound
        }
    }
}
