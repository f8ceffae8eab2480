import PhusongSupport

/// An upper bound on maximum coverage by Lagrangian relaxation of the coverage constraints
/// (Galvão & ReVelle 1996, "A Lagrangean heuristic for the maximal covering location
/// problem"; Fisher 1981).
///
/// The model (Church & ReVelle 1974): maximise Σ_i w_i y_i subject to y_i ≤ Σ_{j ∋ i} x_j,
/// 0 ≤ y_i ≤ 1, x binary, and Σ_j x_j ≤ p (or Σ_j c_j x_j ≤ B). Multiplying each coverage
/// constraint by λ_i ≥ 0 and adding it to the objective gives, for every feasible (x, y),
///
///     Σ_i w_i y_i ≤ Σ_i w_i y_i + Σ_i λ_i (Σ_{j ∋ i} x_j − y_i)
///                 = Σ_i (w_i − λ_i) y_i + Σ_j v_j x_j,      v_j = Σ_{i ∈ N_j} λ_i
///                 ≤ Σ_i max(0, w_i − λ_i) + max { Σ_j v_j x_j : Σ_j x_j ≤ p }  =: L(λ),
///
/// because the added term is ≥ 0 and each part is maximised separately over a larger set.
/// The last maximum is the sum of the p largest v_j (v ≥ 0); under a budget it is relaxed
/// further to the fractional knapsack Σ_j c_j x_j ≤ B, 0 ≤ x ≤ 1, solved exactly by taking
/// candidates by decreasing v_j / c_j (Dantzig 1957). So L(λ) ≥ the optimum for every λ ≥ 0
/// (weak duality), and the lowest L(λ) found is a valid bound. The fixed candidates and what
/// they cover are outside the reduced problem: their weight is added to the bound. λ_i is kept
/// in [0, w_i]: above w_i it only raises L.
///
/// L is minimised by subgradient steps: with (x, y) attaining L(λ), s_i = Σ_{j ∋ i} x_j − y_i
/// is a subgradient, and λ ← clamp(λ − t d, 0, w) along the deflected direction d with
/// Polyak's step (`SubgradientSchedule`). With whole-number weights the optimum is a whole
/// number, so the bound is rounded down.
///
/// The relaxed facilities at each iteration are themselves a feasible choice (the p with the
/// largest v_j; under a budget the ones taken whole): the one covering the most, and one every
/// 25 iterations, are kept as starting points for local search (the Lagrangian heuristic of
/// Galvão & ReVelle). Sampling along the way matters more than the best relaxed value: the
/// samples lie in different basins of the swap neighbourhood.
struct CoverageLagrangian: Sendable {
    private let problem: ReducedProblem
    /// The limit on the reduced problem (without the fixed candidates).
    private let limit: FacilityLimit
    private var multipliers: [Double]
    private var schedule: SubgradientSchedule
    /// The lowest L(λ) found, for the reduced problem.
    private var value: Double
    /// The relaxed facilities covering the most weight so far (reduced problem), and that weight.
    private(set) var bestRelaxed: (open: [Int], covered: Double) = ([], 0)
    /// Distinct relaxed facilities sampled every `sampleInterval` iterations (at most
    /// `sampleLimit`).
    private(set) var samples: [[Int]] = []
    private var sampled: Set<[Int]> = []
    private var iteration = 0
    private let sampleInterval = 25
    private let sampleLimit = 200

    /// Starts from λ = w/2, having evaluated the trivial bounds L(0) = the total weight and
    /// L(w) = the sum of the p largest single-facility covers (under a budget, the fractional
    /// knapsack of them).
    /// `patience`: iterations without a better dual value before the step factor halves
    /// (`SubgradientSchedule`).
    init(_ problem: ReducedProblem, limit: FacilityLimit, patience: Int = 100) {
        schedule = SubgradientSchedule(patience: patience)
        self.problem = problem
        self.limit = limit
        multipliers = problem.weights.map { $0 / 2 }
        let singles = problem.coverage.map { items in items.reduce(0) { $0 + problem.weights[Int($1)] } }
        let largest = Self.relaxedFacilities(singles, costs: problem.costs, limit: limit).reduce(0) { $0 + $1.1 * singles[$1.0] }
        value = min(problem.totalWeight, largest)
    }

    /// The upper bound on the original problem's covered weight.
    var bound: Double {
        let total = problem.fixedWeight + value
        guard problem.integralWeights else { return total }
        // Rounding can put the computed L(λ) a hair below the true one: the slack keeps the
        // floor from dropping a whole unit.
        return (total + 1e-9 * max(1, total)).rounded(.down)
    }

    /// True when `covered` (original problem) meets the bound: proven optimal.
    func isProvenOptimal(_ covered: Double) -> Bool { covered >= bound }

    /// Runs subgradient iterations, with the covered weight of the best known solution
    /// (original problem) as the step target, until the bound proves it optimal, the step
    /// vanishes, `iterations` are done or the budget is spent.
    mutating func improve(incumbent: Double, iterations: Int, threads: Int, budget: SearchBudget) async throws {
        var target = incumbent - problem.fixedWeight
        for _ in 0..<iterations {
            if isProvenOptimal(problem.fixedWeight + target) || schedule.isExhausted || budget.isExhausted { return }
            budget.charge(problem.passWork)
            let (dualValue, subgradient, relaxed, covered) = try await evaluate(threads: threads)
            let whole = relaxed.filter { $0.1 == 1 }.map(\.0)
            if covered > bestRelaxed.covered { bestRelaxed = (whole, covered) }
            iteration += 1
            if iteration % sampleInterval == 0, samples.count < sampleLimit, sampled.insert(whole).inserted { samples.append(whole) }
            target = max(target, covered)
            schedule.record(dualValue, lowerIsBetter: true)
            value = min(value, dualValue)
            // A zero subgradient means the relaxed solution is feasible and L(λ) is attained.
            guard !subgradient.allSatisfy({ $0 == 0 }),
                  let (direction, length) = schedule.step(subgradient, value: dualValue, target: target) else { return }
            for item in multipliers.indices {
                multipliers[item] = min(problem.weights[item], max(0, multipliers[item] - length * direction[item]))
            }
        }
    }

    /// L(λ) at the current multipliers, a subgradient there, the relaxed facilities, and the
    /// weight the whole ones among them cover (each item once, summed in item order).
    private func evaluate(threads: Int) async throws -> (Double, [Double], [(Int, Double)], Double) {
        let problem = problem
        let lambda = multipliers
        let values = try await TaskPool.map(count: problem.candidateCount, work: problem.nonZeros, threads: threads) { range in
            lambda.withUnsafeBufferPointer { lambda in
                problem.flatItems.withUnsafeBufferPointer { items in
                    range.map { candidate in
                        SparseSum.sum(lambda, at: UnsafeBufferPointer(rebasing: items[problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1]]))
                    }
                }
            }
        }
        var total = 0.0
        var subgradient = [Double](repeating: 0, count: problem.itemCount)
        for item in 0..<problem.itemCount where problem.weights[item] > lambda[item] {
            total += problem.weights[item] - lambda[item]
            subgradient[item] = -1
        }
        let relaxed = Self.relaxedFacilities(values, costs: problem.costs, limit: limit)
        var coveredWhole = [Bool](repeating: false, count: problem.itemCount)
        problem.flatItems.withUnsafeBufferPointer { items in
            for (candidate, share) in relaxed {
                total += share * values[candidate]
                for position in problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1] {
                    let item = Int(items[position])
                    subgradient[item] += share
                    if share == 1 { coveredWhole[item] = true }
                }
            }
        }
        var covered = 0.0
        for item in 0..<problem.itemCount where coveredWhole[item] { covered += problem.weights[item] }
        return (total, subgradient, relaxed, covered)
    }

    /// The x maximising Σ v_j x_j in the relaxation: (candidate, x_j) for x_j > 0.
    private static func relaxedFacilities(_ values: [Double], costs: [Double], limit: FacilityLimit) -> [(Int, Double)] {
        switch limit {
        case .count(let limit):
            // Ascending without a sort: mark the chosen, then read them in index order.
            var chosen = [Bool](repeating: false, count: values.count)
            for candidate in LargestValues.indices(limit, of: values) { chosen[candidate] = true }
            return values.indices.filter { chosen[$0] }.map { ($0, 1) }
        case .budget(let budget):
            let ratio = values.indices.map { values[$0] <= 0 ? 0 : (costs[$0] > 0 ? values[$0] / costs[$0] : .infinity) }
            let order = values.indices.filter { ratio[$0] > 0 }.sorted { ratio[$0] > ratio[$1] || (ratio[$0] == ratio[$1] && $0 < $1) }
            var remaining = budget
            var chosen: [(Int, Double)] = []
            for candidate in order {
                let cost = costs[candidate]
                if cost <= remaining {
                    chosen.append((candidate, 1))
                    remaining -= cost
                } else {
                    if remaining > 0 { chosen.append((candidate, remaining / cost)) }
                    break
                }
            }
            return chosen
        }
    }
}
