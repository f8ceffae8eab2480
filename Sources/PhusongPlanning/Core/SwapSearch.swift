/// Best-improvement local search for maximum coverage: add and 1-for-1 swap moves, the
/// vertex substitution of Teitz & Bart (1968) with the fast swap evaluation of Whitaker
/// (1983) and Resende & Werneck (2007).
///
/// For a closed candidate k, one pass over its items finds the gain of every swap at once:
/// closing j and opening k changes the covered weight by gain(k) + shared(j, k) − loss(j),
/// where gain(k) is the weight k would newly cover, loss(j) the weight only j covers, and
/// shared(j, k) the part of loss(j) that k covers too (items whose only cover is j, found
/// through `CoverageState.ownerSum`). So a whole neighbourhood costs one pass over the
/// coverage matrix plus (closed candidates × open ones), evaluated in parallel chunks.
enum SwapSearch {
    /// Applies the best improving move until none improves by more than a rounding
    /// tolerance. `rule` is `.count` or `.budget` (which moves are feasible).
    static func improve(_ state: inout CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int) async throws {
        let tolerance = 1e-10 * max(1, problem.totalWeight)
        while true {
            let best = try await bestMove(state, problem, rule: rule, threads: threads)
            guard best.gain > tolerance else { return }
            if best.drop >= 0 { state.remove(best.drop, problem) }
            state.add(best.add, problem)
        }
    }

    private static func bestMove(_ state: CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int) async throws -> Move {
        let open = state.open
        let losses = open.map { state.loss($0, problem) }
        let slots = Move.slots(of: open, candidateCount: problem.candidateCount)
        let openCost = state.cost(problem)
        let canAdd = !rule.isFull(state)
        let feasible: @Sendable (Int, Int) -> Bool = { dropped, added in
            guard case .budget(let budget) = rule else { return true }
            return openCost - problem.costs[dropped] + problem.costs[added] <= budget
        }
        let work = problem.nonZeros + problem.candidateCount * open.count
        let moves = try await ParallelEvaluation.map(count: problem.candidateCount, work: work, threads: threads) { range in
            var shared = [Double](repeating: 0, count: open.count)
            var touched: [Int] = []
            return range.map { candidate -> Move in
                guard !state.isOpen[candidate] else { return .none }
                var gain = 0.0
                for item in problem.coverage[candidate] {
                    let index = Int(item)
                    switch state.coverCount[index] {
                    case 0:
                        gain += problem.weights[index]
                    case 1:
                        let slot = Int(slots[state.ownerSum[index]])
                        if shared[slot] == 0 { touched.append(slot) }
                        shared[slot] += problem.weights[index]
                    default:
                        break
                    }
                }
                // Ties go to the add, then to the lowest candidate closed (`open` is ascending).
                var bestGain = -Double.infinity
                var bestDrop = -2
                if canAdd, rule.fits(candidate, openCost: openCost, problem) {
                    bestGain = gain
                    bestDrop = -1
                }
                var slot = 0
                while slot < open.count {
                    let swapGain = gain + shared[slot] - losses[slot]
                    if swapGain > bestGain, feasible(open[slot], candidate) {
                        bestGain = swapGain
                        bestDrop = open[slot]
                    }
                    slot += 1
                }
                let best = bestDrop == -2 ? Move.none : Move(gain: bestGain, add: candidate, drop: bestDrop)
                for slot in touched { shared[slot] = 0 }
                touched.removeAll(keepingCapacity: true)
                return best
            }
        }
        return Move.best(of: moves)
    }
}
