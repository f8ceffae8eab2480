import PhusongOptimization

/// `plan --exact`: each phase's choice solved as a mixed-integer program by CBC
/// (`ExactCheapestCoverage`, `ExactCoverage`), starting from the heuristic's choice, so the
/// exact plan never costs more than the heuristic one (nor, at the same cost, covers fewer
/// people). Proven optimal when CBC finishes within the time limit; otherwise CBC's best and
/// its gap. For small regions only: the programs have a column per candidate and per village.
public struct ExactPlanning: Sendable, Hashable {
    /// The most villages `--exact` takes: the 5G program has a column per candidate and per
    /// village without 5G, and above a few provinces it reaches tens of thousands of columns,
    /// where CBC proves little within minutes (the 3,700 villages of the embedded default data
    /// are proven optimal in the tests; docs/planners.md).
    public static let villageLimit = 10_000

    /// Seconds CBC may run in all: half for the dead zones, the rest (and what the dead zones
    /// left) for 5G.
    public var timeLimit: Double

    /// Exact planning within `timeLimit` seconds of CBC.
    /// - Parameter timeLimit: seconds CBC may run in all, > 0.
    public init(timeLimit: Double) {
        self.timeLimit = timeLimit
    }

    /// Refuses a scenario with more than `villageLimit` villages.
    /// - Parameter villages: the scenario's village count.
    public static func check(villages: Int) throws(ExactPlanningError) {
        guard villages <= villageLimit else { throw ExactPlanningError(villages: villages) }
    }

    /// The dead-zone phase exactly: the cheapest cover of every dead zone (within `budget`);
    /// when none fits the budget, nil (the caller then maximises the villages connected).
    func cheapestCover(_ problem: CoverageProblem, heuristic: CoverageSolution, budget: Double?, timeLimit: Double,
                       threads: Int) async throws -> (CoverageSolution, ExactPhaseOutcome)? {
        let everything = problem.coveredWeight(by: 0..<problem.candidateCount)
        let start = budget.map { heuristic.cost <= $0 } ?? true ? heuristic.chosen : nil
        guard let exact = try await ExactCheapestCoverage.solve(
            problem, target: everything, facilities: 0...problem.candidateCount, budget: budget, timeLimit: timeLimit,
            start: start, mostCoverage: false, threads: threads) else { return nil }
        return (exact.solution, ExactPhaseOutcome(phase: "dead zones", provenOptimal: exact.provenOptimal, solverGap: exact.solverGap))
    }

    /// The dead-zone phase under a budget that cannot connect every village: the most
    /// villages connected within it.
    func mostCovered(_ problem: CoverageProblem, heuristic: CoverageSolution, budget: Double, timeLimit: Double,
                     threads: Int) async throws -> (CoverageSolution, ExactPhaseOutcome) {
        let exact = try await ExactCoverage.solve(problem, limit: .budget(budget), timeLimit: timeLimit, start: heuristic, threads: threads)
        return (exact.solution, ExactPhaseOutcome(phase: "dead zones (budget)", provenOptimal: exact.provenOptimal, solverGap: exact.solverGap))
    }

    /// The 5G phase exactly: the cheapest additions, their count in `facilities`, that cover
    /// `goal` people (within `budget`), the most people at that cost; when no such set
    /// exists, the most people `facilities.upperBound` additions cover.
    /// - Returns: the chosen candidates, a lower bound on the cost, and the outcome.
    func fiveG(_ problem: CoverageProblem, heuristic: [Int], heuristicBound: Double, goal: Double, facilities: ClosedRange<Int>,
               budget: Double?, timeLimit: Double, threads: Int) async throws -> (chosen: [Int], bound: Double, outcome: ExactPhaseOutcome) {
        if let exact = try await ExactCheapestCoverage.solve(
            problem, target: goal, facilities: facilities, budget: budget, timeLimit: timeLimit, start: heuristic,
            mostCoverage: true, threads: threads) {
            let outcome = ExactPhaseOutcome(phase: "5G", provenOptimal: exact.provenOptimal, solverGap: exact.solverGap)
            return (exact.solution.chosen, max(exact.solution.bound, min(heuristicBound, exact.solution.cost)), outcome)
        }
        let start = CoverageSolution(
            sense: .maximiseCoverage, chosen: heuristic, coveredWeight: problem.coveredWeight(by: heuristic),
            cost: problem.cost(of: heuristic), bound: .infinity)
        let exact = try await ExactCoverage.solve(
            problem, limit: .count(facilities.upperBound), timeLimit: timeLimit,
            start: heuristic.count <= facilities.upperBound ? start : nil, threads: threads)
        let outcome = ExactPhaseOutcome(phase: "5G (most people covered)", provenOptimal: exact.provenOptimal, solverGap: exact.solverGap)
        return (exact.solution.chosen, heuristicBound, outcome)
    }
}

/// What CBC proved for one phase of an exact plan.
public struct ExactPhaseOutcome: Sendable, Hashable {
    /// The phase: "dead zones", "dead zones (budget)", "5G" or "5G (most people covered)".
    public var phase: String
    /// True when CBC proved the phase's choice optimal.
    public var provenOptimal: Bool
    /// CBC's relative gap when it stopped (0 when proven optimal).
    public var solverGap: Double
}

/// `--exact` on a scenario too large for it.
public struct ExactPlanningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The scenario's village count.
    public var villages: Int

    /// The message, with the limit.
    public var description: String {
        "--exact plans regions of at most \(ExactPlanning.villageLimit) villages (a province or a few); this scenario has "
            + "\(villages). Plan it without --exact, or plan a province subset exactly"
    }
}
