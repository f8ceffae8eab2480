import CBCKit

/// Maximum coverage under a count solved as a mixed-integer program by CBC (`CBCKit`): proven
/// optimal when CBC finishes within the time limit, otherwise CBC's best solution and bound.
///
/// The model is Church & ReVelle's (1974) on the presolved problem (`Presolve`: fixed
/// candidates out, dominated candidates out, items with the same covering candidates merged,
/// which keeps the optimum): maximise Σ_i w_i y_i subject to y_i ≤ Σ_{j ∋ i} x_j for every
/// item, Σ_j x_j ≤ p − |fixed|, x_j ∈ {0, 1}, 0 ≤ y_i ≤ 1 (y need not be declared whole: for
/// whole x an optimal y is whole). A heuristic solution, when given, is passed as CBC's MIP
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
        try problem.validate()
        // A start that meets its own bound is already proven optimal: nothing for CBC to do.
        if let start, start.coveredWeight >= start.bound {
            return Result(solution: start, provenOptimal: true, solverGap: 0)
        }
        let reduced = try await Presolve.reduce(problem, threads: threads)
        guard facilities >= reduced.fixed.count else {
            throw CoverageProblemError("\(reduced.fixed.count) fixed facilities do not fit in a limit of \(facilities)")
        }
        let limit = facilities - reduced.fixed.count
        let candidates = reduced.candidateCount
        let items = reduced.itemCount
        let index = ItemIndex(coverage: reduced.coverage, itemCount: items)
        // Columns: x_0 … x_{n−1}, then y_0 … y_{m−1}.
        var rows = (0..<items).map { item in
            let covering = index.candidates(of: item).map { Int($0) }
            return MIPProblem.Row(
                columns: covering + [candidates + item], coefficients: Array(repeating: -1, count: covering.count) + [1],
                lower: -.infinity, upper: 0)
        }
        rows.append(MIPProblem.Row(
            columns: Array(0..<candidates), coefficients: Array(repeating: 1, count: candidates), lower: -.infinity, upper: Double(limit)))
        let model = MIPProblem(
            sense: .maximise,
            objective: Array(repeating: 0, count: candidates) + reduced.weights,
            lower: Array(repeating: 0, count: candidates + items),
            upper: Array(repeating: 1, count: candidates + items),
            integer: Array(repeating: true, count: candidates) + Array(repeating: false, count: items),
            rows: rows)
        let startValues = start.map { startColumns($0, reduced) }
        var answer = try CBC.solve(model, timeLimit: timeLimit, start: startValues)
        // CBC 2.10 can reject a MIP start after its preprocessing has removed columns (its C
        // interface maps the start by column name: "Illegal index … in getColumnName") and then
        // stops without a solution; the start is kept below anyway, so solve again without it.
        if startValues != nil, answer.values.isEmpty, answer.status != .optimal, answer.status != .infeasible {
            answer = try CBC.solve(model, timeLimit: timeLimit, start: nil)
        }

        var chosen = start?.chosen ?? reduced.fixed
        if !answer.values.isEmpty {
            let open = (0..<candidates).filter { answer.values[$0] > 0.5 }
            let solverChosen = reduced.originalIndices(of: open)
            if open.count <= limit, problem.coveredWeight(by: solverChosen) > problem.coveredWeight(by: chosen) { chosen = solverChosen }
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

    /// The MIP columns of a solution of the original problem: x for the reduced candidates it
    /// opens, y for the items they cover.
    private static func startColumns(_ solution: CoverageSolution, _ reduced: ReducedProblem) -> [Double] {
        let position = Dictionary(uniqueKeysWithValues: reduced.originalCandidate.enumerated().map { ($1, $0) })
        var values = [Double](repeating: 0, count: reduced.candidateCount + reduced.itemCount)
        for original in solution.chosen {
            guard let candidate = position[original] else { continue }
            values[candidate] = 1
            for item in reduced.coverage[candidate] { values[reduced.candidateCount + Int(item)] = 1 }
        }
        return values
    }
}
