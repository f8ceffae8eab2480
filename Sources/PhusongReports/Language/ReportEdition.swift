/// What dates, words and draws a report: the month it describes, the language of its pages,
/// workbook headings and terminal summary, and the map library and base map of report.html.
public struct ReportEdition: Sendable {
    /// The language (Vietnamese by default).
    public var language: ReportLanguage
    /// The month the report describes (`report --month`, by default the month of the run).
    public var month: ReportMonth

    /// Leaflet and its clustering, read from Debian's packages (`LeafletAssets.load()`), or
    /// why they could not be read: the page then has no interactive map.
    public var mapLibrary: Result<LeafletAssets, LeafletAssets.Missing>
    /// An online base map's tile URL (`report --basemap`, `{z}/{x}/{y}`), nil for none.
    public var basemap: String?
    /// The coverage picture shown over report.html's map (`report --terrain` computes one over
    /// the elevation data, `report --overlay` reads one), nil for none.
    public var overlay: CoverageOverlay?

    /// - Parameters:
    ///   - language: the language of the pages, headings and summary.
    ///   - month: the month the report describes.
    ///   - mapLibrary: the map library, or why it is missing.
    ///   - basemap: a tile URL for an online base map, nil for none.
    public init(language: ReportLanguage = .vi, month: ReportMonth,
                mapLibrary: Result<LeafletAssets, LeafletAssets.Missing>, basemap: String? = nil) {
        self.language = language
        self.month = month
        self.mapLibrary = mapLibrary
        self.basemap = basemap
    }
}
