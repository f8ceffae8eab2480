/// Where a scan of CSV bytes stands: the offset of the next record's first byte, the physical
/// line (1-based) it starts on, and whether the byte before it was a CR whose LF may follow.
struct CSVCursor: Sendable, Hashable {
    var offset: Int
    var line: Int
    /// True when the previous record ended with a CR at the very end of the bytes scanned so
    /// far: a LF at `offset` then belongs to that line end (CRLF), not to a new line.
    var afterCR: Bool
}

/// The fields of the record being scanned, reused from record to record so that scanning
/// allocates only when a record is longer than every one before it.
struct CSVRecordBuffer {
    var bytes: [UInt8] = []
    var fieldEnds: [Int] = []
    var quoted: [Bool] = []
}

/// The one RFC 4180 record scanner of phusong: reads one record out of bytes in memory.
/// ``CSVReader`` (one record at a time) and `TableLoader` (chunks of a block in parallel) both
/// drive it, so every CSV input is read by the same rules:
///
/// - a quote opens a quoted field only at the start of a field; inside it `""` is one quote
///   and commas and line breaks are data; text after the closing quote and quotes inside an
///   unquoted field are kept as written;
/// - CR, LF and CRLF end a line; a record's line is the physical line it starts on, counted
///   from line breaks inside quoted fields too (a CR then `""` then a LF counts as one line
///   break, as it always has in phusong);
/// - a record whose fields hold more than ``InputLimits/maxRecordBytes`` (unescaped) stops the
///   reading at the moment the limit is passed, saying whether a quote was open then; a quoted
///   field open at the end of the file is an error naming the line it opened on.
enum CSVScanner {
    /// What one step of the scan found.
    enum Step {
        /// A record (possibly blank: see ``CSVRecord/isBlank``); the cursor moved past its
        /// line end.
        case record(CSVRecord)
        /// The bytes end before the record does and more may follow: the cursor is unchanged,
        /// the record must be scanned again with more bytes.
        case needMoreBytes
        /// The bytes and the file end here: no record.
        case endOfFile
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    /// Scans the record at `cursor` in `bytes`.
    /// - Parameters:
    ///   - isLast: the bytes reach the end of the file (a record may end there without a line end).
    ///   - path: the file, for messages.
    /// - Throws: `LoadError` for a record too long or a quote never closed, at the record's line.
    static func next(
        in bytes: UnsafeBufferPointer<UInt8>, cursor: inout CSVCursor, isLast: Bool, path: String,
        buffer: inout CSVRecordBuffer
    ) throws(LoadError) -> Step {
        let end = bytes.count
        var index = cursor.offset
        var line = cursor.line
        // A LF right after the CR that ended the previous record belongs to that line end.
        if cursor.afterCR {
            if index == end { return isLast ? .endOfFile : .needMoreBytes }
            if bytes[index] == lineFeed { index += 1 }
        }
        let firstByte = index
        // Whether the last line break seen inside a quoted field was a CR (so that a LF right
        // after it is the same line break): kept across doubled quotes and unquoted text, as
        // phusong's reader always did.
        var lastWasCR = false
        buffer.bytes.removeAll(keepingCapacity: true)
        buffer.fieldEnds.removeAll(keepingCapacity: true)
        buffer.quoted.removeAll(keepingCapacity: true)

        func tooLong(quoteOpen: Bool) -> LoadError {
            LoadError(Problem(file: path, line: cursor.line, reason: .table(
                .recordTooLong(limitBytes: InputLimits.maxRecordBytes, quoteOpen: quoteOpen))))
        }

        while true {
            // At the start of a field.
            if index == end {
                guard isLast else { return .needMoreBytes }
                if index == firstByte { return .endOfFile }
                return finish(at: index, line: line, afterCR: false, cursor: &cursor, buffer: &buffer)
            }
            var quoted = false
            if bytes[index] == quote {
                quoted = true
                index += 1
                while true {
                    let start = index
                    while index < end {
                        let byte = bytes[index]
                        if byte == quote { break }
                        if byte == lineFeed {
                            if !lastWasCR { line += 1 }
                            lastWasCR = false
                        } else if byte == carriageReturn {
                            line += 1
                            lastWasCR = true
                        } else {
                            lastWasCR = false
                        }
                        index += 1
                    }
                    buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if buffer.bytes.count > InputLimits.maxRecordBytes { throw tooLong(quoteOpen: true) }
                    // A quote at the very end of the bytes may be the first of a doubled one.
                    if index + 1 >= end, !isLast { return .needMoreBytes }
                    if index == end {
                        throw LoadError(Problem(file: path, line: cursor.line, reason: .table(.unclosedQuote)))
                    }
                    if index + 1 < end, bytes[index + 1] == quote {
                        buffer.bytes.append(quote)
                        index += 2
                        continue
                    }
                    index += 1  // the closing quote
                    break
                }
            }
            // Unquoted text: a whole unquoted field, or what follows a closing quote.
            let start = index
            while index < end {
                let byte = bytes[index]
                if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                index += 1
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if buffer.bytes.count > InputLimits.maxRecordBytes { throw tooLong(quoteOpen: false) }
            if index == end {
                guard isLast else { return .needMoreBytes }
                buffer.fieldEnds.append(buffer.bytes.count)
                buffer.quoted.append(quoted)
                return finish(at: index, line: line, afterCR: false, cursor: &cursor, buffer: &buffer, fieldDone: true)
            }
            let delimiter = bytes[index]
            index += 1
            buffer.fieldEnds.append(buffer.bytes.count)
            buffer.quoted.append(quoted)
            if delimiter == comma { continue }
            // A line end: a CR takes the LF that follows it when that LF is in the bytes.
            var afterCR = false
            if delimiter == carriageReturn {
                if index < end {
                    if bytes[index] == lineFeed { index += 1 }
                } else {
                    afterCR = true
                }
            }
            return finish(at: index, line: line + 1, afterCR: afterCR, cursor: &cursor, buffer: &buffer, fieldDone: true)
        }
    }

    private static func finish(
        at offset: Int, line: Int, afterCR: Bool, cursor: inout CSVCursor, buffer: inout CSVRecordBuffer,
        fieldDone: Bool = false
    ) -> Step {
        if !fieldDone {
            buffer.fieldEnds.append(buffer.bytes.count)
            buffer.quoted.append(false)
        }
        let record = CSVRecord(line: cursor.line, bytes: buffer.bytes, fieldEnds: buffer.fieldEnds, quoted: buffer.quoted)
        cursor = CSVCursor(offset: offset, line: line, afterCR: afterCR)
        return .record(record)
    }
}
