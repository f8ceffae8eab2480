import Testing
@testable import PhusongPlanning

@Suite("Coverage problem")
struct CoverageProblemTests {
    @Test("defaults: unit costs, no fixed facilities")
    func defaults() {
        let problem = CoverageProblem(weights: [1, 2, 3], coverage: [[0, 1], [2]])
        #expect(problem.costs == [1, 1])
        #expect(problem.fixed.isEmpty)
        #expect(problem.itemCount == 3 && problem.candidateCount == 2)
    }
}
