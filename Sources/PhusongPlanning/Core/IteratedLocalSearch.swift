/// Iterated local search (Lourenço, Martin & Stützle 2003): from the best solution so far,
/// swap a few open facilities for closed ones chosen at random (a kick the swap neighbourhood
/// cannot undo in one move), repair greedily, descend by local search, and keep the result
/// when it is at least as good (ties move the search along a plateau).
///
/// The random choices come from a seeded generator and everything else is deterministic,
/// so the same seed gives the same result for any number of threads.
enum IteratedLocalSearch {
    /// - Parameters:
    ///   - fits: whether a closed candidate may be opened in a state (budget). The kick opens
    ///     only candidates that would cover something new.
    ///   - score: what the search maximises (covered weight, or minus the cost).
    ///   - isOptimal: true when a score is proven optimal (the bound is met): stop.
    ///   - repair: re-opens facilities and descends to a local optimum.
    static func run(
        from start: CoverageState, _ problem: ReducedProblem, rounds: Int, seed: UInt64, deadline: Deadline,
        fits: (Int, CoverageState) -> Bool = { _, _ in true }, score: (CoverageState) -> Double, isOptimal: (Double) -> Bool,
        repair: (inout CoverageState) async throws -> Void
    ) async throws -> CoverageState {
        var best = start
        var bestScore = score(best)
        var random = SplitMix64(seed: seed)
        for _ in 0..<rounds {
            if isOptimal(bestScore) || deadline.hasPassed || best.open.isEmpty { break }
            var trial = best
            let strength = 1 + random.below(min(best.open.count, 2 + best.open.count / 8))
            for _ in 0..<strength {
                trial.remove(trial.open[random.below(trial.open.count)], problem)
            }
            for _ in 0..<strength {
                let closed = (0..<problem.candidateCount).filter {
                    !trial.isOpen[$0] && fits($0, trial) && trial.gain($0, problem) > 0
                }
                guard !closed.isEmpty else { break }
                trial.add(closed[random.below(closed.count)], problem)
            }
            try await repair(&trial)
            let trialScore = score(trial)
            if trialScore >= bestScore {
                best = trial
                bestScore = trialScore
            }
        }
        return best
    }
}
