import Foundation
import PhusongCoverage
import PhusongPlanning
import PhusongReports

/// `report --plan PLAN_DIR`: the figures after a plan written by `phusong plan --out PLAN_DIR`.
enum ReportPlan {
    /// The plan file of a plan folder.
    static func planFile(_ folder: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent("plan.csv").path
    }

    /// Without a plan folder, `run` as it is; with one, the run after its plan.csv (every
    /// action checked against the inputs, then applied: `PlanApplication`) and the effect.
    static func apply(_ folder: String?, to run: CoverageRun, includeArea: Bool, threads: Int) async throws -> (CoverageRun, PlanEffect?) {
        guard let folder else { return (run, nil) }
        let path = planFile(folder)
        let actions = try PlanFileReader.read(path: path, before: run)
        let applied = try await PlanApplication.apply(actions, planFile: path, to: run, includeArea: includeArea, threads: threads)
        return (applied.after, applied.effect)
    }

    /// The before/after table and the gains per kind of action, for the terminal.
    static func render(_ effect: PlanEffect, after: CoverageIndicators, language: ReportLanguage) -> String {
        let summary = PlanEffectSummary(effect, after: after, language: language)
        var indicators = TextTable(summary.header, rightAligned: [1, 2, 3])
        for row in summary.rows { indicators.add(row) }
        var gains = TextTable(summary.gainsHeader, rightAligned: Set(1..<summary.gainsHeader.count))
        for row in summary.gainRows { gains.add(row) }
        return ([summary.title] + indicators.lines(indent: 2) + [""] + gains.lines(indent: 2)).joined(separator: "\n")
    }
}
