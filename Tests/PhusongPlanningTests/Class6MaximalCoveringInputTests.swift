import Testing
@testable import PhusongPlanning
@testable import PhusongOptimization

/// Issue 13, class 6, for maximal covering given as a library instance (the CLI's ranges are
/// tested in PhusongCLITests): no NaN or infinite objective, and no search that runs for
/// ever because the coordinates are far apart or the radius tiny.
@Suite("Class 6: no silent wrong answers (maximal covering instances)")
struct Class6MaximalCoveringInputTests {
    @Test("finite weights whose total overflows are refused by the solver instead of giving inf/NaN objectives")
    func overflowingTotal() async throws {
        let problem = CoverageProblem(weights: [1e308, 1e308], coverage: [[0], [1]])
        #expect(throws: CoverageProblemError("the weights add up to more than \(Double.greatestFiniteMagnitude): their total must be finite")) {
            try problem.validate()
        }
        await #expect(throws: CoverageProblemError.self) { try await MaximumCoverage.solve(problem, facilities: 1) }
    }

    @Test("coverage sets of points 1e300 apart, with a radius of 1e-300, are found at once and exactly")
    func farApartPoints() async throws {
        let far = [MCLPInstance.Point(x: 1e300, y: 1e300), MCLPInstance.Point(x: -1e300, y: -1e300), MCLPInstance.Point(x: 0, y: 0)]
        let candidates = [MCLPInstance.Point(x: 1e300, y: 1e300), MCLPInstance.Point(x: -1e300, y: 0), MCLPInstance.Point(x: 0, y: 0)]
        let instance = MCLPInstance(demandIDs: ["a", "b", "c"], weights: [1, 2, 3], candidateIDs: ["A", "B", "C"],
                                    distances: .coordinates(demand: far, candidates: candidates, metric: .euclidean))
        let clock = ContinuousClock()
        let start = clock.now
        for radius in [1e-300, 1.0, 1e6] {
            let sets = try await CoverageSets.build(instance, radius: radius, threads: 2)
            #expect(sets == [[0], [], [2]], "radius \(radius)")
        }
        #expect(clock.now - start < .seconds(10))
    }
}
