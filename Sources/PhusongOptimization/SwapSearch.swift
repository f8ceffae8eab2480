import PhusongSupport

/// Local search for maximum coverage: add and 1-for-1 swap moves, the
/// vertex substitution of Teitz & Bart (1968) with the fast swap evaluation of Whitaker
/// (1983) and Resende & Werneck (2007).
///
/// For a closed candidate k, one pass over its items finds the gain of every swap at once:
/// closing j and opening k changes the covered weight by gain(k) + shared(j, k) − loss(j),
/// where gain(k) is the weight k would newly cover, loss(j) the weight only j covers, and
/// shared(j, k) the part of loss(j) that k covers too (items whose only cover is j, found
/// through `CoverageState.ownerSum`). Only the facilities sharing items with k have
/// shared(j, k) > 0; among the others the best partner is the one losing least. So a whole
/// neighbourhood costs about one pass over the coverage matrix, evaluated in parallel chunks.
enum SwapSearch {
    /// Applies improving moves (`MoveBatch`) until none improves by more than a rounding
    /// tolerance, or until `budget` is spent. `rule` is `.count` or `.budget` (which moves are
    /// feasible).
    static func improve(
        _ state: inout CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int, budget: SearchBudget? = nil
    ) async throws {
        let tolerance = 1e-10 * max(1, problem.totalWeight)
        while true {
            if let budget {
                if budget.isExhausted { return }
                budget.charge(problem.passWork)
            }
            let moves = try await candidateMoves(state, problem, rule: rule, threads: threads)
            // The open cost (a sum over every open facility) only under a budget: with a count
            // of 19,589 open facilities it was summed once per applied move for nothing.
            let applied = MoveBatch.applyDisjoint(moves, to: &state, problem, tolerance: tolerance) { move, state in
                guard case .budget(let budget) = rule else { return move.drop >= 0 || !rule.isFull(state) }
                let openCost = state.cost(problem)
                if move.drop < 0 { return rule.fits(move.add, openCost: openCost, problem) }
                return openCost - problem.costs[move.drop] + problem.costs[move.add] <= budget
            }
            if applied == 0 { return }
        }
    }

    /// The best move opening each candidate (`.none` for open ones).
    private static func candidateMoves(_ state: CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int) async throws -> [Move] {
        let open = state.open
        let losses = open.map { state.loss($0, problem) }
        // Slots by increasing loss, then slot: for a candidate sharing no item with an open
        // facility, the best swap partner is the first feasible one here. Under a count every
        // partner is feasible and a candidate touches at most as many slots as it covers items,
        // so the (largest cover + 1) smallest losses are enough: a selection, not a sort of
        // thousands of open facilities at every pass.
        var needed = open.count
        if case .count = rule { needed = min(open.count, problem.largestCover + 1) }
        let byLoss = LargestValues.indices(needed, of: losses.map { -$0 })
            .sorted { losses[$0] < losses[$1] || (losses[$0] == losses[$1] && $0 < $1) }
        let slots = Move.slots(of: open, candidateCount: problem.candidateCount)
        let openCost = state.cost(problem)
        let canAdd = !rule.isFull(state)
        let feasible: @Sendable (Int, Int) -> Bool = { dropped, added in
            guard case .budget(let budget) = rule else { return true }
            return openCost - problem.costs[dropped] + problem.costs[added] <= budget
        }
        let work = 2 * problem.nonZeros
        let coverCount = state.coverCount
        let ownerSum = state.ownerSum
        let isOpen = state.isOpen
        return try await TaskPool.map(count: problem.candidateCount, work: work, threads: threads) { range in
            var shared = [Double](repeating: 0, count: open.count)
            var touched: [Int] = []
            // The inner loop reads through unsafe buffers taken once per chunk: no reference
            // count is touched per item, which two tasks would otherwise bounce between caches.
            return withBuffers(problem, coverCount, ownerSum, slots) { items, starts, weights, coverCount, ownerSum, slots in
                range.map { candidate -> Move in
                    guard !isOpen[candidate] else { return .none }
                    var gain = 0.0
                    for position in starts[candidate]..<starts[candidate + 1] {
                        let index = Int(items[position])
                        switch coverCount[index] {
                        case 0:
                            gain += weights[index]
                        case 1:
                            let slot = Int(slots[ownerSum[index]])
                            if shared[slot] == 0 { touched.append(slot) }
                            shared[slot] += weights[index]
                        default:
                            break
                        }
                    }
                    var best = Move.none
                    if canAdd, rule.fits(candidate, openCost: openCost, problem) {
                        best = Move(gain: gain, add: candidate, drop: -1)
                    }
                    // Swaps with the open facilities that share items with the candidate…
                    for slot in touched where feasible(open[slot], candidate) {
                        let swap = Move(gain: gain + shared[slot] - losses[slot], add: candidate, drop: open[slot])
                        if swap.isBetter(than: best) { best = swap }
                    }
                    // …and with the best of the others: the feasible one losing least.
                    for slot in byLoss where shared[slot] == 0 && feasible(open[slot], candidate) {
                        let swap = Move(gain: gain - losses[slot], add: candidate, drop: open[slot])
                        if swap.isBetter(than: best) { best = swap }
                        break
                    }
                    for slot in touched { shared[slot] = 0 }
                    touched.removeAll(keepingCapacity: true)
                    return best
                }
            }
        }
    }

    /// Runs `body` with unsafe views of the coverage rows, the weights and the state arrays.
    private static func withBuffers<T>(
        _ problem: ReducedProblem, _ coverCount: [Int32], _ ownerSum: [Int], _ slots: [Int32],
        _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>,
                 UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>) -> T
    ) -> T {
        problem.flatItems.withUnsafeBufferPointer { items in
            problem.rowStarts.withUnsafeBufferPointer { starts in
                problem.weights.withUnsafeBufferPointer { weights in
                    coverCount.withUnsafeBufferPointer { coverCount in
                        ownerSum.withUnsafeBufferPointer { ownerSum in
                            slots.withUnsafeBufferPointer { slots in body(items, starts, weights, coverCount, ownerSum, slots) }
                        }
                    }
                }
            }
        }
    }
}
