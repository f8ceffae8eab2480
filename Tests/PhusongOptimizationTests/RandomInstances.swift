@testable import PhusongSupport
@testable import PhusongOptimization

/// Seeded random covering problems for the tests.
enum RandomInstances {
    /// A problem with `candidates` candidates over `items` items, each candidate covering about
    /// `density` of the items; weights whole or fractional, costs 1 or random.
    static func problem(
        seed: UInt64, items: Int, candidates: Int, density: Double, integral: Bool = true,
        randomCosts: Bool = false, fixedCount: Int = 0
    ) -> CoverageProblem {
        var random = SplitMix64(seed: seed)
        let weights = (0..<items).map { _ -> Double in
            let base = Double(random.below(100))
            return integral ? base : base + Double(random.below(1000)) / 1000
        }
        let threshold = Int(density * 1000)
        let coverage = (0..<candidates).map { _ in
            (0..<items).filter { _ in random.below(1000) < threshold }.map { Int32($0) }
        }
        let costs = (0..<candidates).map { _ -> Double in
            guard randomCosts else { return 1 }
            return integral ? Double(1 + random.below(9)) : 0.5 + Double(random.below(90)) / 10
        }
        var fixed: [Int] = []
        while fixed.count < min(fixedCount, candidates) {
            let candidate = random.below(candidates)
            if !fixed.contains(candidate) { fixed.append(candidate) }
        }
        return CoverageProblem(weights: weights, coverage: coverage, costs: costs, fixed: fixed)
    }
}

/// Exhaustive search over every subset of candidates (for ≤ 16 candidates).
enum BruteForce {
    /// Every subset as an array: 2^16 of them at most. Beyond, refused at once (a test with 25
    /// candidates once listed 2^25 subsets and grew past 6 GB without finishing).
    static let maximumCandidates = 16

    private static func subsets(_ problem: CoverageProblem) -> [[Int]] {
        precondition(
            problem.candidateCount <= maximumCandidates,
            "BruteForce: \(problem.candidateCount) candidates, at most \(maximumCandidates) (2^n subsets are listed)")
        let fixedMask = problem.fixed.reduce(0) { $0 | (1 << $1) }
        return (0..<(1 << problem.candidateCount)).filter { $0 & fixedMask == fixedMask }.map { mask in
            (0..<problem.candidateCount).filter { mask & (1 << $0) != 0 }
        }
    }

    /// The most weight `limit` allows to cover.
    static func maximumCoverage(_ problem: CoverageProblem, limit: FacilityLimit) -> Double {
        subsets(problem).filter { isFeasible($0, problem, limit) }.map { problem.coveredWeight(by: $0) }.max() ?? 0
    }

    static func isFeasible(_ chosen: [Int], _ problem: CoverageProblem, _ limit: FacilityLimit) -> Bool {
        switch limit {
        case .count(let count): chosen.count <= count
        case .budget(let budget): problem.cost(of: chosen) <= budget
        }
    }

    /// The least cost of covering every coverable item of positive weight.
    static func minimumCoverCost(_ problem: CoverageProblem) -> Double {
        let target = requiredWeight(problem)
        return subsets(problem).filter { problem.coveredWeight(by: $0) >= target }.map { problem.cost(of: $0) }.min() ?? .infinity
    }

    /// The fewest open facilities (fixed ones included, at least `minimum`) covering at least
    /// `target`.
    static func fewestFacilities(_ problem: CoverageProblem, target: Double, minimum: Int) -> Int {
        let counts = subsets(problem).filter { problem.coveredWeight(by: $0) >= target - 1e-9 }.map(\.count)
        return max(minimum, problem.fixed.count, counts.min() ?? problem.candidateCount)
    }

    /// The weight of all items some candidate covers.
    static func requiredWeight(_ problem: CoverageProblem) -> Double {
        problem.coveredWeight(by: 0..<problem.candidateCount)
    }
}
