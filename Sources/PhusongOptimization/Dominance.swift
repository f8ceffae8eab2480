import PhusongSupport

/// Finds candidates that other candidates make redundant.
///
/// Candidate k dominates j when k covers every item j covers at no greater cost, and k is
/// strictly better (covers more, or costs less) or, on a tie, has the lower index. This is a
/// strict partial order, so every dominated candidate has an undominated dominator; swapping
/// j for it (or dropping j if it is already open) keeps a solution feasible for any count,
/// budget or cover constraint without losing coverage or adding cost. So dropping all
/// dominated candidates keeps an optimal solution.
enum Dominance {
    /// Ascending indices of the candidates that cover something and are not dominated.
    static func undominated(coverage: [[Int32]], costs: [Double], itemCount: Int, threads: Int) async throws -> [Int] {
        let index = ItemIndex(coverage: coverage, itemCount: itemCount)
        let work = coverage.reduce(0) { $0 + $1.count } * 8
        let keep = try await TaskPool.map(count: coverage.count, work: work, threads: threads) { range in
            range.map { candidate in
                !coverage[candidate].isEmpty && !isDominated(candidate, coverage: coverage, costs: costs, index: index)
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// Looks for a dominator among the candidates covering j's least-covered item (any
    /// dominator must cover it).
    private static func isDominated(_ j: Int, coverage: [[Int32]], costs: [Double], index: ItemIndex) -> Bool {
        let items = coverage[j]
        guard let rarest = items.min(by: { index.degree(of: Int($0)) < index.degree(of: Int($1)) }) else { return false }
        for other in index.candidates(of: Int(rarest)) {
            let k = Int(other)
            guard k != j, costs[k] <= costs[j], coverage[k].count >= items.count else { continue }
            let strictlyBetter = coverage[k].count > items.count || costs[k] < costs[j] || k < j
            if strictlyBetter, isSubset(items, of: coverage[k]) { return true }
        }
        return false
    }

    /// True when every element of `small` is in `large` (both ascending).
    private static func isSubset(_ small: [Int32], of large: [Int32]) -> Bool {
        var position = 0
        for item in small {
            while position < large.count, large[position] < item { position += 1 }
            guard position < large.count, large[position] == item else { return false }
            position += 1
        }
        return true
    }
}
