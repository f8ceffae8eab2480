/// Text from the data as a JSON string literal, for JSON that phusong writes itself line by
/// line (GeoJSON): the one JSON string escaper. Documents written whole go through
/// `JSONEncoder` instead.
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
}
