import Foundation

/// The one number formatter: every number phusong writes — into CSV, JSON, GeoJSON, KML, the
/// HTML pages or the terminal — is turned into text here, so that a value reads the same
/// everywhere. Always POSIX: `.` as the decimal point, ASCII digits, no locale. A negative
/// value that rounds to zero is written without its sign ("0.00", never "-0.00", which reads
/// as a sign error). JSON documents (`JSONDocument`: summary.json, plan_summary.json, the
/// page's embedded data) are the one exception: they write numbers as `JSONEncoder` did
/// (shortest round-trip text without a final ".0"). `NumberBytes` writes these formats
/// straight into a byte buffer, for the large files.
public enum NumberText {
    /// The shortest text that reads back to the same `Double`, whole numbers (below 10¹⁵)
    /// without a point: 3 → "3", 0.1 → "0.1", 1e20 → "1e+20".
    @inlinable
    public static func shortest(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Swift's shortest round-trip text, which always reads as a real number: 3 → "3.0",
    /// 0.1 → "0.1", 1e-7 → "1e-07", "nan", "inf". For columns that hold shares and ratios
    /// (indicators.csv, compare_indicators.csv, feature tables' real columns).
    @inlinable
    public static func real(_ value: Double) -> String { String(value) }

    /// `value` with exactly `decimals` decimals, rounded half to even on the exact binary
    /// value as `printf("%.nf")` does: 6 for coordinates (about 0.1 m), 2 for percentages.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let text = FixedDecimal.format(value, decimals: decimals) { return text }
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()  // no "-0.000000"
        }
        return text
    }

    /// A share (0…1) as a percentage with `decimals` decimals: 0.98123 → "98.12%", or
    /// "98.12 %" when `spaced` (the terminal and compare.html write a space before the sign).
    public static func percent(_ share: Double, decimals: Int = 2, spaced: Bool = false) -> String {
        fixed(100 * share, decimals: decimals) + (spaced ? " %" : "%")
    }

    /// `part` of `whole` as a percentage with two decimals, "n/a" when `whole` is not
    /// positive: (993, 1000) → "99.30 %" (computed as 100 × part / whole).
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        return fixed(100 * Double(part) / Double(whole), decimals: 2) + " %"
    }

    /// A whole number with thousands separators, for people (terminal, report.html):
    /// 106445 → "106,445".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `value` in decimal with leading zeros up to `width` digits: (7, 3) → "007". Wider
    /// values are written in full.
    public static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Bytes as lower-case hexadecimal, two digits each (a SHA-256 digest as 64 digits).
    public static func hexadecimal<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
