/// A covering problem as the optimisation core sees it: demand items with weights, and
/// candidate facilities each covering a sparse set of items, with a cost. Independent of
/// telecom (like spopt's coverage matrices): the rollout planner and classic maximal
/// covering both reduce to it.
public struct CoverageProblem: Sendable, Hashable {
    /// Weight of each demand item (population, households, …), ≥ 0.
    public var weights: [Double]
    /// For each candidate, the demand items it covers, sorted ascending, without repeats.
    public var coverage: [[Int32]]
    /// Cost of opening each candidate (1 for cardinality problems).
    public var costs: [Double]
    /// Candidates that must be open (existing or forced facilities).
    public var fixed: [Int]

    public init(weights: [Double], coverage: [[Int32]], costs: [Double]? = nil, fixed: [Int] = []) {
        self.weights = weights
        self.coverage = coverage
        self.costs = costs ?? Array(repeating: 1, count: coverage.count)
        self.fixed = fixed
    }

    public var itemCount: Int { weights.count }
    public var candidateCount: Int { coverage.count }
}
