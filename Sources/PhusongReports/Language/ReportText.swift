import PhusongSupport

/// The texts and number formats of one `ReportLanguage`: what report.html, trend.html, the
/// headings of report.xlsx and the terminal summary say. Every text is a `Key`; each language
/// has one table of them, an exhaustive `switch` (`ReportText+Vietnamese.swift`,
/// `ReportText+English.swift`), so a text missing in one language does not compile.
///
/// A text may hold numbered places, `{1}`, `{2}`…, filled by `callAsFunction(_:_:)` with text
/// the caller already formatted (and, for a page, escaped). Keys whose raw value is a slot of a
/// page template (`{{pageTitle}}`) fill that slot (`phrases`).
struct ReportText: Sendable {
    let language: ReportLanguage
    private let table: @Sendable (Key) -> String
    /// Thousands separator: "." in Vietnamese (1.234.567), "," in English.
    let groupSeparator: Character
    /// Decimal separator: "," in Vietnamese (1.234,5), "." in English.
    let decimalSeparator: Character

    static let vietnamese = ReportText(language: .vi, table: ReportText.vietnameseText, groupSeparator: ".", decimalSeparator: ",")
    static let english = ReportText(language: .en, table: ReportText.englishText, groupSeparator: ",", decimalSeparator: ".")

    /// The text of `key` with `{1}`, `{2}`… replaced by `arguments` (a place without an
    /// argument is kept as it is).
    func callAsFunction(_ key: Key, _ arguments: String...) -> String {
        let text = table(key)
        guard !arguments.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let number = Int(rest[afterOpen..<close]),
               arguments.indices.contains(number - 1) {
                result += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// Every text, escaped for HTML, by key: the static texts of the page templates, whose
    /// slots are named after their keys.
    var phrases: [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, HTMLText.escaped(table($0))) })
    }

    // MARK: Numbers and dates

    /// A whole number with the language's thousands separator: 1.234.567 / 1,234,567.
    func integer(_ value: Int) -> String {
        let grouped = NumberText.grouped(value)
        return groupSeparator == "," ? grouped : String(grouped.map { $0 == "," ? groupSeparator : $0 })
    }

    /// `value` with `decimals` decimals (rounded as `NumberText.fixed`), its integer part
    /// grouped: 1234.5 → "1.234,5" / "1,234.5".
    func decimal(_ value: Double, decimals: Int) -> String {
        let fixed = NumberText.fixed(value, decimals: decimals)
        let negative = fixed.hasPrefix("-")
        let digits = negative ? fixed.dropFirst() : Substring(fixed)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = ""
        for (index, character) in parts[0].enumerated() {
            if index > 0, (parts[0].count - index) % 3 == 0 { whole.append(groupSeparator) }
            whole.append(character)
        }
        let fraction = parts.count > 1 ? String(decimalSeparator) + parts[1] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// A share (0…1) as a percentage: 0.98123 → "98,12%" / "98.12%".
    func percent(_ share: Double, decimals: Int = 2) -> String {
        decimal(100 * share, decimals: decimals) + "%"
    }

    /// The month as people write it: "tháng 5/2026" / "May 2026".
    func month(_ month: ReportMonth) -> String {
        switch language {
        case .vi: "tháng \(month.month)/\(month.year)"
        case .en: "\(Self.englishMonths[month.month - 1]) \(month.year)"
        }
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]

    /// The heading of a report.xlsx column named `column` in the CSVs: a Vietnamese label, or
    /// in English the CSV name itself (the machine names read as English).
    func columnLabel(_ column: String) -> String {
        switch language {
        case .vi: Self.vietnameseColumns[column] ?? column
        case .en: column
        }
    }
}
