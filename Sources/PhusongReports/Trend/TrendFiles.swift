/// The files of `trend --out`: trend.html (`TrendHTML`) and trend.csv (`TrendCSV`).
public enum TrendFiles {
    /// The files, in the order they are listed.
    public static let fileNames = ["trend.html", "trend.csv"]

    /// Every file with its bytes, in the order of `fileNames`.
    /// - Parameters:
    ///   - table: the trend.
    ///   - language: the language of trend.html (trend.csv's columns are English).
    ///   - toolVersion: the version written into trend.html.
    public static func files(_ table: TrendTable, language: ReportLanguage, toolVersion: String) throws -> [(name: String, bytes: [UInt8])] {
        [("trend.html", try TrendHTML.bytes(table, language: language, toolVersion: toolVersion)), ("trend.csv", TrendCSV.bytes(table))]
    }
}
