/// The language of the pages, the workbook's column headings and the terminal summary of a
/// report. Machine-readable outputs (CSV columns, summary.json keys) stay in English whatever
/// the language.
public enum ReportLanguage: String, Sendable, CaseIterable, Hashable {
    /// Vietnamese, the default: the report ministry staff review.
    case vi
    /// English.
    case en

    /// The language's texts and number formats.
    var text: ReportText {
        switch self {
        case .vi: .vietnamese
        case .en: .english
        }
    }
}

/// The month a report describes, `YYYY-MM`: written into summary.json (`month`), shown on
/// the page, and the date `trend` orders reports by.
public struct ReportMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1900…9999.
    public var year: Int
    /// The month, 1…12.
    public var month: Int

    /// The accepted range of years.
    public static let years = 1900...9999

    /// - Parameters:
    ///   - year: 1900…9999.
    ///   - month: 1…12.
    /// - Returns: nil when either is out of range.
    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` (four digits, a hyphen, two digits): "2026-05". Nil for anything else.
    /// - Parameter text: the text to read.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)) else { return nil }
        self.init(year: year, month: month)
    }

    /// "2026-05".
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Months since January of year 0: consecutive months differ by 1 (for trends).
    public var index: Int { year * 12 + month - 1 }

    /// The month `index` months after January of year 0 (the inverse of `index`); nil beyond
    /// the accepted years.
    /// - Parameter index: months since January of year 0.
    public init?(index: Int) {
        self.init(year: index.quotientAndRemainder(dividingBy: 12).quotient, month: index % 12 + 1)
    }

    /// Orders by time.
    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { lhs.index < rhs.index }
}
