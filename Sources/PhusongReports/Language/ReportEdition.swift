/// What dates and words a report: the month it describes and the language of its pages,
/// workbook headings and terminal summary.
public struct ReportEdition: Sendable, Hashable {
    /// The language (Vietnamese by default).
    public var language: ReportLanguage
    /// The month the report describes (`report --month`, by default the month of the run).
    public var month: ReportMonth

    /// - Parameters:
    ///   - language: the language of the pages, headings and summary.
    ///   - month: the month the report describes.
    public init(language: ReportLanguage = .vi, month: ReportMonth) {
        self.language = language
        self.month = month
    }
}
