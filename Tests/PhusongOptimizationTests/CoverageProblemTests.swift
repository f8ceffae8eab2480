import Testing
@testable import PhusongOptimization

@Suite("Coverage problem")
struct CoverageProblemTests {
    @Test("defaults: unit costs, no fixed facilities")
    func defaults() {
        let problem = CoverageProblem(weights: [1, 2, 3], coverage: [[0, 1], [2]])
        #expect(problem.costs == [1, 1])
        #expect(problem.fixed.isEmpty)
        #expect(problem.itemCount == 3 && problem.candidateCount == 2)
    }

    @Test("covered weight counts each item once; cost sums each candidate once")
    func coveredWeightAndCost() {
        let problem = CoverageProblem(weights: [1, 2, 4], coverage: [[0, 1], [1, 2], [2]], costs: [1, 2, 5])
        #expect(problem.coveredWeight(by: [0, 1]) == 7)
        #expect(problem.coveredWeight(by: [2, 2]) == 4)
        #expect(problem.cost(of: [2, 0, 2]) == 6)
    }

    @Test("validation names what is wrong", arguments: [
        (CoverageProblem(weights: [-1], coverage: [[0]]), "weight of item 0"),
        (CoverageProblem(weights: [.nan], coverage: [[0]]), "weight of item 0"),
        (CoverageProblem(weights: [1], coverage: [[0]], costs: [1, 2]), "2 costs for 1 candidates"),
        (CoverageProblem(weights: [1], coverage: [[0]], costs: [-3]), "cost of candidate 0"),
        (CoverageProblem(weights: [1, 1], coverage: [[1, 0]]), "ascending"),
        (CoverageProblem(weights: [1], coverage: [[0, 0]]), "ascending"),
        (CoverageProblem(weights: [1], coverage: [[1]]), "0..<1"),
        (CoverageProblem(weights: [1], coverage: [[0]], fixed: [3]), "fixed candidate 3"),
    ])
    func validation(problem: CoverageProblem, message: String) {
        #expect {
            try problem.validate()
        } throws: { error in
            (error as? CoverageProblemError)?.description.contains(message) == true
        }
    }

    @Test("a well-formed problem validates")
    func validProblem() throws {
        try CoverageProblem(weights: [0, 1], coverage: [[], [0, 1]], costs: [0, 2], fixed: [1, 1]).validate()
    }

    @Test("gap: relative to the bound when maximising, to the cost when covering")
    func gap() {
        let coverage = CoverageSolution(sense: .maximiseCoverage, chosen: [], coveredWeight: 90, cost: 0, bound: 100)
        #expect(abs(coverage.gap - 0.1) < 1e-12 && coverage.objective == 90)
        let cover = CoverageSolution(sense: .minimiseCost, chosen: [], coveredWeight: 0, cost: 10, bound: 8)
        #expect(abs(cover.gap - 0.2) < 1e-12 && cover.objective == 10)
        #expect(CoverageSolution(sense: .maximiseCoverage, chosen: [], coveredWeight: 0, cost: 0, bound: 0).gap == 0)
    }
}
