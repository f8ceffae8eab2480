import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage

/// Loading: reading and checking villages.csv and cells.csv (RFC 4180 reader, every check of
/// `phusong validate`, sites), as every command does first. No boundaries: administrative
/// assignment is the Admin suite. Each run reads the files from the page cache.
let benchmarks: @Sendable () -> Void = {
    var sets = [BenchmarkData.defaultData]
    if let national = BenchmarkData.national(suite: "Loading") { sets.append(national) }

    for set in sets {
        let configuration = set == BenchmarkData.defaultData
            ? BenchmarkSettings.quick(maxIterations: 30, maxSeconds: 3)
            : BenchmarkSettings.heavy(maxIterations: 4, maxSeconds: 10)
        Benchmark("Load villages+cells, \(set.label)", configuration: configuration) { benchmark in
            do {
                let inputs = try await BenchmarkData.load(set)
                blackHole(inputs)
            } catch {
                benchmark.error("loading \(set.villages) and \(set.cells) failed: \(error)")
            }
        }
    }
    GeoPackageLoading.register()
}
