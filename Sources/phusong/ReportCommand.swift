import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong report`: coverage of every village, the committee's indicators, and the files
/// planners and reviewers read.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute coverage and indicators; write summary.json and per-village/area/operator CSVs.",
        discussion: """
        Writes into --out: summary.json (all indicators, input checksums, model, targets, \
        version), villages.csv (per-village results), provinces.csv, communes.csv, operators.csv, \
        sites.csv, deadzones.csv and unpowered.csv (the review lists), report.xlsx (the area and \
        operator indicators and the review lists as sheets, for Excel) and report.html. \
        With --terrain, report.html's map also shows coverage over the terrain and the terrain \
        shadow as an overlay (--overlay-resolution, --no-overlay); --overlay FILE shows a raster \
        of `phusong raster` instead. Without --villages/--cells it runs on the embedded default data.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var terrain: TerrainOption
    @OptionGroup var overlay: OverlayOption
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: ArgumentHelp(
        "Folder for the outputs (created if needed), replaced whole by the new report; it must hold nothing else.", valueName: "dir"))
    var out = "out/report"

    @Option(name: .long, help: ArgumentHelp(
        "Language of report.html, report.xlsx's headings and the summary printed: vi (Vietnamese, the default) or en.", valueName: "vi|en"))
    var lang: ReportLanguage = .vi

    @Option(name: .long, help: ArgumentHelp(
        "Month the report describes, YYYY-MM (recorded in summary.json and shown on the page; default: this month).", valueName: "YYYY-MM"))
    var month: ReportMonth?

    @Option(name: .long, help: ArgumentHelp(
        "Online base map under report.html's map: a tile URL with {z}, {x} and {y} (https://…/{z}/{x}/{y}.png). "
            + "Without it the page loads nothing from the network.", valueName: "url"))
    var basemap: String?

    @Option(name: .long, help: ArgumentHelp(
        "A plan folder written by `phusong plan --out`: report the figures after every action of its plan.csv, "
            + "satellite terminals counted as connected in their own category, and what each action gains (plan_effect.csv).",
        valueName: "dir"))
    var plan: String?

    @Flag(name: .customLong("no-area"), help: "Skip area coverage (footprint tracing and union), the slowest step.")
    var noArea = false

    @Option(name: .long, help: ArgumentHelp(
        "With --partial: compute only the villages in this tile (degrees, half open: MINLON ≤ lon < MAXLON, MINLAT ≤ lat < MAXLAT); see docs/tiles.md.",
        valueName: "MINLON,MINLAT,MAXLON,MAXLAT"))
    var tile: TileBounds?

    @Flag(name: .long, help: "With --tile: write a partial (manifest.json, coverage.csv, indicators.json) into --out for `phusong merge`, not a report.")
    var partial = false

    func validate() throws {
        if (tile == nil) != !partial { throw ValidationError("give --tile and --partial together (docs/tiles.md)") }
        if partial && plan != nil { throw ValidationError("--partial does not take --plan: run `report --plan` on one machine") }
        if partial && inputs.rejects != nil {
            throw ValidationError("--partial does not take --rejects: every tile must read the same rows; fix the inputs or set the rows aside first")
        }
        if partial && (overlay.file != nil || overlay.resolution != nil) {
            throw ValidationError("--partial does not take --overlay or --overlay-resolution: a merged report has no coverage overlay (docs/tiles.md)")
        }
        try overlay.validate(terrain: terrain.path)
        if let basemap {
            guard basemap.hasPrefix("https://") || basemap.hasPrefix("http://"),
                  ["{z}", "{x}", "{y}"].allSatisfy(basemap.contains), !basemap.contains(where: { $0.isWhitespace || $0 == "\"" }) else {
                throw ValidationError("--basemap \(basemap): expected a tile URL starting with https:// (or http://) holding {z}, {x} and {y}")
            }
        }
    }

    func run() async throws {
        let progress = progressOptions.start(Self.configuration.commandName ?? "report")
        if let tile, partial { return try await runPartial(tile: tile, progress: progress) }
        let folder = try OutputGuard.openFolder(out, fileNames: plan == nil ? ReportFiles.fileNames : ReportFiles.planEffectFileNames,
                                                setName: "report", reading: inputs.files + config.files + terrain.files() + overlay.files
                                                    + (plan.map { [ReportPlan.planFile($0)] } ?? []),
                                                alsoWriting: inputs.outputFiles)
        defer { folder.release() }
        let configuration = try config.load()
        let terrainModel = try terrain.model(configuration)
        let mapLibrary = Result<LeafletAssets, LeafletAssets.Missing> { () throws(LeafletAssets.Missing) in try LeafletAssets.load() }
        if case .failure(let missing) = mapLibrary {
            Terminal.note("phusong report: report.html will have no interactive map: \(missing)")
        }
        var edition = ReportEdition(language: lang, month: try month ?? ReportMonth.current(), mapLibrary: mapLibrary, basemap: basemap)
        edition.overlay = try await overlay.file(progress: progress)
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try await inputs.load(threads: threads.count, progress: progress)
        let loadedAt = clock.now
        // Footprints are traced with the empirical model: with terrain, area coverage is left out
        // rather than mixed with terrain-model village figures.
        let includeArea = !noArea && terrainModel == nil
        var (run, planEffect) = try await ReportPlan.apply(
            plan, to: try await CoverageRun.compute(inputs: loaded, configuration: configuration, threads: threads.count,
                                                    includeArea: includeArea && plan == nil, terrain: terrainModel,
                                                    keepSearchIndex: terrainModel != nil, progress: progress),
            includeArea: includeArea, threads: threads.count)
        let computedAt = clock.now
        if edition.overlay == nil {
            edition.overlay = try await overlay.overTerrain(run: run, terrain: terrainModel, threads: threads.count, progress: progress)
        }
        // The terrain overlay's own time (two raster passes), when one was computed.
        let overlayTime = edition.overlay != nil && overlay.file == nil ? ", overlay \(seconds(clock.now - computedAt))" : ""
        // Every search is done (the terrain overlay's too): the files need the sites only, and
        // the report's peak memory without area is reached while they are written
        // (docs/benchmarks.md, "Peak memory"). Without terrain and plan, `compute` released it
        // already (releasing again costs nothing); with a plan, the run after it still holds it.
        run.engine = run.engine.releasingSearchIndex()
        let written = try await progress.stage("write") {
            try await ReportFiles.publish(run, into: folder, toolVersion: PhusongVersion.current,
                                          configurationPath: config.path, threads: threads.count, edition: edition,
                                          planEffect: planEffect)
        }
        let summary = HeadlineSummary(run, edition: edition)
        Terminal.output(HeadlineTable.render(summary))
        Terminal.output("")
        if let planEffect {
            Terminal.output(ReportPlan.render(planEffect, after: run.tables.national, language: lang))
            Terminal.output("")
        }
        if let comparison = run.terrain {
            for line in TerrainSummaryText.lines(comparison, villages: loaded.scenario.villages.count) { Terminal.output(line) }
            Terminal.output("")
        }
        Terminal.output(summary.wrotePrefix + written.joined(separator: ", "))
        let steps = run.timings
        Terminal.note("Time: load \(seconds(loadedAt - start)), coverage \(seconds(computedAt - loadedAt)) (setup \(seconds(steps.engineSetup)), "
            + "villages \(seconds(steps.villages)), indicators \(seconds(steps.indicators)), area \(seconds(steps.area)))\(overlayTime), "
            + "total \(seconds(clock.now - start)) (\(threads.count) threads)")
        let search = run.searchStatistics
        let villages = max(1, loaded.scenario.villages.count)
        Terminal.note("Search: \(search.rsrpEvaluations) RSRP evaluations, \(search.distances) distances, \(search.cellsVisited) cells visited"
            + " (\(NumberText.fixed(Double(search.rsrpEvaluations) / Double(villages), decimals: 1)) RSRP evaluations per village)")
    }

    /// "1.23 s".
    func seconds(_ duration: Duration) -> String {
        NumberText.fixed(Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18, decimals: 2) + " s"
    }
}
