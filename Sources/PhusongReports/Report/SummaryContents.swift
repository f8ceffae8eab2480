import Foundation
import PhusongCoverage
import PhusongSupport

/// The parts of a report's summary.json that `compare` (`ReportSnapshot`) and `trend`
/// (`TrendReport`) read back: the month, the targets, and the national and provincial
/// indicators with the provinces' names.
struct SummaryContents: Decodable {
    var month: String?
    var targets: CoverageTargets?
    var national: CoverageIndicators
    var provinces: [String: Entry]

    struct Entry: Decodable {
        var indicators: CoverageIndicators
        var name: String?

        init(from decoder: any Decoder) throws {
            indicators = try CoverageIndicators(from: decoder)
            name = try decoder.container(keyedBy: Key.self).decodeIfPresent(String.self, forKey: .name)
        }

        enum Key: String, CodingKey { case name }
    }

    /// Reads `folder`/summary.json.
    /// - Throws: `LoadError` naming the file (and the report folder when it is missing) or
    ///   saying it is not a summary.
    static func read(folder: String) throws(LoadError) -> SummaryContents {
        let path = folder + "/summary.json"
        let data: [UInt8]
        do {
            data = try InputFile(path: path).readAll(limit: InputLimits.maxSummaryBytes, kind: "a summary.json")
        } catch {
            throw LoadError(problems: error.problems.map { problem in
                var problem = problem
                if problem.isUnavailableInput { problem.reason = .inReportFolder(problem.reason, folder: folder) }
                return problem
            })
        }
        do {
            return try JSONDecoder().decode(SummaryContents.self, from: Data(data))
        } catch {
            throw LoadError(Problem(file: path, reason: .file(.notASummary(detail: "\(error)"))))
        }
    }
}
