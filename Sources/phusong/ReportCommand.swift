import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongReports

/// `phusong report`: coverage of every village, the committee's indicators, and the files
/// planners and reviewers read.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute coverage and indicators; write summary.json and per-village/area/operator CSVs.",
        discussion: """
        Writes into --out: summary.json (all indicators, input checksums, model, targets, \
        version), villages.csv (per-village results), provinces.csv, communes.csv, operators.csv, \
        sites.csv, deadzones.csv and unpowered.csv (the review lists, for Excel). \
        Without --villages/--cells it runs on the embedded default data.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption

    @Option(name: .long, help: ArgumentHelp(
        "Folder for the outputs (created if needed), replaced whole by the new report; it must hold nothing else.", valueName: "dir"))
    var out = "out/report"

    @Flag(name: .customLong("no-area"), help: "Skip area coverage (footprint tracing and union), the slowest step.")
    var noArea = false

    func run() async throws {
        let folder = try OutputGuard.openFolder(out, fileNames: ReportFiles.fileNames, setName: "report",
                                                reading: inputs.files + config.files, alsoWriting: inputs.outputFiles)
        defer { folder.release() }
        let configuration = try config.load()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try await inputs.load(threads: threads.count)
        let loadedAt = clock.now
        let run = try await CoverageRun.compute(inputs: loaded, configuration: configuration, threads: threads.count, includeArea: !noArea)
        let computedAt = clock.now
        let written = try OutputGuard.publish(into: folder) {
            try ReportFiles.files(run, toolVersion: PhusongVersion.current, configurationPath: config.path)
        }
        Terminal.output(HeadlineTable.render(run))
        Terminal.output("")
        Terminal.output("Wrote \(written.joined(separator: ", "))")
        let steps = run.timings
        Terminal.note(String(format: "Time: load %.2f s, coverage %.2f s (setup %.2f s, villages %.2f s, indicators %.2f s, area %.2f s), total %.2f s (%d threads)",
                             seconds(loadedAt - start), seconds(computedAt - loadedAt), seconds(steps.engineSetup),
                             seconds(steps.villages), seconds(steps.indicators), seconds(steps.area),
                             seconds(clock.now - start), threads.count))
        let search = run.searchStatistics
        let villages = max(1, loaded.scenario.villages.count)
        Terminal.note("Search: \(search.rsrpEvaluations) RSRP evaluations, \(search.distances) distances, \(search.cellsVisited) cells visited"
            + String(format: " (%.1f RSRP evaluations per village)", Double(search.rsrpEvaluations) / Double(villages)))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
