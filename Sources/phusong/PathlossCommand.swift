import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongReports
import PhusongSupport

/// `phusong pathloss`: ITM's basic transmission loss over the terrain for a list of pairs, the
/// command an independent implementation is checked with (docs/specs/terrain-model.md,
/// "Point-to-point command").
struct PathlossCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathloss",
        abstract: "ITM (Longley-Rice) path loss over SRTM, GeoTIFF or DTED terrain for a list of transmitter-receiver pairs.",
        discussion: """
        Reads pairs.csv (id, tx_lat, tx_lon, tx_height_m, rx_lat, rx_lon, rx_height_m, band_mhz), \
        samples each terrain profile from the transmitter to the receiver and writes losses.csv \
        (id, distance_m, loss_db, mode) in input order. The [terrain] section of --config sets \
        ITM's parameters and the profile step. A point outside every tile stops the run (exit \
        65) naming the missing tiles, unless outside_terrain = "default-model". Pairs ITM \
        refuses get an empty loss and the mode 'error'.
        """
    )

    @Option(help: ArgumentHelp("SRTM .hgt tile, EPSG:4326 elevation raster (GeoTIFF, DTED, …), or a folder of them.", valueName: "path"))
    var terrain: String

    @Option(help: ArgumentHelp("The pairs (CSV).", valueName: "file"))
    var pairs: String

    @Option(help: ArgumentHelp("The losses to write (CSV).", valueName: "file"))
    var out: String

    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var progressOptions: ProgressOptions

    func run() async throws {
        let progress = progressOptions.start(Self.configuration.commandName ?? "pathloss")
        let settings = try config.load().terrain
        let source = try TerrainSource(path: terrain)
        try OutputGuard.check(reading: [pairs] + source.allFiles + config.files, writing: [out])
        let list = try await progress.stage("load") { try PathLossPairsLoader.load(path: pairs) }
        let parameters = try settings.itmParameters()
        let profiler = TerrainProfiler(tiles: ElevationTiles(source: source), stepM: settings.profileStepM)
        let results = try await progress.stage("pathloss", total: list.count) {
            try await PointToPointLosses.compute(list, profiler: profiler, parameters: parameters, threads: threads.count, progress: progress)
        }
        let missing = Set(results.flatMap { result -> [String] in
            if case .outsideTerrain(let tiles) = result.outcome { return tiles }
            return []
        })
        if !missing.isEmpty && settings.outsideTerrain == .stop {
            throw TerrainError.outsideTerrain(missingTiles: missing.sorted())
        }
        try await progress.stage("write") { try AtomicFile.write(PathLossFile.bytes(pairs: list, results: results), to: out) }
        for line in PathlossSummary.lines(results, outputPath: out) { Terminal.output(line) }
    }
}

/// The lines `phusong pathloss` prints: pairs by mode, ITM errors, pairs outside the terrain,
/// warnings by flag and all-void samples.
enum PathlossSummary {
    static func lines(_ results: [PointToPointLosses.PairResult], outputPath: String) -> [String] {
        var modes: [ITMPropagationMode: Int] = [:]
        var errors = 0
        var outside = 0
        var warnings: [String: Int] = [:]
        for result in results {
            switch result.outcome {
            case .loss(let itm):
                modes[itm.mode, default: 0] += 1
                for (flag, name) in ITMWarnings.named where itm.warnings.contains(flag) { warnings[name, default: 0] += 1 }
            case .itmError: errors += 1
            case .outsideTerrain: outside += 1
            }
        }
        let byMode = ITMPropagationMode.allCases.map { "\(modes[$0] ?? 0) \($0.name)" }.joined(separator: ", ")
        var lines = ["\(results.count) pairs: \(byMode); \(errors) ITM errors (empty loss, mode 'error')"]
        if outside > 0 { lines.append("\(outside) pairs outside the terrain (empty loss, mode 'outside_terrain')") }
        let flagged = ITMWarnings.named.compactMap { _, name in warnings[name].map { "\(name) \($0)" } }
        lines.append("ITM warnings (pairs per flag): " + (flagged.isEmpty ? "none" : flagged.joined(separator: ", ")))
        lines.append("void samples (all four posts void, 0 m): \(results.reduce(0) { $0 + $1.voidSamples })")
        lines.append("wrote \(outputPath)")
        return lines
    }
}
