import Testing
@testable import PhusongOptimization

/// `FewestFacilities` on the degenerate instances the rollout planner can hand it: a target
/// of nothing, one the fixed facilities already reach, one above what every candidate
/// reaches, every item covered, weights of zero, candidates covering nothing and a floor
/// above the useful candidates. Each must end quickly (the time limit) with the known count.
@Suite("Fewest facilities on degenerate instances", .timeLimit(.minutes(1)))
struct FewestFacilitiesEdgeTests {
    private static let options = SolverOptions(threads: 2, seed: 1)

    private func solve(
        _ problem: CoverageProblem, target: Double, minimum: Int, maximum: Int? = nil
    ) async throws -> FewestFacilities.Result {
        try await FewestFacilities.solve(
            problem, target: target, minimum: minimum, maximum: maximum ?? problem.candidateCount, options: Self.options)
    }

    @Test("a target of nothing opens the floor only")
    func nothing() async throws {
        let problem = CoverageProblem(weights: [3, 4, 5], coverage: [[0], [1], [2]])
        let result = try await solve(problem, target: 0, minimum: 0)
        #expect(result.count == 0 && result.countBound == 0 && result.solution.chosen.isEmpty)
        let floored = try await solve(problem, target: 0, minimum: 2)
        #expect(floored.count == 2 && floored.solution.chosen.count == 2)
        #expect(floored.solution.coveredWeight == 9, "the two largest singles")
    }

    @Test("a target the fixed facilities reach opens nothing more")
    func fixedReach() async throws {
        let problem = CoverageProblem(weights: [3, 4, 5], coverage: [[0, 1, 2], [0], [1]], fixed: [0])
        let result = try await solve(problem, target: 12, minimum: 0)
        #expect(result.count == 1 && result.countBound == 1 && result.solution.chosen == [0])
        #expect(result.solution.coveredWeight == 12 && result.reachableWeight == 12)
    }

    @Test("a target above the reachable weight stops at everything reachable")
    func unreachable() async throws {
        // Item 3 (weight 100) no candidate covers.
        let problem = CoverageProblem(weights: [3, 4, 5, 100], coverage: [[0], [1], [2], [0, 1]])
        let result = try await solve(problem, target: 112, minimum: 0)
        #expect(result.reachableWeight == 12)
        #expect(result.solution.coveredWeight == 12 && result.count == 2 && result.countBound == 2)
    }

    @Test("every item covered before the count is reached, and a floor above the useful candidates")
    func everythingCovered() async throws {
        // Candidate 0 covers everything; 1 and 2 add nothing; 3 covers nothing.
        let problem = CoverageProblem(weights: [1, 2, 3, 4], coverage: [[0, 1, 2, 3], [0, 1], [2], []])
        let result = try await solve(problem, target: 10, minimum: 0)
        #expect(result.count == 1 && result.countBound == 1 && result.solution.chosen == [0])
        let floored = try await solve(problem, target: 10, minimum: 4)
        #expect(floored.count == 4 && floored.solution.coveredWeight == 10 && floored.solution.chosen.count <= 4)
    }

    @Test("zero weights and identical candidates")
    func zeroWeightsAndTwins() async throws {
        let zero = CoverageProblem(weights: [0, 0, 0], coverage: [[0], [1, 2], [2]])
        let none = try await solve(zero, target: 0, minimum: 1)
        #expect(none.count == 1 && none.reachableWeight == 0)
        let twins = CoverageProblem(weights: [2, 2, 2, 2], coverage: [[0, 1], [0, 1], [2, 3], [2, 3], [0, 1], [2, 3]])
        let result = try await solve(twins, target: 8, minimum: 0)
        #expect(result.count == 2 && result.countBound == 2 && result.solution.coveredWeight == 8)
    }
}
