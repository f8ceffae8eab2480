/// `NumberText`'s formats written straight into a byte buffer, for the writers of large files
/// (villages.csv, sites.csv, JSON documents): the same text, without a `String` per number.
package enum NumberBytes {
    /// `value` in decimal, as `String(value)` writes it: 106445, -3.
    package static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude  // UInt: Int.min has a magnitude too
        var count = 1
        var power: UInt = 10
        while count < 20, power <= magnitude {
            count += 1
            power = power &* 10  // wraps only after the last comparison that matters (10¹⁹ < 2⁶⁴)
        }
        appendDigits(magnitude, count: count, to: &bytes)
    }

    /// The last `count` (≤ 20) decimal digits of `value`, with leading zeros: (7, 3) → 007.
    /// Digits are appended in reading order (highest first), so the buffer is never reordered.
    static func appendDigits(_ value: UInt, count: Int, to bytes: inout [UInt8]) {
        var divisor: UInt = 1
        for _ in 1..<max(count, 1) { divisor = divisor &* 10 }
        for _ in 0..<count {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// `NumberText.fixed(value, decimals:)`.
    package static func appendFixed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        if !FixedDecimal.append(value, decimals: decimals, to: &bytes) {
            bytes.append(contentsOf: NumberText.fixed(value, decimals: decimals).utf8)
        }
    }

    /// `NumberText.real(value)`: Swift's shortest round-trip text ("3.0", "-84.13674494896186").
    /// It is Swift's own `description` (the standard library's shortest-digits algorithm), kept
    /// rather than reimplemented so that the text cannot differ from what phusong wrote before.
    package static func appendReal(_ value: Double, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: value.description.utf8)
    }
}
