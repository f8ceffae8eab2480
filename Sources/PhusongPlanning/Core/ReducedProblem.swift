/// A covering problem after presolve (`Presolve`): without the fixed candidates and the items
/// they cover, without items that weigh nothing or that no candidate covers, without
/// dominated candidates, and with items that the same candidates cover merged into one.
///
/// Every solution of the reduced problem maps back to one of the original with the same
/// coverage (plus `fixedWeight`) and cost (plus `fixedCost`), and some optimal solution of the
/// original maps from an optimal one of the reduced problem, so bounds carry over too.
struct ReducedProblem: Sendable {
    /// Weight of each (merged) item, all > 0.
    let weights: [Double]
    /// The items each kept candidate covers, ascending; never empty.
    let coverage: [[Int32]]
    let costs: [Double]
    /// Index in the original problem of each kept candidate (ascending).
    let originalCandidate: [Int]
    /// The original problem's fixed candidates, ascending, without repeats.
    let fixed: [Int]
    /// Weight the fixed candidates cover, and their cost.
    let fixedWeight: Double
    let fixedCost: Double
    /// Sum of `weights`.
    let totalWeight: Double
    /// True when every original weight is a whole number, so an optimal coverage is one too.
    let integralWeights: Bool
    /// True when every original cost is a whole number, so an optimal cost is one too.
    let integralCosts: Bool

    var itemCount: Int { weights.count }
    var candidateCount: Int { coverage.count }
    /// Number of (candidate, item) pairs: the work of one pass over the coverage matrix.
    var nonZeros: Int { coverage.reduce(0) { $0 + $1.count } }

    /// The original candidate indices of a reduced solution, with the fixed ones, ascending.
    func originalIndices(of chosen: [Int]) -> [Int] {
        (fixed + chosen.map { originalCandidate[$0] }).sorted()
    }
}
