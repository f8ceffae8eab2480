import Benchmark
import PhusongBenchmarkSupport
import PhusongCoverage
import PhusongOptimization
import PhusongPlanning

/// The rollout plan (`RolloutPlanner.plan`, what `phusong plan` computes after the coverage
/// run): dead-zone phase, 5G phase, and the check of the plan with the coverage engine. On the
/// embedded default data, on the Điện Biên subset of the national scenario, and on the
/// national scenario itself with 2 threads only (about 18 s of CPU time a run; its thresholds are what
/// `bash Benchmarks/check-thresholds.sh` guards the national plan time with). The coverage run
/// is made in setup; seed 1 and the default solver options, as `phusong plan`.
let benchmarks: @Sendable () -> Void = {
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
