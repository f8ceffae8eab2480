/// A solver's answer with the bound it is proven to be within. Deterministic: it holds no
/// timings, so equal inputs and options give equal solutions.
public struct CoverageSolution: Sendable, Hashable {
    public enum Sense: Sendable, Hashable {
        /// Maximise the covered weight (objective = covered weight, bound = upper bound).
        case maximiseCoverage
        /// Minimise the cost of covering all coverable demand (objective = cost, bound =
        /// lower bound).
        case minimiseCost
    }

    public var sense: Sense
    /// The open facilities (candidate indices, ascending), the fixed ones included.
    public var chosen: [Int]
    /// The weight they cover.
    public var coveredWeight: Double
    /// Their total cost.
    public var cost: Double
    /// For maximum coverage, no solution covers more; for covering, none costs less.
    public var bound: Double

    public init(sense: Sense, chosen: [Int], coveredWeight: Double, cost: Double, bound: Double) {
        self.sense = sense
        self.chosen = chosen
        self.coveredWeight = coveredWeight
        self.cost = cost
        self.bound = bound
    }

    /// Covered weight when maximising coverage, cost when covering.
    public var objective: Double { sense == .maximiseCoverage ? coveredWeight : cost }

    /// The proven relative gap: (bound − objective) / bound when maximising, (objective −
    /// bound) / objective when minimising cost; 0 when proven optimal.
    public var gap: Double {
        switch sense {
        case .maximiseCoverage: bound > 0 ? max(0, (bound - coveredWeight) / bound) : 0
        case .minimiseCost: cost > 0 ? max(0, (cost - bound) / cost) : 0
        }
    }
}
