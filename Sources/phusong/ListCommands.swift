import ArgumentParser
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong deadzones`: every village without signal, with why.
struct DeadZonesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadzones",
        abstract: "List the dead-zone villages (lõm sóng) with province, commune, population, best signal, nearest site and reason.",
        discussion: """
        Reasons: NO_SITE_IN_RANGE (no cell within the maximum range), WEAK_SIGNAL (cells in range, \
        all below the threshold), plus UNPOWERED when the village has no grid power. Sorted by \
        province, commune and population (largest first).
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var terrain: TerrainOption
    @OptionGroup var list: ListOptions
    @OptionGroup var progressOptions: ProgressOptions

    @Flag(name: .long, help: "Only dead-zone villages that also have no grid power.")
    var unpowered = false

    func run() async throws {
        try await list.run(
            inputs: inputs, config: config, threads: threads, terrain: terrain, progress: progressOptions.start("deadzones"),
            unpoweredOnly: unpowered, title: "Dead-zone villages",
            select: VillageLists.deadZones, table: VillageListTable.deadZones)
    }
}

/// `phusong unpowered`: every village without grid power, with its coverage state.
struct UnpoweredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpowered",
        abstract: "List the villages without grid power, with their coverage state (for the power utility and operators)."
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var terrain: TerrainOption
    @OptionGroup var list: ListOptions
    @OptionGroup var progressOptions: ProgressOptions

    func run() async throws {
        try await list.run(
            inputs: inputs, config: config, threads: threads, terrain: terrain, progress: progressOptions.start("unpowered"),
            unpoweredOnly: true, title: "Villages without grid power",
            select: VillageLists.unpowered, table: VillageListTable.unpowered)
    }
}

/// Loads the inputs and the configuration and computes coverage (over the terrain when
/// --terrain is given), showing the stages on `progress`.
func computeRun(
    inputs: InputOptions, config: ConfigOption, threads: ThreadsOption, terrain: TerrainOption, progress: ProgressReporter? = nil
) async throws -> CoverageRun {
    let configuration = try config.load()
    let model = try terrain.model(configuration)
    let loaded = try await inputs.load(threads: threads.count, progress: progress)
    return try await CoverageRun.compute(
        inputs: loaded, configuration: configuration, threads: threads.count, terrain: model, progress: progress)
}

/// Writes a list in each requested format, each file atomically (`AtomicFile`).
func writeList(_ table: PointFeatureTable, to destinations: [(format: FeatureFormat, path: String)]) throws {
    for destination in destinations {
        try FeatureWriter.write(table, format: destination.format, to: destination.path)
        Terminal.note("Wrote \(destination.path) (\(table.rows.count) villages)")
    }
}

extension ListOptions {
    /// Computes coverage, selects the villages of a list, prints them and writes the list files:
    /// the whole of `deadzones` and `unpowered`, which differ only in `select` and `table`.
    func run(
        inputs: InputOptions, config: ConfigOption, threads: ThreadsOption, terrain: TerrainOption, progress: ProgressReporter?, unpoweredOnly: Bool,
        title: String, select: (CoverageRun, VillageFilter) -> [VillageListEntry], table: ([VillageListEntry]) -> PointFeatureTable
    ) async throws {
        try OutputGuard.check(reading: inputs.files + config.files + terrain.files(), writing: outputFiles + inputs.outputFiles)
        let run = try await computeRun(inputs: inputs, config: config, threads: threads, terrain: terrain, progress: progress)
        try checkAreas(in: run)
        let entries = select(run, filter(unpoweredOnly: unpoweredOnly))
        Terminal.output(VillageListText.render(entries, title: title))
        if let comparison = run.terrain {
            for line in TerrainSummaryText.lines(comparison, villages: run.inputs.scenario.villages.count) { Terminal.note(line) }
        }
        try await progress.stage("write") { try writeList(table(entries), to: destinations()) }
    }

    /// The list files --out and --format name, each once.
    var outputFiles: [String] {
        var seen = Set<String>()
        return destinations().map(\.path).filter { seen.insert($0).inserted }
    }
}
