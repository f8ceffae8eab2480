import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong merge`: the complete report from the partials of a tiled run (docs/tiles.md).
struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partials of `report --tile … --partial` into the complete report.",
        discussion: """
        Checks that the partials come from one run (the same inputs and checksums, configuration, \
        model, terrain and report options) and hold every village exactly once, reads the inputs \
        again from the manifests' paths (checking their SHA-256), and writes into --out the same \
        files as `report`, byte for byte, from the same code. Exit codes: 65 when the partials \
        come from different runs, overlap, miss villages (a tile is missing) or an input changed; \
        66 when a partial or an input cannot be read. See docs/tiles.md.
        """
    )

    @Argument(help: ArgumentHelp("The partial folders (the --out of each `report --tile … --partial`).", valueName: "dir"))
    var partials: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Folder for the report (created if needed), replaced whole; it must hold nothing else.", valueName: "dir"))
    var out: String

    @OptionGroup var threads: ThreadsOption
    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if partials.isEmpty { throw ValidationError("give the partial folders to merge") }
    }

    func run() async throws {
        let progress = progressOptions.start(Self.configuration.commandName ?? "merge")
        let clock = ContinuousClock()
        let start = clock.now
        var read: [(folder: String, partial: Partial)] = []
        for folder in partials { read.append((folder, try Partial.read(folder: folder))) }
        let merge = try PartialMerge(read)
        let manifest = merge.manifest
        guard manifest.toolVersion == PhusongVersion.current else {
            throw PartialError(.differentRuns, "the partials were computed by phusong \(manifest.toolVersion); this is \(PhusongVersion.current): "
                + "merge them with the same version")
        }
        let inputFiles = [manifest.inputs.villages] + manifest.inputs.cells + manifest.inputs.admin + (manifest.inputs.config.map { [$0] } ?? [])
        let terrainFiles = try merge.terrainFilesRead()
        let folder = try OutputGuard.openFolder(
            out, fileNames: ReportFiles.fileNames, setName: "report",
            reading: (inputFiles + terrainFiles).map(\.path) + partials.flatMap { partial in Partial.fileNames.map { partial + "/" + $0 } })
        defer { folder.release() }
        let configuration = try manifest.inputs.config.map { try ConfigurationLoader.load(path: $0.path) } ?? PhusongConfiguration()
        let terrainModel = try manifest.terrain.map { try TerrainModel(source: TerrainSource(path: $0.source), settings: configuration.terrain) }
        if let terrain = manifest.terrain, terrain.settings != configuration.terrain {
            throw PartialError(.inputChanged, "the [terrain] settings of the configuration are not those the tiles used")
        }
        guard let language = ReportLanguage(rawValue: manifest.report.language), let month = ReportMonth(manifest.report.month) else {
            throw PartialError(.invalid, "\(partials[0])/manifest.json: report language \(manifest.report.language) or month \(manifest.report.month) not valid")
        }
        let mapLibrary = Result<LeafletAssets, LeafletAssets.Missing> { () throws(LeafletAssets.Missing) in try LeafletAssets.load() }
        if case .failure(let missing) = mapLibrary {
            Terminal.note("phusong merge: report.html will have no interactive map: \(missing)")
        }
        let edition = ReportEdition(language: language, month: month, mapLibrary: mapLibrary, basemap: manifest.report.basemap)
        let loaded = try await load(manifest.inputs, progress: progress)
        for file in terrainFiles {
            do { try InputFile(path: file.path).readToEnd() } catch {
                throw PartialError(error.isUnavailableInput ? .unreadable : .invalid, "\(file.path): \(error)")
            }
        }
        for file in inputFiles + terrainFiles where FileChecksum.sha256(path: file.path) != file.sha256 {
            throw PartialError(.inputChanged, "\(file.path) changed since the tiles ran: sha256 now \(FileChecksum.sha256(path: file.path) ?? "unknown"), "
                + "the tiles read \(file.sha256)")
        }
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(
                cells: loaded.scenario.cells, sites: loaded.sites, parameters: configuration.radio, threads: threads.count)
        }
        let assembled = try merge.assemble(villages: loaded.scenario.villages, cellCount: loaded.scenario.cells.count,
                                           siteCount: engine.sites.count, operatorCount: engine.operators.count)
        try terrainModel?.check(assembled.terrainStatistics)
        let run = try await CoverageRun.assemble(
            inputs: loaded, configuration: configuration, engine: engine, coverage: assembled.coverage,
            empiricallyConnected: assembled.empiricallyConnected, terrainStatistics: assembled.terrainStatistics, terrain: terrainModel,
            includeArea: manifest.report.area, threads: threads.count, progress: progress)
        var sums = TileIndicators()
        for (_, partial) in read { sums.add(partial.indicators) }
        guard sums.villageFiguresEqual(run.tables.national) else {
            throw PartialError(.invalid, "the partials' indicators (\(sums)) do not add up to the villages' coverage they hold")
        }
        let written = try await progress.stage("write") {
            try await ReportFiles.publish(run, into: folder, toolVersion: PhusongVersion.current, configurationPath: manifest.inputs.config?.path,
                                          threads: threads.count, edition: edition)
        }
        let summary = HeadlineSummary(run, edition: edition)
        Terminal.output(HeadlineTable.render(summary))
        Terminal.output("")
        if let comparison = run.terrain {
            for line in TerrainSummaryText.lines(comparison, villages: loaded.scenario.villages.count) { Terminal.output(line) }
            Terminal.output("")
        }
        Terminal.output(summary.wrotePrefix + written.joined(separator: ", "))
        Terminal.note("Merged \(read.count) partials (\(sums.villages) villages, \(sums.sites) of \(engine.sites.count) sites inside the tiles) "
            + "in \(NumberText.fixed(Double((clock.now - start).components.seconds), decimals: 0)) s (\(threads.count) threads)")
    }

    /// Loads the inputs the manifests name, as `report` loads them (bad rows stop the run).
    private func load(_ inputs: PartialManifest.Inputs, progress: ProgressReporter?) async throws -> LoadedInputs {
        let paths = InputPaths(villages: inputs.villages.path, cells: inputs.cells.map(\.path), admin: inputs.admin.map(\.path), layers: inputs.layers)
        progress?.begin("load", total: 1)
        do {
            let loaded = try await ScenarioLoader.load(paths, policy: .stop, threads: threads.count)
            progress?.end()
            return loaded
        } catch {
            throw CommandError.loadStopped(error, suggestRejects: false)
        }
    }
}
