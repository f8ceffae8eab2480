/// Text from the data as JSON string literals: the JSON string escapers.
///
/// Two styles, both valid JSON (RFC 8259 §7), kept apart because files already written in
/// each must keep their bytes:
/// - `string(_:)`, for the JSON phusong writes line by line (GeoJSON): control characters as
///   `\n`, `\r`, `\t` or upper-case `\u00XX`;
/// - `appendEncoderString(_:escapingLessThan:to:)`, for whole documents (`JSONDocument`:
///   summary.json, plan_summary.json, the report page's data), exactly as Foundation's
///   `JSONEncoder` wrote them: also `\b` and `\f`, lower-case `\u00xx`.
package enum JSONText {
    /// `text` as a JSON string literal (RFC 8259 §7): `"` and `\` escaped, LF, CR and tab as
    /// `\n`, `\r`, `\t`, other control characters as `\u00XX`; everything else, Vietnamese
    /// included, written as it is.
    package static func string(_ text: String) -> String {
        let escaped = ScalarEscaping.escaped(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where scalar.value < 0x20:
                "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }

    /// Appends `text` as a JSON string literal the way swift-foundation's `JSONEncoder` writes
    /// it with `.withoutEscapingSlashes`: `"` and `\` escaped; backspace, form feed, LF, CR and
    /// tab as `\b`, `\f`, `\n`, `\r`, `\t`; other control characters as lower-case `\u00xx`;
    /// `/` and everything else as it is. With `escapingLessThan`, `<` is written `\u003c`, so
    /// that neither `</script>` nor `<!--` can occur (JSON embedded in an HTML page).
    package static func appendEncoderString(_ text: String, escapingLessThan: Bool, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        var text = text
        let plain = text.withUTF8 { utf8 in
            // Most text needs no escape: then it is copied whole.
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || (escapingLessThan && $0 == UInt8(ascii: "<")) }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20: appendUnicodeEscape(byte, to: &bytes)
            case UInt8(ascii: "<") where escapingLessThan: appendUnicodeEscape(byte, to: &bytes)
            default: bytes.append(byte)
            }
        }
    }

    /// `\u00xx`, lower-case hexadecimal.
    private static func appendUnicodeEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
        bytes.append(contentsOf: "\\u00".utf8)
        bytes.append(digit(byte >> 4))
        bytes.append(digit(byte & 0x0F))
    }
}
