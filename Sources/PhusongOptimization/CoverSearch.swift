import PhusongSupport

/// Local search for covering all demand at least cost: drop redundant facilities (the most
/// expensive first) and swap a facility for a cheaper closed one that covers every item only
/// it covered (several per pass: `MoveBatch`), with the swap evaluation of `SwapSearch`
/// counting items instead of weighing them. The cover stays complete after every move.
enum CoverSearch {
    /// Stops at a local optimum or when `budget` is spent (the cover is complete either way).
    static func improve(_ state: inout CoverageState, _ problem: ReducedProblem, threads: Int, budget: SearchBudget? = nil) async throws {
        let tolerance = 1e-12 * max(1, problem.costs.reduce(0, +))
        while true {
            dropRedundant(&state, problem)
            if let budget {
                if budget.isExhausted { return }
                budget.charge(problem.passWork)
            }
            let moves = try await candidateSwaps(state, problem, threads: threads)
            if MoveBatch.applyDisjoint(moves, to: &state, problem, tolerance: tolerance, allowed: { _, _ in true }) == 0 { return }
        }
    }

    /// Closes open facilities that cover no item alone, the most expensive (then the lowest
    /// index) first, until every open one is needed.
    static func dropRedundant(_ state: inout CoverageState, _ problem: ReducedProblem) {
        while true {
            let redundant = state.open.filter { uniqueCount($0, state, problem) == 0 }
            guard let worst = redundant.max(by: { problem.costs[$0] < problem.costs[$1] || (problem.costs[$0] == problem.costs[$1] && $0 > $1) })
            else { return }
            state.remove(worst, problem)
        }
    }

    private static func uniqueCount(_ candidate: Int, _ state: CoverageState, _ problem: ReducedProblem) -> Int {
        problem.coverage[candidate].reduce(0) { $0 + (state.coverCount[Int($1)] == 1 ? 1 : 0) }
    }

    /// The best swap opening each candidate (`.none` for open ones and when none saves).
    private static func candidateSwaps(_ state: CoverageState, _ problem: ReducedProblem, threads: Int) async throws -> [Move] {
        let open = state.open
        let unique = open.map { uniqueCount($0, state, problem) }
        let slots = Move.slots(of: open, candidateCount: problem.candidateCount)
        let work = 2 * problem.nonZeros
        return try await TaskPool.map(count: problem.candidateCount, work: work, threads: threads) { range in
            var shared = [Int](repeating: 0, count: open.count)
            var touched: [Int] = []
            return range.map { candidate -> Move in
                guard !state.isOpen[candidate] else { return .none }
                for item in problem.coverage[candidate] where state.coverCount[Int(item)] == 1 {
                    let slot = Int(slots[state.ownerSum[Int(item)]])
                    if shared[slot] == 0 { touched.append(slot) }
                    shared[slot] += 1
                }
                var best = Move.none
                for slot in touched where shared[slot] == unique[slot] {
                    let swap = Move(gain: problem.costs[open[slot]] - problem.costs[candidate], add: candidate, drop: open[slot])
                    if swap.isBetter(than: best) { best = swap }
                }
                for slot in touched { shared[slot] = 0 }
                touched.removeAll(keepingCapacity: true)
                return best
            }
        }
    }
}
