/// Text from the data as a JSON string literal, for JSON that phusong writes itself line by
/// line (GeoJSON): the one JSON string escaper. Documents written whole go through
/// `JSONEncoder` instead.
package enum JSONText {
    /// `text` as a JSON string literal (RFC 8259 §7): `"` and `\` escaped, LF, CR and tab as
    /// `\n`, `\r`, `\t`, other control characters as `\u00XX`; everything else, Vietnamese
    /// included, written as it is.
    package static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
