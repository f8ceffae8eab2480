/// What a greedy construction maximises at each step and when it stops.
enum GreedyRule: Sendable, Hashable {
    /// Largest newly covered weight; at most this many open candidates.
    case count(Int)
    /// Largest newly covered weight per unit cost; open cost at most this.
    case budget(Double)
    /// Largest newly covered weight per unit cost (Chvátal's set-covering greedy, 1979)
    /// until everything coverable is covered.
    case coverAll

    /// The rule that respects `limit` (on the reduced problem).
    init(_ limit: FacilityLimit) {
        switch limit {
        case .count(let count): self = .count(count)
        case .budget(let budget): self = .budget(budget)
        }
    }

    /// The greedy key of a candidate newly covering `gain` at `cost`. Zero when it covers
    /// nothing new; infinite for a free candidate that covers something.
    func key(gain: Double, cost: Double) -> Double {
        switch self {
        case .count: gain
        case .budget, .coverAll: gain <= 0 ? 0 : (cost > 0 ? gain / cost : .infinity)
        }
    }

    /// True when `state` may open no more candidates.
    func isFull(_ state: CoverageState) -> Bool {
        if case .count(let limit) = self { return state.open.count >= limit }
        return false
    }

    /// True when `candidate` may still be opened on top of `openCost`.
    func fits(_ candidate: Int, openCost: Double, _ problem: ReducedProblem) -> Bool {
        if case .budget(let budget) = self { return openCost + problem.costs[candidate] <= budget }
        return true
    }
}
