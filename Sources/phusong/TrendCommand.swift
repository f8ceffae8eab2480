import ArgumentParser
import PhusongReports
import PhusongSupport

/// `phusong trend`: the headline indicators of successive monthly reports against the
/// targets, and when each target is reached at the current pace.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Follow the headline indicators over monthly `report` outputs and project when each target is reached.",
        discussion: """
        Reads summary.json of each report folder (dated by its month, `report --month`) and writes \
        trend.html and trend.csv into --out: 5G population coverage, the 5G/4G station ratio, \
        dead-zone villages and broadband villages by month, nationally and per province, against \
        the latest report's targets. Pace: the least-squares slope over the months; target month: \
        from the latest value at that pace (docs/outputs.md).
        """
    )

    @Argument(help: ArgumentHelp("Report folders (written by `report`), at least one, of different months.", valueName: "report-dir"))
    var reports: [String]

    @Option(name: .long, help: ArgumentHelp("Folder for trend.html and trend.csv (created if needed), replaced whole.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Language of trend.html: vi (Vietnamese, the default) or en.", valueName: "vi|en"))
    var lang: ReportLanguage = .vi

    func validate() throws {
        guard !reports.isEmpty else { throw ValidationError("give at least one report folder") }
    }

    func run() throws {
        let folder = try OutputGuard.openFolder(out, fileNames: TrendFiles.fileNames, setName: "trend",
                                                reading: reports.map { $0 + "/summary.json" })
        defer { folder.release() }
        let loaded = try reports.map { try TrendReport.load(folder: $0) }
        let table: TrendTable
        do {
            table = try TrendTable(loaded)
        } catch {
            Terminal.error("phusong trend: \(error)")
            throw ExitCodes.usage
        }
        Terminal.output(TrendText.render(table))
        let written = try OutputGuard.publish(into: folder) {
            try TrendFiles.files(table, language: lang, toolVersion: PhusongVersion.current)
        }
        Terminal.note("Wrote \(written.joined(separator: ", "))")
    }
}

/// The national trend as terminal text: each indicator's latest value, target, pace and
/// target month.
enum TrendText {
    static func render(_ table: TrendTable) -> String {
        var text = TextTable(["indicator", "latest", "target", "pace/month", "target month"])
        guard let national = table.areas.first else { return "" }
        for indicator in TrendIndicator.allCases {
            let projection = national.projections[indicator]
            let latest = national.values[indicator]?.last ?? nil
            let month: String = switch projection?.status {
            case .met?: "met"
            case .onPace?: projection?.month?.description ?? ""
            case .notOnPace?: "not at this pace"
            case .insufficientData?, nil: "needs two months"
            }
            text.add([indicator.rawValue, latest.map { NumberText.fixed($0, decimals: 4) } ?? "n/a",
                      NumberText.fixed(indicator.target(table.targets), decimals: 2),
                      projection?.pacePerMonth.map { NumberText.fixed($0, decimals: 5) } ?? "n/a", month])
        }
        let span = "\(table.months.first?.description ?? "") to \(table.months.last?.description ?? "")"
        return (["Trend over \(table.months.count) reports, \(span)"] + text.lines(indent: 2)).joined(separator: "\n")
    }
}
