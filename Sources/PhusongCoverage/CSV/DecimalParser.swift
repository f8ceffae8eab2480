/// Parses decimal numbers from ASCII bytes without building a String.
///
/// Written by hand because the standard library parses only from String: building one per
/// numeric field dominated load time. The fast path is Clinger's: when the digits form an
/// integer below 2^53 and the power of ten is at most 22, both are exact doubles and one
/// IEEE division or multiplication gives the correctly rounded result (the same double as
/// strtod or Python's float()). Anything else falls back to the standard library's parser.
enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of `bytes` (e.g. `105.841143`, `-3`, `1e5`, `+0.5`), or nil when it is not a
    /// finite decimal number. Leading/trailing spaces must already be trimmed.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        var index = bytes.startIndex
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var sawDigit = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                sawDigit = true
                if mantissa == 0, byte == 0x30, !sawPoint {
                    // leading zero: no significant digit
                } else {
                    digits += 1
                    if digits > 18 { return slowParse(bytes) }
                    mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                }
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                return sawDigit ? slowParse(bytes) : nil
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit else { return nil }
        guard mantissa < (1 << 53), fractionDigits <= 22 else { return slowParse(bytes) }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    private static func slowParse(_ bytes: ArraySlice<UInt8>) -> Double? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // Double(String) accepts "nan", "inf" and hex floats; a data file must not.
        guard text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(text),
              value.isFinite else { return nil }
        return value
    }
}
