import PhusongSupport

/// How a solver runs. Results depend on the seed and the limits, never on `threads`; with a
/// `timeLimit` they also depend on the machine's speed.
public struct SolverOptions: Sendable, Hashable {
    /// Worker tasks for parallel evaluation.
    public var threads: Int
    /// Seeds the perturbations of the iterated local search.
    public var seed: UInt64
    /// Local searches after the first local optimum: from starting points sampled by the
    /// Lagrangian heuristic (at most half of them, maximum coverage only), then perturbation
    /// rounds of the iterated local search.
    public var localSearchRounds: Int
    /// Subgradient iterations for the bound (at most; it stops early when the bound meets
    /// the objective or the step becomes negligible).
    public var subgradientIterations: Int
    /// Stop improving (local search rounds, subgradient iterations) after this long.
    public var timeLimit: Duration?
    /// Stop improving after about this many units of work (one unit ≈ one covered-item
    /// visit; half at most goes to the bound): unlike `timeLimit`, the same limit gives the same
    /// result on every machine. The default lets instances of up to about a million non-zeros
    /// run every round and cuts national-scale ones to a few seconds per core.
    public var workLimit: Int

    /// Which local search maximum coverage under a count uses (a budget always uses
    /// `.batchedSwaps`).
    public var method: SearchMethod

    public static let defaultWorkLimit = 500_000_000

    /// The local search of maximum coverage.
    public enum SearchMethod: Sendable, Hashable {
        /// Parallel passes over the whole swap neighbourhood, several disjoint moves applied
        /// per pass, and a fixed number of iterated-local-search rounds (the rollout planner's).
        case batchedSwaps
        /// Incremental gain and loss tables with an adaptive iterated local search that runs
        /// until the work or time limit (or a proven optimum); one independent search per
        /// thread, the best kept (`phusong mclp`'s).
        case incrementalTables
    }

    public init(
        threads: Int = TaskPool.defaultThreads, seed: UInt64 = 1, localSearchRounds: Int = 400,
        subgradientIterations: Int = 10_000, timeLimit: Duration? = nil, workLimit: Int = defaultWorkLimit,
        method: SearchMethod = .batchedSwaps
    ) {
        self.method = method
        self.threads = max(1, threads)
        self.seed = seed
        self.localSearchRounds = max(0, localSearchRounds)
        self.subgradientIterations = max(0, subgradientIterations)
        self.timeLimit = timeLimit
        self.workLimit = max(0, workLimit)
    }
}
