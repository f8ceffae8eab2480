/// Text from the data made safe inside XML 1.0 (KML): the one XML escaper of phusong.
package enum XMLText {
    /// `text` escaped for XML 1.0 element content and attribute values: `&`, `<`, `>`, `"`
    /// and `'` as the predefined entities (XML 1.0 §4.6); CR as `&#13;` so that parsers do not
    /// turn it into LF (§2.11); characters XML 1.0 cannot hold (controls other than tab, LF
    /// and CR, U+FFFE, U+FFFF; §2.2) as U+FFFD.
    package static func escaped(_ text: String) -> String {
        ScalarEscaping.escaped(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\r": "&#13;"
            case "\t", "\n": nil
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: "\u{FFFD}"
            default: nil
            }
        }
    }
}
