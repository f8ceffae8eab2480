/// A streaming RFC 4180 CSV reader over a file, one record at a time, for tables read by a
/// single task (the header of a table, small tables such as `CSVTable`'s, report files read
/// back by `compare`); the big loaders scan blocks in parallel instead (`TableLoader`).
///
/// Written by hand rather than taken from SwiftCSV or CSV.swift because loading needs what
/// neither gives: the physical line on which each record starts (for `file:line` messages),
/// byte-level speed on hundreds of thousands of rows (fields are handed out as bytes; numbers
/// are parsed without building Strings), and UTF-8 checked per field so that a bad byte is
/// reported with its line and column instead of failing the whole file.
///
/// Accepts: a leading UTF-8 BOM, LF, CRLF or CR line ends, quoted fields holding commas,
/// doubled quotes and line breaks, a last line without a line end. Blank lines are skipped.
/// The rules are ``CSVScanner``'s; the reading and its limits ``CSVBlocks``'; more than
/// 10 million records stop the reading with a message.
package final class CSVReader {
    /// The path as the user gave it, used in messages.
    let path: String
    private let blocks: CSVBlocks
    private var block: CSVBlocks.Block?
    private var cursor = CSVCursor(offset: 0, line: 1, afterCR: false)
    private var buffer = CSVRecordBuffer()
    /// Records returned so far.
    private(set) var recordCount = 0

    /// - Parameters:
    ///   - path: the file, named in messages.
    ///   - chunkSize: bytes read at a time.
    package init(path: String, chunkSize: Int = 1 << 20) throws(LoadError) {
        self.path = path
        blocks = try CSVBlocks(path: path, blockSize: chunkSize)
    }

    /// Reads the next record, or returns nil at the end of the file.
    /// - Throws: `LoadError` when a quoted field is not closed before the end of the file, or
    ///   when the file exceeds ``InputLimits``.
    package func next() throws(LoadError) -> CSVRecord? {
        while let record = try scan() {
            if record.isBlank { continue }
            recordCount += 1
            if recordCount > InputLimits.maxRecords {
                throw LoadError(Problem(file: path, line: record.line, reason: .table(.tooManyRecords(limit: InputLimits.maxRecords))))
            }
            return record
        }
        return nil
    }

    /// What is left of the file once the records wanted one at a time are read (a table's
    /// header): the blocks, the current one and where its next record starts; nil before the
    /// first record is read.
    func remainder() -> (blocks: CSVBlocks, block: CSVBlocks.Block, start: CSVCursor)? {
        block.map { (blocks, $0, cursor) }
    }

    private func scan() throws(LoadError) -> CSVRecord? {
        while true {
            guard let current = try currentBlock() else { return nil }
            var cursor = self.cursor
            var buffer = self.buffer
            self.buffer = CSVRecordBuffer()
            let step = try current.bytes.withUnsafeBufferPointer { bytes throws(LoadError) in
                try CSVScanner.next(in: bytes, cursor: &cursor, isLast: current.isLast, path: path, buffer: &buffer)
            }
            self.buffer = buffer
            switch step {
            case .record(let record):
                self.cursor = cursor
                return record
            case .endOfFile:
                return nil
            case .needMoreBytes:
                block = try blocks.next(after: current, resume: cursor)
                if let block { self.cursor = block.start }
            }
        }
    }

    private func currentBlock() throws(LoadError) -> CSVBlocks.Block? {
        if let block { return block }
        block = try blocks.next()
        if let block { cursor = block.start }
        return block
    }
}
