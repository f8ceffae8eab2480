/// Where `TableJoin` reads a block's records again: the bytes of a CSV file's block
/// (``CSVBlocks/Block``), or the features of a GIS layer (``GISFeatures``), whose record
/// cursors hold the feature's index as their offset.
protocol TableRecords: Sendable {
    /// The records from `start` up to `limit` parsed again as one chunk (a chunk whose guessed
    /// start was wrong, ``TableChunk``).
    func chunk<Row: Sendable>(
        from start: CSVCursor, limit: Int, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) -> TableChunk<Row>

    /// The fields of the record at `cursor` (its line counted from the file's start), read
    /// again: for a rejects file, or for a check across rows that names its values.
    func record(at cursor: CSVCursor, path: String) -> RowFields
}

extension CSVBlocks.Block: TableRecords {
    func chunk<Row: Sendable>(
        from start: CSVCursor, limit: Int, header: TableHeader, path: String,
        prepare: (Row) -> Int, parse: (inout RowReader, inout [Problem]) -> TableLoader.Parsed<Row>
    ) -> TableChunk<Row> {
        bytes.withUnsafeBufferPointer { bytes in
            TableChunk(bytes, from: start, limit: limit, isLast: isLast, header: header, path: path, prepare: prepare, parse: parse)
        }
    }

    func record(at cursor: CSVCursor, path: String) -> RowFields {
        var cursor = cursor
        var buffer = CSVRecordBuffer()
        let step = try? bytes.withUnsafeBufferPointer { bytes throws(LoadError) in
            try CSVScanner.next(in: bytes, cursor: &cursor, isLast: isLast, path: path, buffer: &buffer)
        }
        // The record was scanned whole before, so the same scan gives it again.
        guard case .record(let csv) = step else {
            return .csv(CSVRecord(line: cursor.line, bytes: [], fieldEnds: [0], quoted: [false]))
        }
        return .csv(csv)
    }
}
