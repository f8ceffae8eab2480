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

/// Formats a number for CSV output: integers without a decimal point, others with the
/// shortest representation that reads back to the same Double.
@inlinable
public func csvNumber(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}

/// A whole number with thousands separators, for people (terminal, report.html):
/// 106445 → "106,445".
public func groupedThousands(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(character)
    }
    return value < 0 ? "-" + grouped : grouped
}

/// Formats a number with a fixed count of decimals (e.g. 6 for coordinates, ~0.1 m).
public func csvNumber(_ value: Double, decimals: Int) -> String {
    if let text = FixedDecimal.format(value, decimals: decimals) { return text }
    var text = String(format: "%.\(decimals)f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
        text.removeFirst()  // no "-0.000000"
    }
    return text
}

/// Fixed-decimal formatting without `String(format:)`, which costs about a microsecond a call
/// and dominated writing villages.csv (half a million numbers nationally).
///
/// `printf("%.nf")` rounds the exact binary value to n decimals, halves to even. Here
/// |value| × 10ⁿ is computed with one rounding (relative error ≤ 2⁻⁵³), so it rounds to the
/// same integer as the exact product unless that product lies within a few ulps of a half;
/// those rare cases return nil and go to `String(format:)`. So the text is always the same.
enum FixedDecimal {
    private static let powers: [Double] = (0...9).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    static func format(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, (0...9).contains(decimals) else { return nil }
        let scaled = abs(value) * powers[decimals]
        guard scaled < 1e15 else { return nil }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > scaled * 4.5e-16 + 1e-300 else { return nil }
        let units = Int64(whole) + (fraction > 0.5 ? 1 : 0)
        let divisor = Int64(powers[decimals])
        var text = units != 0 && value < 0 ? "-" : ""
        text += String(units / divisor)
        guard decimals > 0 else { return text }
        let digits = String(units % divisor)
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        return text
    }
}
