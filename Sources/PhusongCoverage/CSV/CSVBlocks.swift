/// A CSV file read in large blocks, each beginning at a record: what is left of a block after
/// its last whole record (an unfinished record) is carried to the front of the next one.
///
/// Reads through ``InputFile`` (one pass, the SHA-256 of the bytes parsed) and within
/// ``InputLimits``: memory holds one block and one unfinished record (which stops at 1 MiB of
/// field bytes), so an endless input (`/dev/zero`) stops with a message instead of exhausting
/// memory; a file longer than 2 GiB stops once the bytes before the limit are read.
package final class CSVBlocks {
    /// Bytes in memory, from the start of a record (`start`) to the end of what was read.
    struct Block: Sendable {
        let bytes: [UInt8]
        /// The first record's offset (after a byte-order mark at the start of the file), line
        /// and line-end state.
        let start: CSVCursor
        /// True when the bytes reach the end of the file.
        let isLast: Bool
    }

    /// The path as the user gave it, used in messages.
    let path: String
    private let file: InputFile
    private let blockSize: Int
    private var isFirst = true
    private var finished = false
    /// True when the last block was cut at ``InputLimits/maxTableBytes``.
    private var cutAtLimit = false

    /// - Parameters:
    ///   - blockSize: bytes read at a time (a block holds more when an unfinished
    ///   record is carried over).
    package init(path: String, blockSize: Int = 8 << 20) throws(LoadError) {
        self.path = path
        file = try InputFile(path: path)
        self.blockSize = max(1, blockSize)
    }

    /// The table's size in bytes, when known before it is read (``InputFile/sizeHint``).
    var sizeHint: Int? { file.sizeHint }

    /// The first block, or the next one after the caller scanned the previous block up to
    /// `resume` (a record start that ended the block): the previous block's bytes from
    /// there, followed by newly read bytes. Nil once the last block was handed out.
    /// - Throws: `LoadError` when the file cannot be read or is longer than
    ///   ``InputLimits/maxTableBytes`` (at the line where the bytes before the limit end).
    func next(after previous: Block? = nil, resume: CSVCursor? = nil) throws(LoadError) -> Block? {
        if finished { return nil }
        var bytes: [UInt8] = []
        var start = CSVCursor(offset: 0, line: 1, afterCR: false)
        if let previous, let resume {
            bytes = Array(previous.bytes[resume.offset...])
            start = CSVCursor(offset: 0, line: resume.line, afterCR: resume.afterCR)
            if cutAtLimit {
                throw LoadError(Problem(file: path, line: Self.line(after: bytes, from: start), reason: .file(
                    .longerThan(limitBytes: InputLimits.maxTableBytes, kind: "a CSV file"))))
            }
        }
        // Read at least as much as is carried, so that a record spanning many blocks is
        // scanned a number of times logarithmic, not linear, in its length.
        // The first block holds at least the three bytes of a byte-order mark test.
        let wanted = max(blockSize, bytes.count, isFirst ? 3 : 0)
        bytes.reserveCapacity(bytes.count + wanted)
        var isLast = false
        var read = 0
        while read < wanted {
            let more = try file.read(upToCount: wanted - read)
            if more.isEmpty {
                isLast = true
                break
            }
            read += more.count
            bytes += more
        }
        if file.bytesRead > InputLimits.maxTableBytes {
            // Scan what lies before the limit first, as a block that more bytes follow.
            bytes.removeLast(file.bytesRead - InputLimits.maxTableBytes)
            cutAtLimit = true
            isLast = false
        }
        if isFirst {
            isFirst = false
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start.offset = 3 }
        }
        finished = isLast
        return Block(bytes: bytes, start: start, isLast: isLast)
    }

    /// The line on which the bytes after `bytes` begin, `bytes` starting at `start`: CR, LF
    /// and CRLF each end one line.
    private static func line(after bytes: [UInt8], from start: CSVCursor) -> Int {
        var line = start.line
        var previousWasCR = start.afterCR
        for byte in bytes {
            if byte == 0x0D || (byte == 0x0A && !previousWasCR) { line += 1 }
            previousWasCR = byte == 0x0D
        }
        return line
    }
}
