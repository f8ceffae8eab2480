/// Covering all demand at least cost: open facilities so that every demand item of positive
/// weight that some candidate covers is covered, for the least total cost (the set covering
/// problem; Toregas et al. 1971 for location). Items of zero weight are not demand.
///
/// Steps: presolve (`Presolve`); Chvátal's greedy (1979), opening the candidate with the
/// least cost per newly covered weight — the accelerated greedy of `LazyGreedy` on the key
/// weight per cost; redundancy removal and swap local search (`CoverSearch`); the Lagrangian
/// lower bound (`CoverLagrangian`); then, unless the bound proves the cover optimal, iterated
/// local search (`IteratedLocalSearch`).
public enum CostEffectiveCover {
    public static func solve(_ problem: CoverageProblem, options: SolverOptions = SolverOptions()) async throws -> CoverageSolution {
        try problem.validate()
        // Half the work at most for the bound, the rest for the search.
        let boundBudget = SearchBudget(timeLimit: options.timeLimit, workLimit: options.workLimit / 2)
        let searchBudget = SearchBudget(options)
        let threads = options.threads
        let reduced = try await Presolve.reduce(problem, threads: threads)

        var state = CoverageState(reduced)
        try await LazyGreedy.extend(&state, reduced, rule: .coverAll, threads: threads)
        try await CoverSearch.improve(&state, reduced, threads: threads)

        var lagrangian = CoverLagrangian(reduced)
        let cost = { (state: CoverageState) in reduced.fixedCost + state.cost(reduced) }
        try await lagrangian.improve(incumbent: cost(state), iterations: options.subgradientIterations, threads: threads, budget: boundBudget)
        state = try await IteratedLocalSearch.run(
            from: state, reduced, trials: options.localSearchRounds, seed: options.seed, budget: searchBudget, threads: threads,
            score: { -cost($0) }, isOptimal: { lagrangian.isProvenOptimal(-$0) }
        ) { trial, budget, threads in
            try await LazyGreedy.extend(&trial, reduced, rule: .coverAll, threads: threads, budget: budget)
            try await CoverSearch.improve(&trial, reduced, threads: threads, budget: budget)
        }

        let chosen = reduced.originalIndices(of: state.open)
        let totalCost = problem.cost(of: chosen)
        return CoverageSolution(
            sense: .minimiseCost, chosen: chosen, coveredWeight: problem.coveredWeight(by: chosen),
            cost: totalCost, bound: min(lagrangian.bound, totalCost))
    }
}
