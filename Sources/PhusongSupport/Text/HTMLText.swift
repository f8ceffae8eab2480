/// Text from the data made safe inside HTML (report.html, compare.html, the balloons of KML
/// placemarks): the one HTML escaper of phusong.
///
/// Works on Unicode scalars, not on characters (`ScalarEscaping`): a `"` followed by a
/// combining mark is one Swift `Character` that is not equal to `"`, yet a browser still ends
/// the attribute at the quote, so escaping by character would let such a name out of its
/// attribute.
package enum HTMLText {
    /// `text` safe in element content and in a double- or single-quoted attribute value:
    /// `&`, `<`, `>`, `"` and `'` as character references (HTML Living Standard §13.1.4,
    /// §13.2.5). With `breakingLines`, each line break (CR LF, CR or LF) becomes `<br/>`, for
    /// multi-line text shown as HTML.
    package static func escaped(_ text: String, breakingLines: Bool = false) -> String {
        var afterCarriageReturn = false
        return ScalarEscaping.escaped(text) { scalar in
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            case "\r" where breakingLines: return "<br/>"
            case "\n" where breakingLines: return afterCarriageReturn ? "" : "<br/>"
            default: return nil
            }
        }
    }

    /// `value` as JSON (sorted keys, so equal data gives equal bytes; `JSONDocument`) that can
    /// sit inside a `<script type="application/json">` element: every `<` is written `\u003c`,
    /// so neither `</script>` nor `<!--` can occur (JSON.parse reads the escape back as `<`).
    package static func scriptJSON<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try JSONDocument.bytes(value, pretty: false, escapingLessThan: true), as: UTF8.self)
    }
}
