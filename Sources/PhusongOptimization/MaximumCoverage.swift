import PhusongSupport

/// Maximum coverage: open facilities, within a count or a budget, to cover the most demand
/// weight. With a count it is the maximal covering location problem of Church & ReVelle
/// (1974, "The maximal covering location problem", Papers of the Regional Science
/// Association 32).
///
/// Steps: presolve (`Presolve`); the accelerated greedy (`LazyGreedy`) — under a budget by
/// gain per unit cost, then the better of that and the best single facility, the classic
/// guarantee of ½(1 − 1/e) (Khuller, Moss & Naor 1999); with a count the greedy alone is
/// within 1 − 1/e (Nemhauser, Wolsey & Fisher 1978); add/swap local search (`SwapSearch`);
/// the Lagrangian bound (`CoverageLagrangian`); unless the bound already proves the solution
/// optimal, local search from the relaxed solutions met along the way (the Lagrangian
/// heuristic), then iterated local search (`IteratedLocalSearch`).
public enum MaximumCoverage {
    /// At most `facilities` open facilities, the fixed ones included.
    public static func solve(_ problem: CoverageProblem, facilities: Int, options: SolverOptions = SolverOptions()) async throws -> CoverageSolution {
        try await solve(problem, limit: .count(facilities), options: options)
    }

    public static func solve(_ problem: CoverageProblem, limit: FacilityLimit, options: SolverOptions = SolverOptions()) async throws -> CoverageSolution {
        try problem.validate()
        if options.method == .incrementalTables, case .count(let count) = limit {
            return try await solveWithTables(problem, facilities: count, options: options)
        }
        let reduced = try await Presolve.reduce(problem, threads: options.threads)
        return try await solve(problem, reduced, limit: limit, options: options)
    }

    /// The first local optimum of the search below: greedy additions, then a swap descent
    /// (not cut short), with the work its greedy charged.
    struct Start {
        var state: CoverageState
        var greedyWork: Int
    }

    /// The first local optimum for `reduced` under `limit` (the original problem's limit).
    static func start(_ reduced: ReducedProblem, limit: FacilityLimit, threads: Int) async throws -> Start {
        let rule = GreedyRule(try reduce(limit, reduced))
        let meter = SearchBudget(timeLimit: nil, workLimit: .max)
        var state = CoverageState(reduced)
        try await LazyGreedy.extend(&state, reduced, rule: rule, threads: threads, budget: meter)
        if case .budget = limit, let single = bestSingle(reduced, rule: rule) {
            var alone = CoverageState(reduced)
            alone.add(single, reduced)
            if alone.coveredWeight(reduced) > state.coveredWeight(reduced) { state = alone }
        }
        // The first descent always reaches a local optimum (it is not cut short).
        try await SwapSearch.improve(&state, reduced, rule: rule, threads: threads)
        return Start(state: state, greedyWork: meter.spent)
    }

    /// The batched-swaps search on a presolved problem (`Presolve.reduce(problem)`), from
    /// `start` when given (it must be `start(reduced, limit:threads:)`'s answer: the same
    /// result as without it, without computing it again).
    static func solve(
        _ problem: CoverageProblem, _ reduced: ReducedProblem, limit: FacilityLimit, options: SolverOptions, start: Start? = nil
    ) async throws -> CoverageSolution {
        // Half the work at most for the bound, the rest for the search.
        let boundBudget = SearchBudget(timeLimit: options.timeLimit, workLimit: options.workLimit / 2)
        let searchBudget = SearchBudget(options)
        let threads = options.threads
        let reducedLimit = try reduce(limit, reduced)
        let rule = GreedyRule(reducedLimit)

        let first: Start
        if let start {
            first = start
        } else {
            first = try await Self.start(reduced, limit: limit, threads: threads)
        }
        var state = first.state
        searchBudget.charge(first.greedyWork)
        searchBudget.charge(reduced.passWork)

        var lagrangian = CoverageLagrangian(reduced, limit: reducedLimit)
        let covered = { (state: CoverageState) in reduced.fixedWeight + state.coveredWeight(reduced) }
        try await lagrangian.improve(incumbent: covered(state), iterations: options.subgradientIterations, threads: threads, budget: boundBudget)
        // The best relaxed solution first, with all the work left (on large instances a
        // relaxed solution is far from a local optimum, and this one is the most promising);
        // then the sampled ones (half the local-search rounds at most), side by side in rounds
        // of `IteratedLocalSearch.trialsPerRound`, each with an equal share of the work left.
        if !lagrangian.bestRelaxed.open.isEmpty, !lagrangian.isProvenOptimal(covered(state)), !searchBudget.isExhausted {
            var relaxed = CoverageState(reduced)
            for candidate in lagrangian.bestRelaxed.open { relaxed.add(candidate, reduced) }
            try await SwapSearch.improve(&relaxed, reduced, rule: rule, threads: threads, budget: searchBudget)
            if covered(relaxed) > covered(state) { state = relaxed }
        }
        let sampled = Array(lagrangian.samples.prefix(options.localSearchRounds / 2))
        var position = 0
        while position < sampled.count, !lagrangian.isProvenOptimal(covered(state)), !searchBudget.isExhausted {
            let batch = Array(sampled[position..<min(sampled.count, position + IteratedLocalSearch.trialsPerRound)])
            position += batch.count
            let share = searchBudget.remaining / batch.count
            let searched = try await TaskPool.run(count: batch.count, threads: threads) { index in
                var relaxed = CoverageState(reduced)
                for candidate in batch[index] { relaxed.add(candidate, reduced) }
                let trialBudget = SearchBudget(timeLimit: nil, workLimit: share)
                try await SwapSearch.improve(&relaxed, reduced, rule: rule, threads: 1, budget: trialBudget)
                return (relaxed, trialBudget.spent)
            }
            for (relaxed, spent) in searched {
                searchBudget.charge(spent)
                if covered(relaxed) > covered(state) { state = relaxed }
            }
        }
        state = try await IteratedLocalSearch.run(
            from: state, reduced, trials: options.localSearchRounds - sampled.count, seed: options.seed,
            budget: searchBudget, threads: threads,
            fits: { rule.fits($0, openCost: $1.cost(reduced), reduced) }, score: covered, isOptimal: lagrangian.isProvenOptimal
        ) { trial, budget, threads in
            try await LazyGreedy.extend(&trial, reduced, rule: rule, threads: threads, budget: budget)
            try await SwapSearch.improve(&trial, reduced, rule: rule, threads: threads, budget: budget)
        }

        let chosen = reduced.originalIndices(of: state.open)
        let coveredWeight = problem.coveredWeight(by: chosen)
        return CoverageSolution(
            sense: .maximiseCoverage, chosen: chosen, coveredWeight: coveredWeight,
            cost: problem.cost(of: chosen), bound: max(lagrangian.bound, coveredWeight))
    }

    /// The limit left for the reduced problem once the fixed candidates are open.
    private static func reduce(_ limit: FacilityLimit, _ reduced: ReducedProblem) throws(CoverageProblemError) -> FacilityLimit {
        switch limit {
        case .count(let count):
            guard count >= reduced.fixed.count else {
                throw CoverageProblemError("\(reduced.fixed.count) fixed facilities do not fit in a limit of \(count)")
            }
            return .count(count - reduced.fixed.count)
        case .budget(let budget):
            guard budget.isFinite, budget >= reduced.fixedCost else {
                throw CoverageProblemError("the fixed facilities cost \(reduced.fixedCost), more than the budget \(budget)")
            }
            return .budget(budget - reduced.fixedCost)
        }
    }

    /// The candidate covering the most weight on its own within the budget (lowest index on
    /// a tie).
    private static func bestSingle(_ reduced: ReducedProblem, rule: GreedyRule) -> Int? {
        let empty = CoverageState(reduced)
        var best: (candidate: Int, gain: Double)?
        for candidate in 0..<reduced.candidateCount where rule.fits(candidate, openCost: 0, reduced) {
            let gain = empty.gain(candidate, reduced)
            if gain > (best?.gain ?? 0) { best = (candidate, gain) }
        }
        return best?.candidate
    }
}
