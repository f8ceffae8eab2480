/// Path relinking for count-limited maximum coverage (Glover 1997; in GRASP, Resende & Ribeiro
/// 2005; for location problems, Resende & Werneck 2004): walk from one solution to another by
/// swaps that each close a facility only the start opens and open one only the guide opens,
/// and keep the best solution met strictly between them. Good solutions share most of their
/// structure; the path explores combinations of the two that neither the swap descent (one
/// swap at a time, only improving ones) nor a perturbation (random) would reach.
///
/// Each step takes the best such swap (greedy relinking): for every facility still to close,
/// the best candidate still to open with the exact change of `SwapTables.bestSwap(slot:among:)`;
/// ties go to the first facility in `open` order and the first candidate in ascending order.
/// A path of d swaps costs about d²/2 such evaluations. Deterministic (no random choice).
enum PathRelinking {
    /// The best solution strictly inside the greedy path from `start` to `guide` (the guide's
    /// open facilities, any order), the earliest on a tie; nil when the two differ by fewer
    /// than 2 swaps (no solution lies between them) or `budget` runs out before the first step.
    /// The result is not descended: callers run `TableSearch.descend` on it.
    static func relink(_ start: SwapTables, toward guide: [Int], budget: SearchBudget) -> SwapTables? {
        var tables = start
        let target = Set(guide)
        var entering = guide.filter { !tables.isOpen[$0] }.sorted()
        var leaving = tables.open.filter { !target.contains($0) }
        let steps = min(entering.count, leaving.count)
        guard steps >= 2 else { return nil }
        var charged = tables.work
        var best: SwapTables?
        for _ in 1..<steps {
            budget.charge(tables.work - charged)
            charged = tables.work
            if budget.isExhausted { break }
            var move: (leaving: Int, candidate: Int, change: Double)?
            for (index, facility) in leaving.enumerated() {
                guard let swap = tables.bestSwap(slot: Int(tables.slotOf[facility]), among: entering) else { continue }
                if swap.change > move?.change ?? -.infinity { move = (index, swap.candidate, swap.change) }
            }
            guard let move else { break }
            tables.swap(slot: Int(tables.slotOf[leaving[move.leaving]]), for: move.candidate)
            leaving.remove(at: move.leaving)
            entering.removeAll { $0 == move.candidate }
            if tables.covered > best?.covered ?? -.infinity { best = tables }
        }
        budget.charge(tables.work - charged)
        return best
    }
}
