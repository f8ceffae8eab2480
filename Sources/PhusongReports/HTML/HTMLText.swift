import Foundation
import PhusongSupport

/// Text helpers of `report.html`: numbers for people, HTML escaping, JSON for a script
/// element, search keys.
enum HTMLText {
    /// A count with thousands separators: 106445 → "106,445".
    static func count(_ value: Int) -> String { groupedThousands(value) }

    /// A share (0…1) as a percentage with two decimals: 0.98123 → "98.12%".
    static func percent(_ share: Double) -> String {
        decimal(100 * share, 2) + "%"
    }

    /// `value` with `decimals` decimals (POSIX: "." as the decimal point, no grouping).
    static func decimal(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // "-0.00" reads as a sign error.
        return text.allSatisfy { "-0.".contains($0) } ? String(text.drop { $0 == "-" }) : text
    }

    /// `text` safe inside an element or a double- or single-quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `value` as JSON (sorted keys, so equal data gives equal bytes) that can sit inside a
    /// `<script type="application/json">` element: every `<` is written `\u003c`, so neither
    /// `</script>` nor `<!--` can occur (JSON.parse reads the escape back as `<`).
    static func scriptJSON<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The search key of a row: its texts folded like the page folds a typed query (lower
    /// case, diacritics removed, đ → d, runs of white space as one space), joined by " | " so
    /// that a phrase does not match across two fields.
    static func searchKey(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.map { part in
            UnicodeText.searchKey(part).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.joined(separator: " | ")
    }
}
