import ArgumentParser
import PhusongReports
import PhusongSupport

/// `phusong compare`: the monthly progress view between two report folders.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two `report` outputs: indicator deltas, villages newly connected or that lost coverage, new and removed sites."
    )

    @Option(name: .long, help: ArgumentHelp("The earlier report's --out folder.", valueName: "dir"))
    var before: String

    @Option(name: .long, help: ArgumentHelp("The later report's --out folder.", valueName: "dir"))
    var after: String

    @Option(name: .long, help: ArgumentHelp(
        "Also write compare_indicators.csv, compare_villages.csv, compare_sites.csv and compare.html into this folder (replaced whole).",
        valueName: "dir"))
    var out: String?

    func run() throws {
        let folder = try out.map { out in
            try OutputGuard.openFolder(out, fileNames: ComparisonFiles.fileNames, setName: "comparison",
                                       reading: [before, after].flatMap { report in ReportFiles.fileNames.map { report + "/" + $0 } })
        }
        defer { folder?.release() }
        let comparison = ReportComparison(before: try ReportSnapshot.load(folder: before), after: try ReportSnapshot.load(folder: after))
        Terminal.output(ComparisonText.render(comparison))
        guard let folder else { return }
        let written = try OutputGuard.publish(into: folder) { try ComparisonFiles.files(comparison) }
        Terminal.note("Wrote \(written.joined(separator: ", "))")
    }
}

/// The comparison as terminal text.
enum ComparisonText {
    static func render(_ comparison: ReportComparison) -> String {
        var table = TextTable(["indicator", "before", "after", "change"])
        for delta in comparison.national {
            table.add([delta.name, value(delta, delta.before), value(delta, delta.after), change(delta)])
        }
        var lines = ["Coverage progress: \(comparison.before.folder) → \(comparison.after.folder)"] + table.lines(indent: 2)
        let villages = Dictionary(grouping: comparison.villages, by: \.change)
        lines.append("")
        for kind in [ReportComparison.VillageChange.newlyConnected, .lostCoverage, .gained5G, .lost5G] {
            let changed = villages[kind] ?? []
            lines.append("Villages \(kind.rawValue): \(NumberText.grouped(changed.count)) (\(NumberText.grouped(changed.reduce(0) { $0 + $1.state.population })) people)")
            for village in changed.prefix(kind == .newlyConnected || kind == .lostCoverage ? 10 : 0) {
                lines.append("  \(village.id)  \(village.state.name)  province \(village.state.provinceCode)  \(NumberText.grouped(village.state.population)) people")
            }
            if changed.count > 10, kind == .newlyConnected || kind == .lostCoverage { lines.append("  ... and \(changed.count - 10) more (see --out)") }
        }
        let sites = Dictionary(grouping: comparison.sites, by: \.change)
        lines.append("Sites: added \(sites[.added]?.count ?? 0), removed \(sites[.removed]?.count ?? 0), gained 5G \(sites[.gained5G]?.count ?? 0), lost 5G \(sites[.lost5G]?.count ?? 0)")
        if comparison.villagesOnlyBefore + comparison.villagesOnlyAfter > 0 {
            lines.append("Villages in only one report: before \(comparison.villagesOnlyBefore), after \(comparison.villagesOnlyAfter)")
        }
        return lines.joined(separator: "\n")
    }

    private static func value(_ delta: ReportComparison.IndicatorDelta, _ number: Double) -> String {
        if delta.isShare { return NumberText.percent(number, spaced: true) }
        return delta.name.contains("/") ? NumberText.fixed(number, decimals: 3) : NumberText.grouped(Int(saturating: number))
    }

    private static func change(_ delta: ReportComparison.IndicatorDelta) -> String {
        let sign = delta.change > 0 ? "+" : ""
        if delta.isShare { return sign + NumberText.fixed(100 * delta.change, decimals: 2) + " pts" }
        return sign + (delta.name.contains("/") ? NumberText.fixed(delta.change, decimals: 3) : NumberText.grouped(Int(saturating: delta.change)))
    }
}
