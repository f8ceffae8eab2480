import PhusongSupport

/// Iterated local search (Lourenço, Martin & Stützle 2003): from the best solution so far,
/// kick, repair greedily, descend by local search, and keep the result when it is at least as
/// good (ties move the search along a plateau). Kicks alternate between two kinds:
/// - random: swap a few open facilities for random closed ones that would cover something
///   new (a jump the 1-for-1 swap neighbourhood cannot undo in one move);
/// - regional ("ruin and recreate", Schrimpf et al. 2000): close every open facility near a
///   random open one (covering an item that a candidate covering one of its items also
///   covers) and open a random candidate there, so that the region is rebuilt.
///
/// Each round kicks the best solution several times and repairs the trials in parallel.
/// The random choices come from a seeded generator, drawn in a fixed order, and everything
/// else is deterministic, so the same seed gives the same result for any number of threads.
enum IteratedLocalSearch {
    /// Trials per round: kicked copies of the best solution, repaired side by side
    /// (`TaskPool`). Fixed, so the search is the same for every thread count.
    static let trialsPerRound = 2

    /// A repair: re-opens facilities and descends to a local optimum, within a work budget,
    /// evaluating moves with the given number of tasks.
    typealias Repair = @Sendable (inout CoverageState, SearchBudget, Int) async throws -> Void

    /// - Parameters:
    ///   - trials: the number of kicked trials in all (in rounds of `trialsPerRound`).
    ///   - fits: whether a closed candidate may be opened in a state (budget).
    ///   - score: what the search maximises (covered weight, or minus the cost).
    ///   - isOptimal: true when a score is proven optimal (the bound is met): stop.
    static func run(
        from start: CoverageState, _ problem: ReducedProblem, trials: Int, seed: UInt64, budget: SearchBudget, threads: Int,
        fits: (Int, CoverageState) -> Bool = { _, _ in true }, score: (CoverageState) -> Double, isOptimal: (Double) -> Bool,
        repair: @escaping Repair
    ) async throws -> CoverageState {
        var best = start
        var bestScore = score(best)
        var random = SplitMix64(seed: seed)
        let items = ItemIndex(coverage: problem.coverage, itemCount: problem.itemCount)
        var kicks = 0
        while kicks < trials {
            if isOptimal(bestScore) || budget.isExhausted || best.open.isEmpty { break }
            // The kicks, drawn in order from the seeded generator…
            var starts: [CoverageState] = []
            while starts.count < trialsPerRound && kicks < trials {
                var trial = best
                if kicks % 2 == 0 {
                    randomKick(&trial, problem, random: &random, fits: fits)
                } else {
                    regionalKick(&trial, problem, items: items, random: &random, fits: fits)
                }
                budget.charge(problem.passWork / 2)
                starts.append(trial)
                kicks += 1
            }
            // …repaired side by side, each with an equal share of the work left…
            let share = budget.remaining / starts.count
            let kicked = starts
            let repaired = try await TaskPool.run(count: kicked.count, threads: threads) { index in
                var trial = kicked[index]
                let trialBudget = SearchBudget(timeLimit: nil, workLimit: share)
                try await repair(&trial, trialBudget, 1)
                return (trial, trialBudget.spent)
            }
            // …and the best of them (the first among equals) kept when it is at least as good as
            // the best so far: ties move the search along a plateau.
            var roundBest: (state: CoverageState, score: Double)?
            for (trial, spent) in repaired {
                budget.charge(spent)
                let trialScore = score(trial)
                if trialScore > roundBest?.score ?? -.infinity { roundBest = (trial, trialScore) }
            }
            if let roundBest, roundBest.score >= bestScore {
                best = roundBest.state
                bestScore = roundBest.score
            }
        }
        return best
    }

    private static func randomKick(
        _ state: inout CoverageState, _ problem: ReducedProblem, random: inout SplitMix64, fits: (Int, CoverageState) -> Bool
    ) {
        // At most 2 + 1/8 of the open facilities, and never more than 18: with thousands open a
        // larger kick is a restart, not a jump to a neighbouring basin.
        let strength = 1 + random.below(min(state.open.count, 2 + min(state.open.count / 8, 16)))
        for _ in 0..<strength {
            state.remove(state.open[random.below(state.open.count)], problem)
        }
        var closed = (0..<problem.candidateCount).filter { !state.isOpen[$0] && state.gain($0, problem) > 0 }
        for _ in 0..<strength where !closed.isEmpty {
            let candidate = closed.remove(at: random.below(closed.count))
            if fits(candidate, state) { state.add(candidate, problem) }
        }
    }

    private static func regionalKick(
        _ state: inout CoverageState, _ problem: ReducedProblem, items: ItemIndex, random: inout SplitMix64,
        fits: (Int, CoverageState) -> Bool
    ) {
        let centre = state.open[random.below(state.open.count)]
        var near = Set<Int>()
        var region = Set<Int32>()
        for item in problem.coverage[centre] {
            for candidate in items.candidates(of: Int(item)) where near.insert(Int(candidate)).inserted {
                region.formUnion(problem.coverage[Int(candidate)])
            }
        }
        for facility in state.open where problem.coverage[facility].contains(where: region.contains) {
            state.remove(facility, problem)
        }
        let options = near.sorted().filter { $0 != centre && !state.isOpen[$0] && fits($0, state) }
        if !options.isEmpty { state.add(options[random.below(options.count)], problem) }
    }
}
