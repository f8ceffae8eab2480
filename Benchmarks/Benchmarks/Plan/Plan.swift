import Benchmark
import Foundation
import PhusongBenchmarkSupport
import PhusongCoverage
import PhusongOptimization
import PhusongPlanning
import PhusongSynthetic

/// The rollout plan (`RolloutPlanner.plan`, what `phusong plan` computes after the coverage
/// run): dead-zone phase, 5G phase, and the check of the plan with the coverage engine. On the
/// embedded default data, on the Điện Biên subset of the national scenario, and on the
/// national scenario itself with 2 threads only (about 18 s of CPU time a run; its thresholds are what
/// `bash Benchmarks/check-thresholds.sh` guards the national plan time with). The coverage run
/// is made in setup; seed 1 and the default solver options, as `phusong plan`.
///
/// And the plan at scale (issue 18: the 5G phase's probes once made 1 M villages 4 times
/// slower without any benchmark noticing): `phusong synth --villages 100000 --seed 1`,
/// generated in setup (no ../shared needed), with 1 and 2 threads; the 2-thread run has a
/// committed threshold.
let benchmarks: @Sendable () -> Void = {
    for threads in BenchmarkSettings.threadCounts {
        Benchmark("Rollout plan, 100k synthetic villages, \(BenchmarkSettings.threads(threads))",
                  configuration: BenchmarkSettings.heavy(maxIterations: 3, maxSeconds: 40)) { benchmark, run in
            do {
                blackHole(try await WorkerThreads.run { try await RolloutPlanner.plan(run, options: SolverOptions(threads: threads, seed: 1)) })
            } catch {
                benchmark.error("plan failed: \(error)")
            }
        } setup: {
            try await SyntheticPlanData.coverageRun(villages: 100_000, seed: 1)
        }
    }

    var sets: [(set: DataSet, configuration: Benchmark.Configuration, threadCounts: [Int])] = [
        (BenchmarkData.defaultData, BenchmarkSettings.heavy(maxIterations: 5, maxSeconds: 8), BenchmarkSettings.threadCounts),
    ]
    if let dienBien = BenchmarkData.dienBien(suite: "Plan") {
        sets.append((dienBien, BenchmarkSettings.quick(maxIterations: 20, maxSeconds: 3), BenchmarkSettings.threadCounts))
    }
    if let national = BenchmarkData.national(suite: "Plan") {
        sets.append((national, BenchmarkSettings.heavy(maxIterations: 3, maxSeconds: 40), [2]))
    }

    for (set, configuration, threadCounts) in sets {
        for threads in threadCounts {
            Benchmark("Rollout plan, \(set.label), \(BenchmarkSettings.threads(threads))",
                      configuration: configuration) { benchmark, run in
                do {
                    blackHole(try await WorkerThreads.run { try await RolloutPlanner.plan(run, options: SolverOptions(threads: threads, seed: 1)) })
                } catch {
                    benchmark.error("plan failed: \(error)")
                }
            } setup: {
                let loaded = try await BenchmarkData.load(set)
                return try await CoverageRun.compute(inputs: loaded, configuration: PhusongConfiguration(), threads: 2)
            }
        }
    }
}

/// A synthetic scenario written to a temporary folder and loaded as `phusong plan` loads
/// files, then its coverage run.
enum SyntheticPlanData {
    static func coverageRun(villages: Int, seed: UInt64) async throws -> CoverageRun {
        var parameters = SyntheticScenarioParameters(villageCount: villages)
        parameters.seed = seed
        let scenario = try SyntheticScenario.generate(parameters)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try ScenarioCSV.write(scenario, toFolder: folder.path)
        let loaded = try await ScenarioLoader.load(InputPaths(villages: paths.villages, cells: paths.cells), policy: .stop, threads: 2)
        return try await CoverageRun.compute(inputs: loaded, configuration: PhusongConfiguration(), threads: 2)
    }
}
