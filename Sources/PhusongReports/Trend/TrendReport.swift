import Foundation
import PhusongCoverage
import PhusongSupport

/// What `trend` reads from one report folder: its month and headline indicators (summary.json
/// only; the village and site tables are not needed).
public struct TrendReport: Sendable {
    /// The report folder.
    public var folder: String
    /// The month of the report (`month` in summary.json, `report --month`).
    public var month: ReportMonth
    /// The targets the report was computed against.
    public var targets: CoverageTargets
    /// The national indicators.
    public var national: CoverageIndicators
    /// The indicators of each province, by code.
    public var provinces: [String: CoverageIndicators]
    /// Province names, by code.
    public var provinceNames: [String: String]

    /// Reads `folder`/summary.json.
    /// - Parameter folder: a folder written by `report`.
    /// - Throws: `LoadError` naming the file when it is missing, not a summary, or has no
    ///   valid `month` (a report made before `--month` existed).
    public static func load(folder: String) throws(LoadError) -> TrendReport {
        let path = folder + "/summary.json"
        let summary = try SummaryContents.read(folder: folder)
        guard let text = summary.month else {
            throw LoadError(Problem(file: path, reason: .file(.notASummary(
                detail: "no \"month\": the report was written before `report --month` existed; run report again with --month YYYY-MM"))))
        }
        guard let month = ReportMonth(text) else {
            throw LoadError(Problem(file: path, reason: .file(.notASummary(
                detail: "\"month\" is \"\(text)\"; expected YYYY-MM with a year in \(ReportMonth.years) and a month in 01…12"))))
        }
        return TrendReport(folder: folder, month: month, targets: summary.targets ?? CoverageTargets(), national: summary.national,
                           provinces: summary.provinces.mapValues(\.indicators), provinceNames: summary.provinces.compactMapValues(\.name))
    }
}
