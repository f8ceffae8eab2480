import Testing
@testable import PhusongOptimization

/// `ExactCheapestCoverage` and the budgeted `ExactCoverage` (CBC) against exhaustive search on
/// small random instances.
@Suite("Exact cheapest coverage (CBC) against exhaustive search")
struct ExactCheapestCoverageTests {
    private static func instance(_ seed: Int) -> CoverageProblem {
        RandomInstances.problem(
            seed: UInt64(seed), items: 16 + seed % 11, candidates: 6 + seed % 6, density: 0.15 + Double(seed % 4) * 0.05,
            integral: seed % 3 != 2, randomCosts: seed % 2 == 1, fixedCount: seed % 7 == 0 ? 1 : 0)
    }

    /// The least cost of a subset with its count in `facilities`, covering `target`, within `budget`.
    private static func leastCost(_ problem: CoverageProblem, target: Double, facilities: ClosedRange<Int>, budget: Double?) -> Double? {
        var best: Double?
        let fixedMask = problem.fixed.reduce(0) { $0 | (1 << $1) }
        for mask in 0..<(1 << problem.candidateCount) where mask & fixedMask == fixedMask {
            let chosen = (0..<problem.candidateCount).filter { mask & (1 << $0) != 0 }
            let cost = problem.cost(of: chosen)
            guard facilities.contains(chosen.count), problem.coveredWeight(by: chosen) >= target - 1e-9,
                  budget.map({ cost <= $0 }) ?? true else { continue }
            best = min(best ?? cost, cost)
        }
        return best
    }

    @Test("least cost with a target, a count floor and a budget: the exhaustive optimum, proven, or nil when none exists")
    func leastCost() async throws {
        for seed in 0..<40 {
            let problem = Self.instance(seed)
            let reachable = BruteForce.requiredWeight(problem)
            for (share, floor, budget) in [(0.6, 0, nil), (0.9, 3, nil), (1.0, 0, nil), (0.8, 1, 6.0)] as [(Double, Int, Double?)] {
                let facilities = floor...problem.candidateCount
                let target = share * reachable
                let best = Self.leastCost(problem, target: target, facilities: facilities, budget: budget)
                let result = try await ExactCheapestCoverage.solve(
                    problem, target: target, facilities: facilities, budget: budget, timeLimit: 20, start: nil,
                    mostCoverage: share < 1, threads: 2)
                guard let best else {
                    #expect(result == nil, "seed \(seed) share \(share): no solution exists")
                    continue
                }
                let found = try #require(result, "seed \(seed) share \(share)")
                let solution = found.solution
                #expect(found.provenOptimal && abs(solution.cost - best) < 1e-9, "seed \(seed) share \(share): \(solution.cost) vs \(best)")
                #expect(solution.bound == solution.cost && found.solverGap == 0)
                #expect(solution.coveredWeight + 1e-9 >= target && facilities.contains(solution.chosen.count))
                #expect(Set(problem.fixed).isSubset(of: solution.chosen))
                if let budget { #expect(solution.cost <= budget) }
            }
        }
    }

    @Test("the most coverage at the least cost is the exhaustive most among the cheapest")
    func mostCoverageAtLeastCost() async throws {
        for seed in 0..<30 {
            let problem = Self.instance(seed)
            let target = 0.5 * BruteForce.requiredWeight(problem)
            let found = try #require(try await ExactCheapestCoverage.solve(
                problem, target: target, facilities: 0...problem.candidateCount, budget: nil, timeLimit: 20, start: nil,
                mostCoverage: true, threads: 1))
            let cost = found.solution.cost
            let most = BruteForce.maximumCoverage(problem, limit: .budget(cost + 1e-9))
            #expect(abs(found.solution.coveredWeight - most) < 1e-9, "seed \(seed)")
        }
    }

    @Test("a start is never made worse, and a start that is already optimal is kept proven")
    func startKept() async throws {
        let problem = Self.instance(5)
        let target = BruteForce.requiredWeight(problem)
        let cover = try await CostEffectiveCover.solve(problem, options: SolverOptions(threads: 1))
        let found = try #require(try await ExactCheapestCoverage.solve(
            problem, target: target, facilities: 0...problem.candidateCount, budget: nil, timeLimit: 20, start: cover.chosen,
            mostCoverage: false, threads: 1))
        #expect(found.solution.cost <= cover.cost && found.solution.cost == BruteForce.minimumCoverCost(problem))
    }

    @Test("maximum coverage within a budget (CBC): the exhaustive optimum, within the budget")
    func budgetedMaximumCoverage() async throws {
        for seed in 0..<30 {
            let problem = Self.instance(seed)
            let budget = problem.cost(of: problem.fixed) + 4
            let best = BruteForce.maximumCoverage(problem, limit: .budget(budget))
            let exact = try await ExactCoverage.solve(problem, limit: .budget(budget), timeLimit: 20, threads: 2)
            #expect(exact.provenOptimal && abs(exact.solution.coveredWeight - best) < 1e-9, "seed \(seed)")
            #expect(exact.solution.cost <= budget)
        }
    }
}
