/// Builds RFC 4180 CSV text in memory: fields that hold a comma, a quote, CR or LF are quoted,
/// quotes doubled; records end with `\n` (or `\r\n` when asked).
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
    public mutating func writeRow<S: Sequence>(_ fields: S) where S.Element == String {
        var first = true
        for field in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(field: field)
        }
        bytes.append(contentsOf: lineEnding)
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

/// Formats a number for CSV output: integers without a decimal point, others with the
/// shortest representation that reads back to the same Double.
@inlinable
public func csvNumber(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}

/// Formats a number with a fixed count of decimals (e.g. 6 for coordinates, ~0.1 m).
public func csvNumber(_ value: Double, decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
        text.removeFirst()  // no "-0.000000"
    }
    return text
}
