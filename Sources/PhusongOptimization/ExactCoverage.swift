import CBCKit

/// Maximum coverage under a count or a budget solved as a mixed-integer program by CBC
/// (`CBCKit`): proven optimal when CBC finishes within the time limit, otherwise CBC's best
/// solution and bound.
///
/// The model is Church & ReVelle's (1974) on the presolved problem (`Presolve`: fixed
/// candidates out, dominated candidates out, items with the same covering candidates merged,
/// which keeps the optimum): maximise Σ_i w_i y_i subject to y_i ≤ Σ_{j ∋ i} x_j for every
/// item, Σ_j x_j ≤ p − |fixed| (or Σ_j c_j x_j ≤ B − fixed cost), x_j ∈ {0, 1}, 0 ≤ y_i ≤ 1
/// (`CoveringMIP`; y need not be declared whole: for whole x an optimal y is whole). A heuristic solution, when given, is passed as CBC's MIP
/// start, so the answer is never worse than it; when its own bound already proves it optimal,
/// CBC is not run.
public enum ExactCoverage {
    /// What the exact solve proved.
    public struct Result: Sendable, Hashable {
        /// The best solution (CBC's, or the start when CBC found nothing better) and the bound:
        /// CBC's proven bound, or the start's bound when that is lower.
        public var solution: CoverageSolution
        /// True when CBC proved the solution optimal.
        public var provenOptimal: Bool
        /// CBC's own relative gap when it stopped (0 when proven optimal).
        public var solverGap: Double
    }

    /// Solves maximum coverage with at most `facilities` open (the fixed ones included).
    /// - Parameters:
    ///   - problem: the covering problem.
    ///   - facilities: the count p.
    ///   - timeLimit: seconds CBC may run.
    ///   - start: a known solution of `problem` (its bound is kept when lower than CBC's).
    ///   - threads: tasks for the presolve.
    /// - Returns: the best solution, the bound and whether it is proven optimal.
    public static func solve(
        _ problem: CoverageProblem, facilities: Int, timeLimit: Double, start: CoverageSolution? = nil, threads: Int
    ) async throws -> Result {
        try await solve(problem, limit: .count(facilities), timeLimit: timeLimit, start: start, threads: threads)
    }

    /// Solves maximum coverage within a count or a budget (the fixed facilities included).
    /// - Parameters:
    ///   - problem: the covering problem.
    ///   - limit: at most this many open facilities, or at most this total cost.
    ///   - timeLimit: seconds CBC may run.
    ///   - start: a known solution of `problem` within `limit` (its bound is kept when lower
    ///     than CBC's).
    ///   - threads: tasks for the presolve.
    /// - Returns: the best solution, the bound and whether it is proven optimal.
    public static func solve(
        _ problem: CoverageProblem, limit: FacilityLimit, timeLimit: Double, start: CoverageSolution? = nil, threads: Int
    ) async throws -> Result {
        try problem.validate()
        // A start that meets its own bound is already proven optimal: nothing for CBC to do.
        if let start, start.coveredWeight >= start.bound {
            return Result(solution: start, provenOptimal: true, solverGap: 0)
        }
        let reduced = try await Presolve.reduce(problem, threads: threads)
        var model = CoveringMIP(objective: .maximiseCoverage)
        switch limit {
        case .count(let facilities):
            guard facilities >= reduced.fixed.count else {
                throw CoverageProblemError("\(reduced.fixed.count) fixed facilities do not fit in a limit of \(facilities)")
            }
            model.counts = 0...(facilities - reduced.fixed.count)
        case .budget(let budget):
            guard budget.isFinite, budget >= reduced.fixedCost else {
                throw CoverageProblemError("the fixed facilities cost \(reduced.fixedCost), more than the budget \(budget)")
            }
            model.costLimit = budget - reduced.fixedCost
        }
        let (answer, open) = try model.solve(reduced, timeLimit: timeLimit, start: start?.chosen)

        var chosen = start?.chosen ?? reduced.fixed
        if !answer.values.isEmpty {
            let solverChosen = reduced.originalIndices(of: open)
            // CBC's solution is checked against the limit, not trusted to its tolerances.
            let fits = switch limit {
            case .count(let facilities): solverChosen.count <= facilities
            case .budget(let budget): problem.cost(of: solverChosen) <= budget
            }
            if fits, problem.coveredWeight(by: solverChosen) > problem.coveredWeight(by: chosen) { chosen = solverChosen }
        }
        let coveredWeight = problem.coveredWeight(by: chosen)
        var bound = reduced.fixedWeight + answer.bound
        if reduced.integralWeights { bound = (bound + 1e-6 * max(1, abs(bound))).rounded(.down) }
        if let start { bound = min(bound, start.bound) }
        let proven = answer.status == .optimal || coveredWeight >= bound
        let solution = CoverageSolution(
            sense: .maximiseCoverage, chosen: chosen, coveredWeight: coveredWeight, cost: problem.cost(of: chosen),
            bound: proven ? coveredWeight : max(bound, coveredWeight))
        return Result(solution: solution, provenOptimal: proven, solverGap: answer.gap ?? 1)
    }
}
