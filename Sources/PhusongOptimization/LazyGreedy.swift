import PhusongSupport

/// The accelerated greedy algorithm (Minoux 1978, "Accelerated greedy algorithms for
/// maximizing submodular set functions"; the "lazy" evaluation of CELF, Leskovec et al. 2007,
/// "Cost-effective outbreak detection in networks").
///
/// Coverage is submodular: a candidate's gain can only shrink as others open. So a key
/// computed at an earlier step is an upper bound on its key now, and when the candidate on
/// top of the heap has a key computed at this step, it is the true best: no other candidate
/// can beat it. Stale keys on top are re-evaluated in batches, in parallel when the batch
/// is large, and pushed back.
///
/// Determinism: each step opens the candidate with the largest true key, the lowest index
/// among equal keys (the heap's order), whatever the batch size or thread count.
enum LazyGreedy {
    /// Opens candidates greedily on top of `state` until `rule` says stop or nothing adds
    /// coverage. Charges its work to `budget` (it never stops early: a repair must finish).
    /// - Returns: the candidates opened, in order, each with the weight it newly covered.
    @discardableResult
    static func extend(
        _ state: inout CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int, budget: SearchBudget? = nil
    ) async throws -> [(candidate: Int, gain: Double)] {
        var opened: [(candidate: Int, gain: Double)] = []
        guard !rule.isFull(state) else { return opened }
        var openCost = state.cost(problem)
        let closed = (0..<problem.candidateCount).filter { !state.isOpen[$0] && rule.fits($0, openCost: openCost, problem) }
        // Charged: the first evaluation of every candidate and the cover of each one opened.
        // Re-evaluations are not: how many there are depends on the batch size, which follows
        // the thread count, and the work charged must not.
        budget?.charge(closed.reduce(closed.count) { $0 + problem.coverage[$1].count })
        let initial = try await keys(of: closed, state, problem, rule: rule, threads: threads)
        var heap = CandidateHeap(zip(closed, initial).map { .init(key: $1, candidate: $0, step: 0) })
        let batchSize = threads > 1 ? 8 * threads : 1
        var step = 0
        while let top = heap.top {
            guard rule.fits(top.candidate, openCost: openCost, problem) else {
                heap.pop()
                continue
            }
            if top.step == step {
                heap.pop()
                guard top.key > 0 else { return opened }
                opened.append((top.candidate, state.gain(top.candidate, problem)))
                budget?.charge(problem.coverage[top.candidate].count)
                state.add(top.candidate, problem)
                // Summed in ascending order, as every budget check does; a count needs no sum.
                if case .budget = rule { openCost = state.cost(problem) }
                step += 1
                if rule.isFull(state) { return opened }
                continue
            }
            var batch: [Int] = []
            while batch.count < batchSize, let entry = heap.top, entry.step != step {
                heap.pop()
                if rule.fits(entry.candidate, openCost: openCost, problem) { batch.append(entry.candidate) }
            }
            let fresh = try await keys(of: batch, state, problem, rule: rule, threads: threads)
            for (candidate, key) in zip(batch, fresh) { heap.push(.init(key: key, candidate: candidate, step: step)) }
        }
        return opened
    }

    /// Greedy keys of `candidates` against `state`, evaluated in parallel chunks.
    private static func keys(
        of candidates: [Int], _ state: CoverageState, _ problem: ReducedProblem, rule: GreedyRule, threads: Int
    ) async throws -> [Double] {
        let work = candidates.reduce(0) { $0 + problem.coverage[$1].count }
        return try await TaskPool.map(count: candidates.count, work: work, threads: threads) { range in
            range.map { position in
                let candidate = candidates[position]
                return rule.key(gain: state.gain(candidate, problem), cost: problem.costs[candidate])
            }
        }
    }
}
