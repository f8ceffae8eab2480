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

    /// The weight of the items that at least one of `chosen` covers, each item counted once
    /// and summed in item order (so the same set always gives the same number).
    public func coveredWeight(by chosen: some Sequence<Int>) -> Double {
        var covered = [Bool](repeating: false, count: itemCount)
        for candidate in chosen {
            for item in coverage[candidate] { covered[Int(item)] = true }
        }
        var total = 0.0
        for item in 0..<itemCount where covered[item] { total += weights[item] }
        return total
    }

    /// The total cost of `chosen`, summed in ascending candidate order.
    public func cost(of chosen: some Sequence<Int>) -> Double {
        Set(chosen).sorted().reduce(0) { $0 + costs[$1] }
    }

    /// Checks that the problem is well formed: finite non-negative weights with a finite
    /// total, one finite non-negative cost per candidate, item and candidate indices in
    /// range, coverage lists ascending.
    public func validate() throws(CoverageProblemError) {
        if let item = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw CoverageProblemError("weight of item \(item) is \(weights[item]): weights must be finite and >= 0")
        }
        // Finite weights can still add up to infinity (1e308 twice), and then every
        // objective and bound would be inf or NaN.
        guard weights.reduce(0, +).isFinite else {
            throw CoverageProblemError("the weights add up to more than \(Double.greatestFiniteMagnitude): their total must be finite")
        }
        guard costs.count == candidateCount else {
            throw CoverageProblemError("\(costs.count) costs for \(candidateCount) candidates")
        }
        if let candidate = costs.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw CoverageProblemError("cost of candidate \(candidate) is \(costs[candidate]): costs must be finite and >= 0")
        }
        for (candidate, items) in coverage.enumerated() {
            var previous: Int32 = -1
            for item in items {
                guard item > previous, Int(item) < itemCount else {
                    throw CoverageProblemError("coverage of candidate \(candidate) must list item indices in 0..<\(itemCount), ascending, without repeats")
                }
                previous = item
            }
        }
        if let candidate = fixed.first(where: { !(0..<candidateCount).contains($0) }) {
            throw CoverageProblemError("fixed candidate \(candidate) is not in 0..<\(candidateCount)")
        }
    }
}

/// A covering problem or its limit is malformed (a programming error in the caller, not bad
/// user data: loaders report those with file and line).
public struct CoverageProblemError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
