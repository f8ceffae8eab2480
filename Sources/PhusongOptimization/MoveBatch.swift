/// Applies several improving moves found in one neighbourhood pass, instead of only the best.
///
/// A move's gain depends only on how the items of the candidates it opens and closes are
/// covered. So once some moves are applied, a move touching none of their items still gains
/// exactly what was computed: applying the improving moves best first, skipping any that
/// shares an item with one already applied, improves the solution by the sum of their gains.
/// On large instances this cuts the number of passes from one per move to a handful; the
/// best move is always applied, so a pass never does worse than best improvement.
enum MoveBatch {
    /// Applies the moves gaining more than `tolerance`, best first, that share no item with an
    /// applied one and that `allowed` accepts against the state as it is then (limits).
    /// - Returns: the number of moves applied.
    static func applyDisjoint(
        _ moves: [Move], to state: inout CoverageState, _ problem: ReducedProblem, tolerance: Double,
        allowed: (Move, CoverageState) -> Bool
    ) -> Int {
        let improving = moves.filter { $0.gain > tolerance }.sorted { $0.isBetter(than: $1) }
        var touched = [Bool](repeating: false, count: problem.itemCount)
        var applied = 0
        for move in improving {
            let items = problem.coverage[move.add] + (move.drop >= 0 ? problem.coverage[move.drop] : [])
            guard !items.contains(where: { touched[Int($0)] }), allowed(move, state) else { continue }
            for item in items { touched[Int(item)] = true }
            if move.drop >= 0 { state.remove(move.drop, problem) }
            state.add(move.add, problem)
            applied += 1
        }
        return applied
    }
}
