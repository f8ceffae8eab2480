import CBCKit

/// One covering model as a mixed-integer program for CBC, on a presolved problem (`Presolve`):
/// Church & ReVelle's (1974) coverage rows y_i ≤ Σ_{j ∋ i} x_j for every item, x_j ∈ {0, 1},
/// 0 ≤ y_i ≤ 1 (y need not be declared whole: for whole x the rows allow y_i > 0 only on
/// covered items, and an optimal y is whole), with any of
///
/// - a count range: `counts.lowerBound` ≤ Σ_j x_j ≤ `counts.upperBound`;
/// - a cost cap: Σ_j c_j x_j ≤ `costLimit`;
/// - a coverage target: Σ_i w_i y_i ≥ `coverageTarget`;
///
/// and either objective: maximise the covered weight Σ_i w_i y_i, or minimise the cost
/// Σ_j c_j x_j. Counts, costs and weights are the reduced problem's (without the fixed
/// candidates and what they cover).
struct CoveringMIP {
    enum Objective {
        case maximiseCoverage
        case minimiseCost
    }

    var objective: Objective
    var counts: ClosedRange<Int>?
    var costLimit: Double?
    var coverageTarget: Double?

    /// The program: columns x_0 … x_{n−1}, then y_0 … y_{m−1}.
    func program(_ reduced: ReducedProblem) -> MIPProblem {
        let candidates = reduced.candidateCount
        let items = reduced.itemCount
        let index = ItemIndex(coverage: reduced.coverage, itemCount: items)
        var rows = (0..<items).map { item in
            let covering = index.candidates(of: item).map { Int($0) }
            return MIPProblem.Row(
                columns: covering + [candidates + item], coefficients: Array(repeating: -1, count: covering.count) + [1],
                lower: -.infinity, upper: 0)
        }
        let allX = Array(0..<candidates)
        if let counts {
            rows.append(MIPProblem.Row(
                columns: allX, coefficients: Array(repeating: 1, count: candidates),
                lower: counts.lowerBound > 0 ? Double(counts.lowerBound) : -.infinity, upper: Double(counts.upperBound)))
        }
        if let costLimit {
            rows.append(MIPProblem.Row(columns: allX, coefficients: reduced.costs, lower: -.infinity, upper: costLimit))
        }
        if let coverageTarget {
            rows.append(MIPProblem.Row(
                columns: Array(candidates..<(candidates + items)), coefficients: reduced.weights, lower: coverageTarget, upper: .infinity))
        }
        let maximise = objective == .maximiseCoverage
        return MIPProblem(
            sense: maximise ? .maximise : .minimise,
            objective: maximise ? Array(repeating: 0, count: candidates) + reduced.weights : reduced.costs + Array(repeating: 0, count: items),
            lower: Array(repeating: 0, count: candidates + items),
            upper: Array(repeating: 1, count: candidates + items),
            integer: Array(repeating: true, count: candidates) + Array(repeating: false, count: items),
            rows: rows)
    }

    /// Solves the program with CBC within `timeLimit` seconds, from `start` (original candidate
    /// indices, the fixed ones included) when given.
    /// - Returns: CBC's answer and the reduced candidates it opens (empty without a solution).
    func solve(_ reduced: ReducedProblem, timeLimit: Double, start: [Int]?) throws -> (answer: MIPResult, open: [Int]) {
        let model = program(reduced)
        let startValues = start.map { Self.startColumns($0, reduced) }
        var answer = try CBC.solve(model, timeLimit: timeLimit, start: startValues)
        // CBC 2.10 can reject a MIP start after its preprocessing has removed columns (its C
        // interface maps the start by column name: "Illegal index … in getColumnName") and then
        // stops without a solution; callers keep the start anyway, so solve again without it.
        if startValues != nil, answer.values.isEmpty, answer.status != .optimal, answer.status != .infeasible {
            answer = try CBC.solve(model, timeLimit: timeLimit, start: nil)
        }
        let open = answer.values.isEmpty ? [] : (0..<reduced.candidateCount).filter { answer.values[$0] > 0.5 }
        return (answer, open)
    }

    /// The MIP columns of a solution of the original problem: x for the reduced candidates it
    /// opens, y for the items they cover.
    private static func startColumns(_ chosen: [Int], _ reduced: ReducedProblem) -> [Double] {
        let position = Dictionary(uniqueKeysWithValues: reduced.originalCandidate.enumerated().map { ($1, $0) })
        var values = [Double](repeating: 0, count: reduced.candidateCount + reduced.itemCount)
        for original in chosen {
            guard let candidate = position[original] else { continue }
            values[candidate] = 1
            for item in reduced.coverage[candidate] { values[reduced.candidateCount + Int(item)] = 1 }
        }
        return values
    }
}
