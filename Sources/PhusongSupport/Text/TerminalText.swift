/// Text from the data made safe to print on a terminal: control characters are shown as
/// visible escapes instead of reaching the terminal, so a village named with an ESC sequence
/// cannot recolour, move the cursor, retitle the window or hide a line of phusong's output.
public enum TerminalText {
    /// `text` with every control character written as an escape: C0 controls, DEL and C1
    /// controls as `\x1B`-style hex (tab and line breaks too, unless `keepingLineBreaks`, which
    /// keeps `\n` for multi-line messages), and the Unicode bidirectional overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069), which can reorder what a reader sees, as
    /// `\u{202E}`. Text without any of them is returned unchanged.
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value <= 0xFF { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
        return "\\u{" + hex + "}"
    }
}
