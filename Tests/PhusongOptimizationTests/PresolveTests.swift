import Testing
@testable import PhusongOptimization

@Suite("Presolve")
struct PresolveTests {
    @Test("items covered by the same candidates merge, their weights summed")
    func mergesItems() async throws {
        // Items 0 and 2 are covered by candidates 0 and 1 alike; item 1 only by 1.
        let problem = CoverageProblem(weights: [1, 2, 4], coverage: [[0, 2], [0, 1, 2]], costs: [1, 5])
        let reduced = try await Presolve.reduce(problem, threads: 1)
        #expect(reduced.itemCount == 2)
        #expect(reduced.weights.sorted() == [2, 5])
        #expect(reduced.totalWeight == 7)
    }

    @Test("a candidate covering a subset at no lower cost is dropped; on a tie the lower index stays")
    func dropsDominated() async throws {
        let problem = CoverageProblem(
            weights: [1, 1, 1, 1],
            coverage: [[0, 1], [0, 1], [0, 1, 2], [3], [3], [2]],
            costs: [2, 2, 2, 1, 3, 0.5])
        let reduced = try await Presolve.reduce(problem, threads: 1)
        // 0 and 1 are covered by 2 at the same cost; 4 by 3 (cheaper); 5 is cheaper than 2.
        #expect(reduced.originalCandidate == [2, 3, 5])
    }

    @Test("identical candidates at equal cost: only the lowest index is kept")
    func identicalCandidates() async throws {
        let problem = CoverageProblem(weights: [3, 4], coverage: [[0, 1], [0, 1], [0, 1]])
        let reduced = try await Presolve.reduce(problem, threads: 1)
        #expect(reduced.originalCandidate == [0])
    }

    @Test("fixed candidates leave the problem with what they cover; zero-weight and uncoverable items go")
    func fixedCandidates() async throws {
        let problem = CoverageProblem(
            weights: [5, 1, 0, 7, 2], coverage: [[0, 1], [1, 2, 3], [0]], costs: [3, 1, 1], fixed: [0, 0])
        let reduced = try await Presolve.reduce(problem, threads: 1)
        #expect(reduced.fixed == [0])
        #expect(reduced.fixedWeight == 6 && reduced.fixedCost == 3)
        // Item 4 is uncoverable, item 2 weighs nothing, candidate 2 covers only fixed-covered items.
        #expect(reduced.weights == [7])
        #expect(reduced.originalCandidate == [1])
        #expect(reduced.originalIndices(of: [0]) == [0, 1])
    }

    @Test("presolve keeps the optimum", arguments: 0..<40)
    func keepsOptimum(seed: Int) async throws {
        let problem = RandomInstances.problem(seed: UInt64(seed), items: 25, candidates: 10, density: 0.2, randomCosts: seed % 2 == 0)
        let reduced = try await Presolve.reduce(problem, threads: 1)
        let reducedProblem = CoverageProblem(weights: reduced.weights, coverage: reduced.coverage, costs: reduced.costs)
        for p in 1...3 {
            #expect(BruteForce.maximumCoverage(reducedProblem, limit: .count(p)) == BruteForce.maximumCoverage(problem, limit: .count(p)))
        }
        #expect(BruteForce.minimumCoverCost(reducedProblem) == BruteForce.minimumCoverCost(problem))
    }
}
