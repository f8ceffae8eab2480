/// A page kept as an HTML file with named slots, `{{name}}`, that Swift fills with HTML it
/// built and escaped (`HTMLText`). Filling is one pass over the file: a value is copied as
/// it is and never searched for slots, so text from the data cannot reach another slot.
struct HTMLTemplate: Sendable {
    /// A slot without a value, or a value without a slot: a mistake in phusong, not in the
    /// data (the tests fill every template).
    struct Mismatch: Error, CustomStringConvertible, Sendable {
        var template: String
        var missing: [String]
        var unused: [String]
        var description: String {
            "template \(template): " + (missing.isEmpty ? "" : "no value for \(missing.joined(separator: ", ")) ")
                + (unused.isEmpty ? "" : "no slot for \(unused.joined(separator: ", "))")
        }
    }

    private enum Part: Sendable {
        case text(String)
        case slot(String)
    }

    let name: String
    private let parts: [Part]

    /// The slots' names, in order of appearance (a name may appear more than once).
    var slots: [String] {
        parts.compactMap { part in
            if case .slot(let name) = part { return name }
            return nil
        }
    }

    /// - Parameter text: the file; `{{` followed by ASCII letters and `}}` is a slot, any
    ///   other text (the braces of CSS and scripts included) is kept as it is.
    init(name: String, text: String) {
        self.name = name
        var parts: [Part] = []
        var pending = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            if let close = afterOpen.firstRange(of: "}}"), case let slot = afterOpen[..<close.lowerBound],
               !slot.isEmpty, slot.allSatisfy({ $0.isASCII && $0.isLetter }) {
                parts.append(.text(pending + rest[..<open.lowerBound]))
                parts.append(.slot(String(slot)))
                pending = ""
                rest = afterOpen[close.upperBound...]
            } else {
                // Not a slot: keep the first brace and look again from the second.
                let next = rest.index(after: open.lowerBound)
                pending += rest[..<next]
                rest = rest[next...]
            }
        }
        parts.append(.text(pending + rest))
        self.parts = parts
    }

    /// The page with every slot replaced by its value. Throws `Mismatch` unless every slot
    /// has a value in `values` or `phrases` and every key of `values` is a slot.
    /// - Parameter phrases: texts of the page's language by slot name (`ReportText.phrases`),
    ///   for the slots `values` does not fill; those the template does not show are ignored.
    func filled(_ values: [String: String], phrases: [String: String] = [:]) throws -> String {
        let names = Set(slots)
        let missing = names.subtracting(values.keys).subtracting(phrases.keys).sorted()
        let unused = Set(values.keys).subtracting(names).sorted()
        guard missing.isEmpty, unused.isEmpty else { throw Mismatch(template: name, missing: missing, unused: unused) }
        var page = ""
        page.reserveCapacity(values.values.reduce(0) { $0 + $1.utf8.count } + parts.count * 64)
        for part in parts {
            switch part {
            case .text(let text): page += text
            case .slot(let slot): page += values[slot] ?? phrases[slot] ?? ""
            }
        }
        return page
    }
}
