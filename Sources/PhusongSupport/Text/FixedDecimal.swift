/// Fixed-decimal formatting without `String(format:)`, which costs about a microsecond a call
/// and dominated writing villages.csv (half a million numbers nationally). `NumberText.fixed`
/// uses it first.
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
