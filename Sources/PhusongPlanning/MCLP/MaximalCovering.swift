import PhusongOptimization

/// The classic maximal covering location problem (Church & ReVelle 1974): open p facilities
/// among the candidate sites, the fixed ones included, to maximise the demand weight within
/// the service radius S (distance ≤ S) of an open facility. Solved by `MaximumCoverage`.
public enum MaximalCovering {
    /// The instance as a covering problem for radius `radius` (demand items in file order,
    /// candidates in file order, unit costs).
    public static func problem(_ instance: MCLPInstance, radius: Double, threads: Int) async throws -> CoverageProblem {
        let coverage = try await CoverageSets.build(instance, radius: radius, threads: threads)
        return CoverageProblem(weights: instance.weights, coverage: coverage, fixed: instance.fixed)
    }

    public static func solve(
        _ instance: MCLPInstance, radius: Double, facilities: Int, options: SolverOptions = SolverOptions()
    ) async throws -> MCLPResult {
        let problem = try await problem(instance, radius: radius, threads: options.threads)
        let solution = try await MaximumCoverage.solve(problem, facilities: facilities, options: options)
        return MCLPResult(
            solution: solution,
            facilityIDs: solution.chosen.map { instance.candidateIDs[$0] },
            totalWeight: problem.weights.reduce(0, +))
    }
}

/// A maximal covering answer in the instance's terms.
public struct MCLPResult: Sendable, Hashable {
    /// Covered weight, upper bound, gap, chosen candidate indices.
    public var solution: CoverageSolution
    /// Ids of the open facilities, in candidate file order.
    public var facilityIDs: [String]
    /// Weight of all demand points.
    public var totalWeight: Double
}
