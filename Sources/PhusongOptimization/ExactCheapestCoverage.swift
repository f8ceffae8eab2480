import CBCKit
import PhusongSupport

/// The cheapest facilities that cover at least a target weight, with their count in a range
/// and optionally their cost within a budget, solved as a mixed-integer program by CBC
/// (`CoveringMIP`): minimise Σ_j c_j x_j subject to y_i ≤ Σ_{j ∋ i} x_j, Σ_i w_i y_i ≥ target,
/// a ≤ Σ_j x_j ≤ b, Σ_j c_j x_j ≤ B. Covering every coverable item (set covering, Toregas et
/// al. 1971) is the case target = the coverable weight. Then, when asked, the most weight
/// that solution's cost can cover, by a second program: maximise Σ_i w_i y_i subject to the
/// same rows and Σ_j c_j x_j ≤ the cost found — the least cost first, the most coverage at
/// that cost second, as the rollout planner ranks its plans.
///
/// The presolve keeps every candidate when the count has a floor (`Presolve`), and a known
/// solution is passed as CBC's MIP start, so the answer never costs more than it.
public enum ExactCheapestCoverage {
    /// What the exact solve found and proved.
    public struct Result: Sendable, Hashable {
        /// The chosen facilities (`sense` `.minimiseCost`), with CBC's proven lower bound on
        /// the least cost as `bound`.
        public var solution: CoverageSolution
        /// True when CBC proved the least cost (`solution.cost == solution.bound`).
        public var provenOptimal: Bool
        /// CBC's relative gap on the cost when it stopped (0 when proven optimal).
        public var solverGap: Double
    }

    /// Solves the least-cost problem, then (with `mostCoverage`) the most coverage at that cost.
    /// - Parameters:
    ///   - problem: the covering problem (its fixed candidates count and cost too).
    ///   - target: the weight to cover at least.
    ///   - facilities: the allowed count of open facilities, fixed ones included.
    ///   - budget: a cap on the total cost, nil for none.
    ///   - timeLimit: seconds CBC may run in all (the coverage step gets a quarter).
    ///   - start: a known solution (candidate indices) meeting every constraint, or nil.
    ///   - mostCoverage: also maximise the coverage at the least cost found.
    ///   - threads: tasks for the presolve.
    /// - Returns: the best solution, or nil when none was found (none exists, or CBC found
    ///   none in time and there was no start).
    public static func solve(
        _ problem: CoverageProblem, target: Double, facilities: ClosedRange<Int>, budget: Double?, timeLimit: Double,
        start: [Int]?, mostCoverage: Bool, threads: Int
    ) async throws -> Result? {
        try problem.validate()
        let clock = ContinuousClock()
        let began = clock.now
        let reduced = try await Presolve.reduce(problem, threads: threads, keepingEveryCandidate: facilities.lowerBound > 0)
        let fixedCount = reduced.fixed.count
        guard facilities.upperBound >= fixedCount else { return nil }
        let tolerance = 1e-9 * max(1, reduced.fixedWeight + reduced.totalWeight)
        var model = CoveringMIP(objective: .minimiseCost)
        model.counts = max(0, facilities.lowerBound - fixedCount)...(facilities.upperBound - fixedCount)
        model.costLimit = budget.map { $0 - reduced.fixedCost }
        model.coverageTarget = target - reduced.fixedWeight - tolerance
        func feasible(_ chosen: [Int]) -> Bool {
            facilities.contains(Set(chosen).count) && problem.coveredWeight(by: chosen) + tolerance >= target
                && budget.map { problem.cost(of: chosen) <= $0 } ?? true
        }

        let firstLimit = mostCoverage ? timeLimit * 3 / 4 : timeLimit
        let (answer, open) = try model.solve(reduced, timeLimit: firstLimit, start: start)
        var chosen = start.flatMap { feasible($0) ? Set($0).sorted() : nil }
        let solverChosen = reduced.originalIndices(of: open)
        if !answer.values.isEmpty, feasible(solverChosen), chosen.map({ problem.cost(of: solverChosen) < problem.cost(of: $0) }) ?? true {
            chosen = solverChosen
        }
        guard var best = chosen else { return nil }
        let cost = problem.cost(of: best)
        var bound = answer.status == .infeasible ? cost : min(cost, max(0, reduced.fixedCost + answer.bound))
        if reduced.integralCosts { bound = (bound - 1e-9 * max(1, bound)).rounded(.up) }
        let proven = answer.status == .optimal || cost <= bound

        if mostCoverage {
            // The most coverage for no more than that cost (a hair of slack for the sums).
            var widest = CoveringMIP(objective: .maximiseCoverage)
            widest.counts = model.counts
            widest.costLimit = cost - reduced.fixedCost + 1e-9 * max(1, cost)
            let left = max(timeLimit / 4, timeLimit - (clock.now - began).inSeconds)
            let (_, wideOpen) = try widest.solve(reduced, timeLimit: left, start: best)
            let wide = reduced.originalIndices(of: wideOpen)
            if !wideOpen.isEmpty, feasible(wide), problem.cost(of: wide) <= cost,
               problem.coveredWeight(by: wide) > problem.coveredWeight(by: best) {
                best = wide
            }
        }
        let bestCost = problem.cost(of: best)
        let solution = CoverageSolution(
            sense: .minimiseCost, chosen: best, coveredWeight: problem.coveredWeight(by: best), cost: bestCost,
            bound: proven ? bestCost : min(bound, bestCost))
        return Result(solution: solution, provenOptimal: proven, solverGap: proven ? 0 : solution.gap)
    }
}
