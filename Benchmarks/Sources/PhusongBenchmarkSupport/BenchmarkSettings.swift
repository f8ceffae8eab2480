import Benchmark

/// Settings shared by the suites. Iteration counts and durations are kept small so that the
/// whole run takes a few minutes on two cores; malloc counts repeat exactly from run to run,
/// wall-clock times are medians of the iterations.
public enum BenchmarkSettings {
    /// Thread counts benchmarked wherever the library takes one, each as its own benchmark.
    public static let threadCounts = [1, 2]

    /// Wall clock, throughput (runs per second) and allocations.
    public static let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

    /// `metrics` plus the peak resident memory of the process (inputs included).
    public static let metricsWithMemory: [BenchmarkMetric] = metrics + [.peakMemoryResident]

    /// A small workload (well under a second): a warm-up run, then up to `maxIterations` runs
    /// within `maxSeconds`.
    public static func quick(
        metrics: [BenchmarkMetric] = metricsWithMemory, maxIterations: Int = 20, maxSeconds: Int = 2
    ) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
              maxDuration: .seconds(maxSeconds), maxIterations: maxIterations)
    }

    /// A national-scale workload (seconds per run): no warm-up, `maxIterations` runs at most
    /// (stopping earlier after `maxSeconds`).
    public static func heavy(
        metrics: [BenchmarkMetric] = metricsWithMemory, maxIterations: Int = 3, maxSeconds: Int = 10
    ) -> Benchmark.Configuration {
        .init(metrics: metrics, timeUnits: .milliseconds, warmupIterations: 0,
              maxDuration: .seconds(maxSeconds), maxIterations: maxIterations)
    }

    /// "1 thread" / "2 threads", for benchmark names.
    public static func threads(_ count: Int) -> String {
        count == 1 ? "1 thread" : "\(count) threads"
    }
}
