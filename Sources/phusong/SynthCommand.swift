import ArgumentParser
import PhusongCoverage
import PhusongSynthetic
import PhusongSupport

/// `phusong synth`: write a deterministic synthetic scenario (villages.csv and cells.csv).
struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a synthetic scenario: villages.csv and cells.csv (data-format.md).",
        discussion: """
        Villages in provinces and communes, with heavy-tailed sizes clustered around commune \
        centres and towns, and a four-operator 4G/5G network placed by population density that \
        leaves some remote villages in dead zones. The same options give byte-identical files on \
        every machine. Province codes are real only in presets; commune codes (90001 and up) are \
        fictional. '--preset default' writes exactly the embedded default data (geodata/default). \
        '--dem DIR' writes synthetic SRTM 3″ tiles over mainland Vietnam instead (plains near sea \
        level, ranges of 1,000-3,000 m; not real terrain), for `--terrain DIR`.
        """
    )

    @Option(name: .long, help: ArgumentHelp(
        "Number of villages (>= 1). Without --preset, provinces of about 2,000 villages are tiled from 102°E 8°N.",
        valueName: "N"))
    var villages: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the generator (default 2025, or the preset's).", valueName: "S"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("A named layout: 'default' (3 north-western provinces, 3,700 villages).", valueName: "name"))
    var preset: String?

    @Option(name: .customLong("villages-per-km2"), help: ArgumentHelp(
        "Village density of the tiled layout (default 0.12, about Vietnam's). Larger counts need more: 10,000,000 villages fit below 80° N from 0.5.",
        valueName: "D"))
    var villagesPerKm2: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Write synthetic 3″ terrain tiles (N08E102 … N23E109, 370 MB, not real terrain) into this folder, replaced whole.",
        valueName: "dir"))
    var dem: String?

    @Option(name: .long, help: ArgumentHelp(
        "Folder for villages.csv and cells.csv (created if needed), replaced whole; it must hold nothing else.", valueName: "dir"))
    var out = "scenario"

    /// The generator's parameters for these options.
    func parameters() throws -> SyntheticScenarioParameters {
        var parameters: SyntheticScenarioParameters
        if let preset {
            guard let named = SyntheticScenarioParameters.presets[preset] else {
                let known = SyntheticScenarioParameters.presets.keys.sorted().joined(separator: ", ")
                throw ValidationError("unknown preset '\(preset)' (known: \(known))")
            }
            parameters = named
            if let villages { parameters.villageCount = villages }
        } else {
            guard let villages else { throw ValidationError("give --villages N or --preset default") }
            parameters = SyntheticScenarioParameters(villageCount: villages)
        }
        if let seed { parameters.seed = seed }
        if let villagesPerKm2 {
            guard preset == nil else { throw ValidationError("--villages-per-km2 sets the tiled layout; a preset has its own provinces") }
            parameters.villagesPerKm2 = villagesPerKm2
        }
        do {
            try parameters.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return parameters
    }

    mutating func validate() throws {
        if dem != nil && villages == nil && preset == nil {
            if villagesPerKm2 != nil { throw ValidationError("--villages-per-km2 needs --villages") }
            return
        }
        _ = try parameters()
    }

    func run() async throws {
        if let dem {
            try await writeTerrain(dem)
            if villages == nil && preset == nil { return }
        }
        let folder = try OutputGuard.openFolder(out, fileNames: ScenarioCSV.fileNames, setName: "synthetic scenario", reading: [])
        defer { folder.release() }
        let parameters = try parameters()
        let scenario: Scenario
        let provinceNames: [String: String]
        do {
            scenario = try SyntheticScenario.generate(parameters)
            provinceNames = try SyntheticScenario.provinceNames(parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let paths = try ScenarioCSV.publish(scenario, into: folder)
        Terminal.output("Synthetic scenario \(preset.map { "'\($0)'" } ?? "(tiled)"), seed \(parameters.seed): \(paths.villages), \(paths.cells)")
        Terminal.output(Self.summary(scenario, provinceNames: provinceNames))
    }

    /// The synthetic tiles and a README saying they are synthetic, as one output set.
    private func writeTerrain(_ path: String) async throws {
        let names = SyntheticTerrain.tileNames.map(\.fileName)
        let folder = try OutputGuard.openFolder(path, fileNames: names + ["README.txt"], setName: "synthetic terrain", reading: [])
        let seed = seed ?? 2025
        let terrain = SyntheticTerrain(seed: seed)
        let readme = """
            SYNTHETIC TERRAIN, NOT REAL ELEVATION: made by `phusong synth --dem` with seed \(seed).
            3 arc-second SRTM HGT tiles N08E102 to N23E109: plains near sea level, straight ranges of
            1,000-3,000 m placed by the seed. Every figure computed over these tiles must say so.

            """
        let files = SyntheticTerrain.tileNames.map { name in
            OutputSetFile(name: name.fileName, sizeHint: 2 * SyntheticTerrain.size * SyntheticTerrain.size) { file in
                try file.write(terrain.tileBytes(name))
            }
        } + [OutputSetFile(name: "README.txt") { Array(readme.utf8) }]
        let written = try await folder.publish(files, threads: TaskPool.defaultThreads)
        Terminal.output("Synthetic terrain (NOT real elevation), seed \(seed): \(written.count - 1) tiles in \(path)")
    }

    private static func summary(_ scenario: Scenario, provinceNames: [String: String]) -> String {
        let summary = InputSummary(scenario, provinceNames: provinceNames)
        var out: [String] = []
        out.append("Villages     \(NumberText.grouped(summary.villages))   population \(NumberText.grouped(summary.population))")
        out.append("  unpowered  \(NumberText.grouped(summary.unpowered)) (\(NumberText.percent(summary.unpowered, of: summary.villages)))")
        let areaTypes = AreaType.allCases.map { "\($0.rawValue) \(NumberText.grouped(summary.villagesByAreaType[$0] ?? 0))" }
        out.append("  area type  " + areaTypes.joined(separator: " · "))
        if summary.provinces.count <= 5 {
            let provinces = summary.provinces.map { "\($0.code) \($0.name ?? "") \(NumberText.grouped($0.villages))" }
            out.append("  provinces  " + provinces.joined(separator: " · "))
        } else if let first = summary.provinces.first, let last = summary.provinces.last {
            out.append("  provinces  \(NumberText.grouped(summary.provinces.count)), codes \(first.code)…\(last.code)")
        }
        var solar = Set<String>()
        for cell in scenario.cells where cell.powerSource == .solar {
            solar.insert(cell.siteID)
        }
        out.append("Sites        \(NumberText.grouped(summary.sites))   4G stations \(NumberText.grouped(summary.sites4G)) · 5G stations \(NumberText.grouped(summary.sites5G)) · solar \(NumberText.grouped(solar.count))")
        out.append("Cells        \(NumberText.grouped(summary.cells))   4G \(NumberText.grouped(summary.cells4G)) · 5G \(NumberText.grouped(summary.cells5G))")
        out.append(contentsOf: SummaryText.operatorLines(summary))
        let bands = summary.bands.map { "\($0.technology.rawValue) \(NumberText.shortest($0.bandMHz)) MHz \(NumberText.grouped($0.cells))" }
        out.append("  bands      " + bands.joined(separator: " · "))
        return out.joined(separator: "\n")
    }
}
