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
    /// The items each kept candidate covers, ascending; never empty (except after
    /// `Presolve.reduce(_:threads:keepingEveryCandidate:)` with `true`, for exact models only).
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

    /// `coverage` in compressed sparse rows: candidate j covers `flatItems[rowStarts[j]..<rowStarts[j + 1]]`.
    /// The hot loops read it through unsafe buffers: one contiguous array, no reference count
    /// touched per candidate, so parallel tasks do not contend on shared counters.
    let flatItems: [Int32]
    let rowStarts: [Int]
    /// Number of (candidate, item) pairs: the work of one pass over the coverage matrix.
    let nonZeros: Int
    /// The most items one candidate covers.
    let largestCover: Int

    init(
        weights: [Double], coverage: [[Int32]], costs: [Double], originalCandidate: [Int], fixed: [Int],
        fixedWeight: Double, fixedCost: Double, totalWeight: Double, integralWeights: Bool, integralCosts: Bool
    ) {
        self.weights = weights
        self.coverage = coverage
        self.costs = costs
        self.originalCandidate = originalCandidate
        self.fixed = fixed
        self.fixedWeight = fixedWeight
        self.fixedCost = fixedCost
        self.totalWeight = totalWeight
        self.integralWeights = integralWeights
        self.integralCosts = integralCosts
        flatItems = coverage.flatMap { $0 }
        var starts = [0]
        starts.reserveCapacity(coverage.count + 1)
        for items in coverage { starts.append(starts[starts.count - 1] + items.count) }
        rowStarts = starts
        nonZeros = flatItems.count
        largestCover = coverage.map(\.count).max() ?? 0
    }

    var itemCount: Int { weights.count }
    var candidateCount: Int { coverage.count }

    /// The original candidate indices of a reduced solution, with the fixed ones, ascending.
    func originalIndices(of chosen: [Int]) -> [Int] {
        (fixed + chosen.map { originalCandidate[$0] }).sorted()
    }
}
