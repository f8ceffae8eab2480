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
    ///
    /// Digits come lowest first (a division by the constant 10 compiles to a multiplication),
    /// so they are put into a 24-byte scratch buffer on the stack from its position `count - 1`
    /// down to 0, then appended in reading order. Bounds: `count` is clamped to 0...20, and
    /// 20 < 24, so every position written and read lies inside the buffer.
    static func appendDigits(_ value: UInt, count: Int, to bytes: inout [UInt8]) {
        let count = min(max(count, 0), 20)
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var rest = value
            for position in stride(from: count - 1, through: 0, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: buffer[0..<count])
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
