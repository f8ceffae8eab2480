/// Fixed-decimal formatting without `String(format:)`, which costs about a microsecond a call
/// and dominated writing villages.csv (half a million numbers nationally). `NumberText.fixed`
/// and `NumberBytes.appendFixed` use it first.
///
/// `printf("%.nf")` rounds the exact binary value to n decimals, halves to even. Here
/// |value| × 10ⁿ is computed with one rounding (relative error ≤ 2⁻⁵³), so it rounds to the
/// same integer as the exact product unless that product lies within a few ulps of a half;
/// those rare cases return nil (false) and go to `String(format:)`. So the text is always the
/// same.
enum FixedDecimal {
    private static let powers: [Double] = (0...9).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    static func format(_ value: Double, decimals: Int) -> String? {
        var bytes: [UInt8] = []
        guard append(value, decimals: decimals, to: &bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text of `format` to `bytes` and returns true, or leaves `bytes` as they
    /// are and returns false where `format` returns nil.
    static func append(_ value: Double, decimals: Int, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite, (0...9).contains(decimals) else { return false }
        let scaled = abs(value) * powers[decimals]
        guard scaled < 1e15 else { return false }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > scaled * 4.5e-16 + 1e-300 else { return false }
        // Safe: 0 ≤ whole < 10¹⁵.
        let units = Int(whole) + (fraction > 0.5 ? 1 : 0)
        let divisor = Int(powers[decimals])
        if units != 0, value < 0 { bytes.append(UInt8(ascii: "-")) }
        NumberBytes.appendInteger(units / divisor, to: &bytes)
        guard decimals > 0 else { return true }
        bytes.append(UInt8(ascii: "."))
        NumberBytes.appendDigits(UInt(units % divisor), count: decimals, to: &bytes)
        return true
    }
}
