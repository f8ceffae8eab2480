import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage

/// Terrain: the coverage step of `phusong report --terrain` (`CoverageRun.compute` with a
/// ``TerrainModel``, default `[terrain]` settings, `combine = "max"`, no area coverage): the
/// empirical coverage for the comparison, then every village's best servers and operator
/// coverage over the real SRTM tile N21E105 with ITM (about 230,000 profiles), and the
/// indicator tables. The model is built inside the measured region, so each run reads and
/// decodes the tile as `report` does. The national run over synthetic tiles takes minutes and
/// is measured by `scripts/terrain-national-bench.sh` instead (docs/benchmarks.md).
let benchmarks: @Sendable () -> Void = {
    guard let set = TerrainTileArea.dataSet else { return }
    let configuration = PhusongConfiguration()
    for threads in BenchmarkSettings.threadCounts {
        Benchmark("Terrain report, \(set.label), \(BenchmarkSettings.threads(threads))",
                  configuration: BenchmarkSettings.heavy(maxIterations: 3, maxSeconds: 30)) { benchmark, inputs in
            do {
                blackHole(try await WorkerThreads.run {
                    let model = try TerrainModel(source: TerrainSource(path: TerrainTileArea.tiles), settings: configuration.terrain)
                    return try await CoverageRun.compute(
                        inputs: inputs, configuration: configuration, threads: threads, includeArea: false, terrain: model)
                })
            } catch {
                benchmark.error("CoverageRun over the terrain failed: \(error)")
            }
        } setup: {
            try await BenchmarkData.load(set)
        }
    }
}
