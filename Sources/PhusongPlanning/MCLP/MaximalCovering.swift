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

    /// Solves the instance heuristically (`MaximumCoverage`) with a proven upper bound.
    /// - Parameters:
    ///   - instance: demand points, candidates, fixed facilities.
    ///   - radius: the service radius S.
    ///   - facilities: the count p, fixed facilities included.
    ///   - options: threads, seed, limits and search method.
    /// - Returns: the facilities, their covered weight and the bound.
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

    /// Solves the instance exactly with CBC (`ExactCoverage`), from the heuristic's solution:
    /// proven optimal when CBC finishes within `exactTimeLimit` seconds, otherwise the better
    /// solution, the lower of the two bounds and CBC's gap.
    /// - Parameters:
    ///   - instance: demand points, candidates, fixed facilities.
    ///   - radius: the service radius S.
    ///   - facilities: the count p, fixed facilities included.
    ///   - options: the heuristic's options (its solution is CBC's start).
    ///   - exactTimeLimit: seconds CBC may run.
    /// - Returns: the result, with `solverGap` set.
    public static func solveExact(
        _ instance: MCLPInstance, radius: Double, facilities: Int, options: SolverOptions, exactTimeLimit: Double
    ) async throws -> MCLPResult {
        let problem = try await problem(instance, radius: radius, threads: options.threads)
        let start = try await MaximumCoverage.solve(problem, facilities: facilities, options: options)
        let exact = try await ExactCoverage.solve(
            problem, facilities: facilities, timeLimit: exactTimeLimit, start: start, threads: options.threads)
        return MCLPResult(
            solution: exact.solution,
            facilityIDs: exact.solution.chosen.map { instance.candidateIDs[$0] },
            totalWeight: problem.weights.reduce(0, +), solverGap: exact.solverGap)
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
    /// CBC's relative gap when it stopped (exact mode only; 0 when it proved optimality).
    public var solverGap: Double?
}
