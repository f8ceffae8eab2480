import Testing
@testable import PhusongOptimization

/// The solvers against exhaustive search on small random instances (≤ 12 candidates).
@Suite("Solvers against exhaustive search")
struct ExhaustiveTests {
    private static let options = SolverOptions(threads: 2, seed: 3, localSearchRounds: 30, subgradientIterations: 2_000)
    private static let seeds = 0..<60
    private static let tolerance = 1e-9

    private static func instance(_ seed: Int) -> CoverageProblem {
        RandomInstances.problem(
            seed: UInt64(seed), items: 18 + seed % 15, candidates: 6 + seed % 7, density: 0.12 + Double(seed % 5) * 0.04,
            integral: seed % 4 != 3, randomCosts: seed % 2 == 1, fixedCount: seed % 5 == 0 ? 1 : 0)
    }

    @Test("maximum coverage with p facilities: never above the optimum, bound never below, optimal on most")
    func countLimit() async throws {
        var optimal = 0
        var total = 0
        for seed in Self.seeds {
            let problem = Self.instance(seed)
            for p in problem.fixed.count...min(problem.candidateCount, problem.fixed.count + 4) {
                let best = BruteForce.maximumCoverage(problem, limit: .count(p))
                let solution = try await MaximumCoverage.solve(problem, facilities: p, options: Self.options)
                #expect(solution.chosen.count <= p && Set(problem.fixed).isSubset(of: solution.chosen))
                #expect(solution.coveredWeight == problem.coveredWeight(by: solution.chosen))
                #expect(solution.coveredWeight <= best + Self.tolerance, "seed \(seed) p \(p)")
                #expect(solution.bound >= best - Self.tolerance, "seed \(seed) p \(p): bound \(solution.bound) < optimum \(best)")
                if abs(solution.coveredWeight - best) <= Self.tolerance { optimal += 1 }
                total += 1
            }
        }
        #expect(Double(optimal) >= 0.95 * Double(total), "optimal on \(optimal) of \(total)")
    }

    @Test("fewest facilities reaching a target: reaches it, count never below the minimum, bound never above, fewest on most")
    func fewestFacilities() async throws {
        var fewest = 0
        var total = 0
        for seed in Self.seeds {
            let problem = Self.instance(seed)
            let reachable = BruteForce.requiredWeight(problem)
            for (share, minimum) in [(0.5, 0), (0.8, 2), (0.95, 0), (1.0, 1)] {
                let target = share * reachable
                let best = BruteForce.fewestFacilities(problem, target: target, minimum: minimum)
                let result = try await FewestFacilities.solve(
                    problem, target: target, minimum: minimum, maximum: problem.candidateCount, options: Self.options)
                #expect(result.solution.coveredWeight + Self.tolerance >= target, "seed \(seed) share \(share)")
                #expect(result.solution.chosen.count <= result.count && result.count >= best, "seed \(seed) share \(share)")
                #expect(result.countBound <= best, "seed \(seed) share \(share): bound \(result.countBound) > fewest \(best)")
                #expect(result.reachableWeight == reachable)
                if result.count == best { fewest += 1 }
                total += 1
            }
        }
        #expect(Double(fewest) >= 0.95 * Double(total), "fewest on \(fewest) of \(total)")
    }

    @Test("maximum coverage within a budget: feasible, never above the optimum, bound never below")
    func budgetLimit() async throws {
        var optimal = 0
        var total = 0
        for seed in Self.seeds {
            let problem = Self.instance(seed)
            let fixedCost = problem.cost(of: problem.fixed)
            for budget in [fixedCost + 2, fixedCost + 5.5, fixedCost + 11] {
                let best = BruteForce.maximumCoverage(problem, limit: .budget(budget))
                let solution = try await MaximumCoverage.solve(problem, limit: .budget(budget), options: Self.options)
                #expect(solution.cost <= budget && Set(problem.fixed).isSubset(of: solution.chosen))
                #expect(solution.coveredWeight <= best + Self.tolerance, "seed \(seed) budget \(budget)")
                #expect(solution.bound >= best - Self.tolerance, "seed \(seed) budget \(budget): bound \(solution.bound) < optimum \(best)")
                if abs(solution.coveredWeight - best) <= Self.tolerance { optimal += 1 }
                total += 1
            }
        }
        #expect(Double(optimal) >= 0.9 * Double(total), "optimal on \(optimal) of \(total)")
    }

    @Test("covering all demand: covers it, cost never below the minimum, lower bound never above")
    func cover() async throws {
        var optimal = 0
        for seed in Self.seeds {
            let problem = Self.instance(seed)
            let best = BruteForce.minimumCoverCost(problem)
            let solution = try await CostEffectiveCover.solve(problem, options: Self.options)
            #expect(solution.coveredWeight == BruteForce.requiredWeight(problem), "seed \(seed)")
            #expect(Set(problem.fixed).isSubset(of: solution.chosen))
            #expect(solution.cost >= best - Self.tolerance, "seed \(seed)")
            #expect(solution.bound <= best + Self.tolerance, "seed \(seed): bound \(solution.bound) > minimum \(best)")
            if abs(solution.cost - best) <= Self.tolerance { optimal += 1 }
        }
        #expect(Double(optimal) >= 0.9 * Double(Self.seeds.count), "optimal on \(optimal) of \(Self.seeds.count)")
    }

    @Test("a count below the fixed facilities, or a budget below their cost, is refused")
    func infeasibleLimits() async {
        let problem = CoverageProblem(weights: [1, 1], coverage: [[0], [1]], costs: [2, 3], fixed: [0, 1])
        await #expect(throws: CoverageProblemError.self) { try await MaximumCoverage.solve(problem, facilities: 1) }
        await #expect(throws: CoverageProblemError.self) { try await MaximumCoverage.solve(problem, limit: .budget(4)) }
    }

    @Test("same seed, same answer for 1, 2 and 3 threads on a larger instance")
    func threadIndependence() async throws {
        let problem = RandomInstances.problem(seed: 99, items: 3_000, candidates: 1_500, density: 0.01, integral: false, randomCosts: true)
        func run(_ threads: Int) async throws -> [CoverageSolution] {
            let options = SolverOptions(threads: threads, seed: 5, localSearchRounds: 10, subgradientIterations: 300)
            return [
                try await MaximumCoverage.solve(problem, facilities: 25, options: options),
                try await MaximumCoverage.solve(problem, limit: .budget(60), options: options),
                try await CostEffectiveCover.solve(problem, options: options),
            ]
        }
        let single = try await run(1)
        #expect(try await run(2) == single)
        #expect(try await run(3) == single)
    }
}
