import Benchmark

/// Settings shared by the suites. Iteration counts and durations are kept small so that the
/// whole run takes a few minutes on two cores; malloc counts repeat exactly from run to run,
/// wall-clock times are medians of the iterations.
public enum BenchmarkSettings {
    /// Thread counts benchmarked wherever the library takes one, each as its own benchmark.
    public static let threadCounts = [1, 2]

    /// Wall clock, CPU time (user + system, all threads), throughput (runs per second) and
    /// allocations.
    public static let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .mallocCountTotal]

    /// `metrics` plus the peak resident memory of the process (inputs included).
    public static let metricsWithMemory: [BenchmarkMetric] = metrics + [.peakMemoryResident]

    /// How far a run may be from the committed thresholds (`Benchmarks/Thresholds/`, the p90 of
    /// each metric on this project's 2-core machine) before `bash Benchmarks/check-thresholds.sh`
    /// fails, in per cent of the threshold, at p90 (the only percentile package-benchmark's
    /// `thresholds check` compares). CPU time: 25 %; it counts the work done, not the waiting,
    /// so it barely moves with the load of the machine, and a regression worth catching (a
    /// search that evaluates more pairs, a solver that does more rounds) costs 1.5× to 2×. Wall
    /// clock: 35 %, because the same run moves by up to a third from one minute to the next on
    /// this virtual machine; it also catches a lost parallel speed-up, which CPU time does not.
    /// Mallocs: 10 %, because they repeat from run to run to within a few per thousand. Peak
    /// resident memory: 20 %, because it holds the inputs loaded in setup and moves with the
    /// allocator's reuse. Metrics without a tolerance here are compared exactly, so the
    /// threshold files hold only these four (`Benchmarks/update-thresholds.sh` writes them so).
    public static var thresholdTolerances: [BenchmarkMetric: BenchmarkThresholds] {
        [
            .cpuTotal: .init(relative: [.p90: 25]),
            .wallClock: .init(relative: [.p90: 35]),
            .mallocCountTotal: .init(relative: [.p90: 10]),
            .peakMemoryResident: .init(relative: [.p90: 20]),
        ]
    }

    /// A small workload (well under a second): a warm-up run, then up to `maxIterations` runs
    /// within `maxSeconds`.
    public static func quick(
        metrics: [BenchmarkMetric] = metricsWithMemory, maxIterations: Int = 20, maxSeconds: Int = 2
    ) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
              maxDuration: .seconds(maxSeconds), maxIterations: maxIterations, thresholds: thresholdTolerances)
    }

    /// A national-scale workload (seconds per run): no warm-up, `maxIterations` runs at most
    /// (stopping earlier after `maxSeconds`).
    public static func heavy(
        metrics: [BenchmarkMetric] = metricsWithMemory, maxIterations: Int = 3, maxSeconds: Int = 10
    ) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 0,
              maxDuration: .seconds(maxSeconds), maxIterations: maxIterations, thresholds: thresholdTolerances)
    }

    /// "1 thread" / "2 threads", for benchmark names.
    public static func threads(_ count: Int) -> String {
        count == 1 ? "1 thread" : "\(count) threads"
    }
}
