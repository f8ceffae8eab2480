/// Builds RFC 4180 CSV text in memory: fields that hold a comma, a quote, CR or LF are quoted,
/// quotes doubled; records end with `\n` (or `\r\n` when asked). Text fields are guarded
/// against spreadsheet formula injection (`CSVField`, `SpreadsheetText`); numbers are not.
public struct CSVWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private let lineEnding: [UInt8]

    /// - Parameters:
    ///   - byteOrderMark: start with a UTF-8 BOM, so that Excel reads the file as UTF-8.
    ///   - crlf: end records with CR LF instead of LF.
    public init(byteOrderMark: Bool = false, crlf: Bool = false) {
        if byteOrderMark { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        lineEnding = crlf ? [0x0D, 0x0A] : [0x0A]
    }

    /// Appends one record.
    public mutating func writeRow(_ fields: [CSVField]) {
        var first = true
        for field in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(field: field.cellText)
        }
        bytes.append(contentsOf: lineEnding)
    }

    /// Appends a header record: every name is text.
    public mutating func writeHeader(_ names: [String]) {
        writeRow(names.map(CSVField.text))
    }

    private mutating func append(field: String) {
        var utf8 = Array(field.utf8)
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !needsQuotes {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        utf8.withUnsafeMutableBufferPointer { buffer in
            for byte in buffer {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
