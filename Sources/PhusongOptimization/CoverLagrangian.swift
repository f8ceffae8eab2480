import PhusongSupport

/// A lower bound on the cost of covering all demand, by Lagrangian relaxation of the set
/// covering constraints (Fisher 1981; Beasley 1990, "A Lagrangian heuristic for set-covering
/// problems").
///
/// The model: minimise Σ_j c_j x_j subject to Σ_{j ∋ i} x_j ≥ 1 for every item, x binary.
/// For multipliers u_i ≥ 0 and every feasible x,
///
///     Σ_j c_j x_j ≥ Σ_j c_j x_j + Σ_i u_i (1 − Σ_{j ∋ i} x_j)
///                 = Σ_i u_i + Σ_j (c_j − U_j) x_j,        U_j = Σ_{i ∈ N_j} u_i
///                 ≥ Σ_i u_i + Σ_j min(0, c_j − U_j)  =: L(u),
///
/// because the added term is ≤ 0 and the last step minimises over all x in [0, 1]. So
/// L(u) ≤ the optimum for every u ≥ 0 (weak duality; L's maximum equals the LP relaxation's
/// value), and the highest L(u) found is a valid bound. The fixed candidates' cost is added.
/// The start u_i = min_{j ∋ i} c_j / |N_j| is dual feasible (U_j ≤ c_j), so L(u) = Σ u_i
/// there. L is maximised by subgradient steps: with x_j = 1 where c_j < U_j, the subgradient
/// is g_i = 1 − Σ_{j ∋ i} x_j and u ← max(0, u + t d) along the deflected direction d with
/// Polyak's step (`SubgradientSchedule`). With whole-number costs the optimum is a whole
/// number, so the bound is rounded up.
struct CoverLagrangian: Sendable {
    private let problem: ReducedProblem
    private var multipliers: [Double]
    private var schedule = SubgradientSchedule()
    /// The highest L(u) found, for the reduced problem.
    private var value: Double

    init(_ problem: ReducedProblem) {
        self.problem = problem
        var start = [Double](repeating: .infinity, count: problem.itemCount)
        for (candidate, items) in problem.coverage.enumerated() {
            let share = problem.costs[candidate] / Double(items.count)
            for item in items { start[Int(item)] = min(start[Int(item)], share) }
        }
        multipliers = start
        value = start.reduce(0, +)
    }

    /// The lower bound on the original problem's cost.
    var bound: Double {
        let total = problem.fixedCost + value
        guard problem.integralCosts else { return total }
        // The slack keeps rounding errors in L(u) from lifting the ceiling by a whole unit.
        return (total - 1e-9 * max(1, total)).rounded(.up)
    }

    func isProvenOptimal(_ cost: Double) -> Bool { cost <= bound }

    /// Runs subgradient iterations with the cost of the best known cover (original problem)
    /// as the step target.
    mutating func improve(incumbent: Double, iterations: Int, threads: Int, budget: SearchBudget) async throws {
        let target = incumbent - problem.fixedCost
        for _ in 0..<iterations {
            if isProvenOptimal(incumbent) || schedule.isExhausted || budget.isExhausted { return }
            budget.charge(problem.passWork)
            let (dualValue, subgradient) = try await evaluate(threads: threads)
            schedule.record(dualValue, lowerIsBetter: false)
            value = max(value, dualValue)
            guard !subgradient.allSatisfy({ $0 == 0 }),
                  let (direction, length) = schedule.step(subgradient, value: dualValue, target: target) else { return }
            for item in multipliers.indices {
                multipliers[item] = max(0, multipliers[item] + length * direction[item])
            }
        }
    }

    /// L(u) at the current multipliers and a subgradient there.
    private func evaluate(threads: Int) async throws -> (Double, [Double]) {
        let problem = problem
        let u = multipliers
        let reducedCosts = try await TaskPool.map(count: problem.candidateCount, work: problem.nonZeros, threads: threads) { range in
            range.map { candidate in problem.costs[candidate] - problem.coverage[candidate].reduce(0) { $0 + u[Int($1)] } }
        }
        var total = u.reduce(0, +)
        var subgradient = [Double](repeating: 1, count: problem.itemCount)
        for (candidate, reducedCost) in reducedCosts.enumerated() where reducedCost < 0 {
            total += reducedCost
            for item in problem.coverage[candidate] { subgradient[Int(item)] -= 1 }
        }
        return (total, subgradient)
    }
}
