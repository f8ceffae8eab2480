import PhusongSupport

extension MaximumCoverage {
    /// Share of the work and time limits the Lagrangian bound may use; the search gets the rest.
    static let boundShare = 0.3

    /// Maximum coverage under a count with `SolverOptions.SearchMethod.incrementalTables`:
    /// presolve, lazy greedy, the Lagrangian bound (at most `boundShare` of the limits), then one
    /// `TableSearch` per thread from the greedy solution and from the best relaxed solution of
    /// the bound, each with its own seed, the best kept (the first thread's on a tie).
    static func solveWithTables(_ problem: CoverageProblem, facilities: Int, options: SolverOptions) async throws -> CoverageSolution {
        let start = ContinuousClock.now
        let threads = options.threads
        let reduced = try await Presolve.reduce(problem, threads: threads)
        guard facilities >= reduced.fixed.count else {
            throw CoverageProblemError("\(reduced.fixed.count) fixed facilities do not fit in a limit of \(facilities)")
        }
        let limit = facilities - reduced.fixed.count
        let boundBudget = SearchBudget(
            timeLimit: options.timeLimit.map { $0 * boundShare }, workLimit: Int(Double(options.workLimit) * boundShare))
        var state = CoverageState(reduced)
        try await LazyGreedy.extend(&state, reduced, rule: .count(limit), threads: threads)
        var greedy = SwapTables(state, reduced)
        TableSearch.descend(&greedy, limit: limit, budget: boundBudget)

        // A shorter patience than the planner's: the step factor settles within the few
        // hundred iterations that large instances get.
        var lagrangian = CoverageLagrangian(reduced, limit: .count(limit), patience: 30)
        try await lagrangian.improve(
            incumbent: reduced.fixedWeight + greedy.covered, iterations: options.subgradientIterations, threads: threads,
            budget: boundBudget)
        var relaxed = SwapTables(reduced)
        for candidate in lagrangian.bestRelaxed.open { relaxed.add(candidate) }

        let timeLeft = options.timeLimit.map { $0 - (ContinuousClock.now - start) }
        let work = max(0, options.workLimit - boundBudget.spent)
        let proven = lagrangian
        let starts = [greedy, relaxed]
        let found = try await TaskPool.run(count: threads, threads: threads) { chain in
            let budget = SearchBudget(timeLimit: timeLeft, workLimit: work)
            let seed = SplitMix64.mix(options.seed &+ UInt64(chain))
            return TableSearch.run(from: starts[chain % starts.count], limit: limit, seed: seed, budget: budget) {
                proven.isProvenOptimal(reduced.fixedWeight + $0)
            }
        }
        var best = found[0]
        for tables in found.dropFirst() where tables.covered > best.covered { best = tables }

        let chosen = reduced.originalIndices(of: best.open.sorted())
        let coveredWeight = problem.coveredWeight(by: chosen)
        return CoverageSolution(
            sense: .maximiseCoverage, chosen: chosen, coveredWeight: coveredWeight,
            cost: problem.cost(of: chosen), bound: max(lagrangian.bound, coveredWeight))
    }
}
