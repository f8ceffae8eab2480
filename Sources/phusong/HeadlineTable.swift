import PhusongCoverage
import PhusongReports
import PhusongSupport

/// The short table of headline indicators against the committee's targets, in the report's
/// language (`HeadlineSummary`).
enum HeadlineTable {
    static func render(_ summary: HeadlineSummary) -> String {
        var table = TextTable(summary.header, rightAligned: [1, 2])
        for row in summary.rows { table.add(row) }
        return ([summary.title] + table.lines(indent: 2)).joined(separator: "\n")
    }
}
