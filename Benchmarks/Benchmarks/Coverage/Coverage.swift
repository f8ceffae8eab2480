import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage

/// Coverage: preparing the engine (`CoverageEngine.prepare`: prepared cells, search grids,
/// reach bounds), the per-village best server (`CoverageEngine.coverage(of:threads:)`: best 4G
/// and 5G server within 35 km, per-operator coverage, nearest site) and the whole coverage step
/// of `phusong report` without area coverage (`CoverageRun.compute`: engine, villages,
/// indicator tables). Inputs are loaded (and, for the best server, the engine prepared) in
/// setup, outside the measured region.
let benchmarks: @Sendable () -> Void = {
    let parameters = RadioModelParameters()

    struct EngineInputs {
        var engine: CoverageEngine
        var villages: [Village]
    }

    var sets = [BenchmarkData.defaultData]
    if let national = BenchmarkData.national(suite: "Coverage") { sets.append(national) }

    for set in sets {
        let national = set != BenchmarkData.defaultData
        func configuration(maxIterations: Int = 3) -> Benchmark.Configuration {
            national
                ? BenchmarkSettings.heavy(maxIterations: maxIterations, maxSeconds: 10)
                : BenchmarkSettings.quick(maxIterations: 30, maxSeconds: 2)
        }

        for threads in BenchmarkSettings.threadCounts {
            Benchmark("CoverageEngine prepare, \(set.label), \(BenchmarkSettings.threads(threads))",
                      configuration: configuration(maxIterations: 5)) { benchmark, inputs in
                do {
                    blackHole(try await WorkerThreads.run {
                        try await CoverageEngine.prepare(cells: inputs.scenario.cells, parameters: parameters, threads: threads)
                    })
                } catch {
                    benchmark.error("CoverageEngine.prepare failed: \(error)")
                }
            } setup: {
                try await BenchmarkData.load(set)
            }
        }

        for threads in BenchmarkSettings.threadCounts {
            Benchmark("Best server per village, \(set.label), \(BenchmarkSettings.threads(threads))",
                      configuration: configuration()) { (benchmark: Benchmark, inputs: EngineInputs) in
                do {
                    blackHole(try await WorkerThreads.run { try await inputs.engine.coverage(of: inputs.villages, threads: threads) })
                } catch {
                    benchmark.error("coverage failed: \(error)")
                }
            } setup: {
                let inputs = try await BenchmarkData.load(set)
                return EngineInputs(engine: try await CoverageEngine.prepare(cells: inputs.scenario.cells, parameters: parameters, threads: 2),
                                    villages: inputs.scenario.villages)
            }

            Benchmark("CoverageRun without area, \(set.label), \(BenchmarkSettings.threads(threads))",
                      configuration: configuration()) { benchmark, inputs in
                do {
                    blackHole(try await WorkerThreads.run {
                        try await CoverageRun.compute(
                            inputs: inputs, configuration: PhusongConfiguration(), threads: threads, includeArea: false)
                    })
                } catch {
                    benchmark.error("CoverageRun failed: \(error)")
                }
            } setup: {
                try await BenchmarkData.load(set)
            }
        }
    }
}
