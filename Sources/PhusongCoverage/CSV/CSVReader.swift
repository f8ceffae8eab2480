import Foundation
import PhusongSupport

/// A streaming RFC 4180 CSV reader over a file, reading it in fixed-size chunks.
///
/// Written by hand rather than taken from SwiftCSV or CSV.swift because loading needs what
/// neither gives: the physical line on which each record starts (for `file:line` messages),
/// byte-level speed on hundreds of thousands of rows (fields are handed out as bytes; numbers
/// are parsed without building Strings), and UTF-8 checked per field so that a bad byte is
/// reported with its line and column instead of failing the whole file.
///
/// Accepts: a leading UTF-8 BOM, LF, CRLF or CR line ends, quoted fields holding commas,
/// doubled quotes and line breaks, a last line without a line end. Blank lines are skipped.
///
/// Reads through ``InputFile`` (one pass, checksum of the bytes parsed) and within
/// ``InputLimits``: a record longer than 1 MiB, more than 10 million records or more than
/// 2 GiB stop the reading with a message, so an endless input cannot exhaust memory.
package final class CSVReader {
    /// The path as the user gave it, used in messages.
    let path: String
    private let file: InputFile
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private var atStartOfFile = true
    /// Physical line (1-based) of the next byte to read.
    private var line = 1
    private var lastWasCR = false
    /// Records returned so far.
    private var records = 0

    /// The record being assembled: its fields' bytes back to back, and where each field ends.
    private var recordBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var fieldWasQuoted: [Bool] = []

    package init(path: String, chunkSize: Int = 1 << 20) throws(LoadError) {
        self.path = path
        file = try InputFile(path: path)
        self.chunkSize = chunkSize
    }

    /// Reads the next record, or returns nil at the end of the file.
    /// - Throws: `LoadError` when a quoted field is not closed before the end of the file, or
    ///   when the file exceeds ``InputLimits``.
    package func next() throws(LoadError) -> CSVRecord? {
        while true {
            guard let record = try readRecord() else { return nil }
            if record.isBlank { continue }
            records += 1
            if records > InputLimits.maxRecords {
                throw LoadError(Problem(file: path, line: record.line, reason: .table(.tooManyRecords(limit: InputLimits.maxRecords))))
            }
            return record
        }
    }

    private func refill() throws(LoadError) -> Bool {
        if atEndOfFile { return false }
        let data = try file.read(upToCount: chunkSize)
        guard !data.isEmpty else {
            atEndOfFile = true
            return false
        }
        if file.bytesRead > InputLimits.maxTableBytes {
            throw LoadError(Problem(
                file: path, line: line, reason: .file(.longerThan(limitBytes: InputLimits.maxTableBytes, kind: "a CSV file"))))
        }
        chunk = data
        position = 0
        if atStartOfFile {
            atStartOfFile = false
            // The BOM test needs the first three bytes, whatever the chunk size.
            while chunk.count < 3 {
                let more = try file.read(upToCount: chunkSize)
                if more.isEmpty { break }
                chunk += more
            }
            if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { position = 3 }
        }
        return true
    }

    /// Stops a record that has grown past ``InputLimits/maxRecordBytes``.
    private func checkLength(_ bytes: [UInt8], startLine: Int, quoted: Bool) throws(LoadError) {
        guard bytes.count > InputLimits.maxRecordBytes else { return }
        throw LoadError(Problem(
            file: path, line: startLine, reason: .table(.recordTooLong(limitBytes: InputLimits.maxRecordBytes, quoteOpen: quoted))))
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private func readRecord() throws(LoadError) -> CSVRecord? {
        // The parse state lives in locals while bytes are scanned: properties of a class
        // would pay a dynamic exclusivity check on every byte.
        var bytes = recordBytes
        var ends = fieldEnds
        var wasQuoted = fieldWasQuoted
        recordBytes = []
        fieldEnds = []
        fieldWasQuoted = []
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        wasQuoted.removeAll(keepingCapacity: true)
        defer {
            recordBytes = bytes
            fieldEnds = ends
            fieldWasQuoted = wasQuoted
        }
        var state = State.fieldStart
        var startLine = line
        var sawAnyByte = false
        var quoted = false
        var line = self.line
        var lastWasCR = self.lastWasCR

        while true {
            if position >= chunk.count {
                guard try refill() else { break }
            }
            let consumed: Int? = chunk.withUnsafeBufferPointer { buffer -> Int? in
                var index = position
                let end = buffer.count
                while index < end {
                    let byte = buffer[index]
                    index += 1
                    if !sawAnyByte {
                        // A LF right after a CR that ended the previous record belongs to it.
                        if byte == 0x0A, lastWasCR {
                            lastWasCR = false
                            continue
                        }
                        lastWasCR = false
                        sawAnyByte = true
                        startLine = line
                    }
                    switch state {
                    case .quoted:
                        if byte == 0x22 {
                            state = .quoteInQuoted
                        } else {
                            if byte == 0x0A {
                                if !lastWasCR { line += 1 }
                                lastWasCR = false
                            } else if byte == 0x0D {
                                line += 1
                                lastWasCR = true
                            } else {
                                lastWasCR = false
                            }
                            bytes.append(byte)
                        }
                    case .quoteInQuoted:
                        if byte == 0x22 {
                            bytes.append(0x22)
                            state = .quoted
                            continue
                        }
                        state = .unquoted  // after the closing quote
                        fallthrough
                    case .fieldStart, .unquoted:
                        switch byte {
                        case 0x2C:
                            ends.append(bytes.count)
                            wasQuoted.append(quoted)
                            quoted = false
                            state = .fieldStart
                        case 0x0A, 0x0D:
                            line += 1
                            lastWasCR = byte == 0x0D
                            ends.append(bytes.count)
                            wasQuoted.append(quoted)
                            return index
                        case 0x22 where state == .fieldStart:
                            quoted = true
                            state = .quoted
                        default:
                            bytes.append(byte)
                            state = .unquoted
                        }
                    }
                }
                return nil
            }
            self.line = line
            self.lastWasCR = lastWasCR
            try checkLength(bytes, startLine: startLine, quoted: state == .quoted)
            if let consumed {
                position = consumed
                return CSVRecord(line: startLine, bytes: bytes, fieldEnds: ends, quoted: wasQuoted)
            }
            position = chunk.count
        }
        // End of file.
        guard sawAnyByte else { return nil }
        if state == .quoted {
            throw LoadError(Problem(file: path, line: startLine, reason: .table(.unclosedQuote)))
        }
        ends.append(bytes.count)
        wasQuoted.append(quoted)
        return CSVRecord(line: startLine, bytes: bytes, fieldEnds: ends, quoted: wasQuoted)
    }
}

/// One CSV record: the unescaped bytes of its fields and the physical line it starts on.
package struct CSVRecord {
    /// 1-based line on which the record starts.
    package let line: Int
    let bytes: [UInt8]
    let fieldEnds: [Int]
    let quoted: [Bool]

    package var count: Int { fieldEnds.count }

    /// True for a line with nothing on it (not even a quoted empty field).
    var isBlank: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 && !quoted[0] }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]
    }

    /// The field's bytes.
    func field(_ index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    /// True when the field is empty or only spaces and tabs.
    func isEmpty(_ index: Int) -> Bool {
        field(index).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The field as text with surrounding spaces removed and in Unicode NFC, or nil when
    /// its bytes are not valid UTF-8. The apostrophe that phusong's CSV writer puts before
    /// text a spreadsheet would run as a formula is removed (`SpreadsheetText.restored`), so
    /// phusong's outputs read back unchanged.
    package func text(_ index: Int) -> String? {
        let slice = trimmed(field(index))
        if slice.allSatisfy({ $0 < 0x80 }) {
            return SpreadsheetText.restored(String(decoding: slice, as: UTF8.self))
        }
        guard let text = String(validating: slice, as: UTF8.self) else { return nil }
        return SpreadsheetText.restored(UnicodeText.nfc(text))
    }

    /// The field for display in a message: invalid bytes shown as U+FFFD, long values cut.
    func display(_ index: Int) -> String {
        let text = String(decoding: trimmed(field(index)), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    /// The whole record as text fields (invalid UTF-8 replaced), for a rejects file. Fields
    /// beyond the first `limit` are kept comma-joined in the last one, so that a record of a
    /// million commas takes a megabyte, not a million strings.
    func allFieldsLossy(limit: Int) -> [String] {
        let kept = max(1, min(count, limit))
        var fields = (0..<(kept - 1)).map { String(decoding: field($0), as: UTF8.self) }
        fields.append(String(decoding: Array((kept - 1..<count).map { field($0) }.joined(separator: [0x2C])), as: UTF8.self))
        return fields
    }

    /// Why the field is not UTF-8 text: its first bad byte and where it is.
    func utf8Fault(_ index: Int) -> Problem.ValueFault {
        let offset = UnicodeText.firstInvalidUTF8Offset(field(index)) ?? 0
        return .notUTF8(byte: field(index).dropFirst(offset).first, position: offset + 1)
    }

    /// The field as a decimal number (plain or scientific notation), nil when it is not one.
    func number(_ index: Int) -> Double? {
        DecimalParser.parse(trimmed(field(index)))
    }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = slice.startIndex
        var upper = slice.endIndex
        while lower < upper, slice[lower] == 0x20 || slice[lower] == 0x09 { lower += 1 }
        while upper > lower, slice[upper - 1] == 0x20 || slice[upper - 1] == 0x09 { upper -= 1 }
        return slice[lower..<upper]
    }
}
