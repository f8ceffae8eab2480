/// The fewest facilities that cover at least a target weight (partial set covering with
/// unit costs; Slavík 1997 for the greedy's guarantee), with at least `minimum` of them —
/// the planner's question "how many 5G additions reach 90 % of the population, given that
/// the station ratio already asks for K?".
///
/// Always with `MaximumCoverage`'s batched-swaps search (`SolverOptions.SearchMethod`), whose
/// presolve and first local optimum the probes share.
///
/// Steps: one accelerated greedy run up to `maximum` facilities gives, by its prefixes, the
/// greedy's coverage for every count at once (greedy solutions are nested), so the smallest
/// greedy count p reaching the target is read off one run instead of a search over p. Then
/// `MaximumCoverage` at p (local search can only cover more). Then a binary search below p
/// (at most `probeLimit` probes): a count whose first swap local optimum reaches the target
/// lowers p at once; otherwise maximum coverage with a tenth of the work, whose solution may
/// reach the target (lowering p) or whose Lagrangian upper bound may miss it, which proves
/// that count and every smaller one too few.
public enum FewestFacilities {
    public struct Result: Sendable, Hashable {
        /// The chosen facilities (maximum coverage at `count`).
        public var solution: CoverageSolution
        /// The facilities opened, fixed ones included: max(minimum, fewest found).
        public var count: Int
        /// No fewer facilities can reach the target (≤ `count`); equal to `count` when proven.
        public var countBound: Int
        /// The most weight any number of facilities covers.
        public var reachableWeight: Double
    }

    /// Probes of the binary search below the greedy's count, at most.
    static let probeLimit = 12

    public static func solve(
        _ problem: CoverageProblem, target: Double, minimum: Int, maximum: Int, options: SolverOptions = SolverOptions()
    ) async throws -> Result {
        try problem.validate()
        if options.method == .incrementalTables {
            // The probes below share the presolve and the first local optimum of the batched
            // search; the table search has its own start.
            var batched = options
            batched.method = .batchedSwaps
            return try await solve(problem, target: target, minimum: minimum, maximum: maximum, options: batched)
        }
        let reduced = try await Presolve.reduce(problem, threads: options.threads)
        let fixed = reduced.fixed.count
        let maximum = max(maximum, fixed)
        let minimum = min(max(minimum, fixed), maximum)
        let tolerance = 1e-9 * max(1, problem.weights.reduce(0, +))

        // The greedy curve: covered weight after each greedy step.
        var greedy = CoverageState(reduced)
        let steps = try await LazyGreedy.extend(&greedy, reduced, rule: .count(maximum - fixed), threads: options.threads)
        var covered = reduced.fixedWeight
        var greedyCount = covered + tolerance >= target ? fixed : fixed + steps.count
        for (index, step) in steps.enumerated() where greedyCount > fixed + index {
            covered += step.gain
            if covered + tolerance >= target { greedyCount = fixed + index + 1 }
        }
        let reachable = problem.coveredWeight(by: 0..<problem.candidateCount)
        let goal = min(target, reachable)

        var count = max(minimum, greedyCount)
        var solution = try await MaximumCoverage.solve(problem, reduced, limit: .count(count), options: options)
        var countBound = max(minimum, trivialCountBound(reduced, target: goal, tolerance: tolerance))
        // Binary search below the count found, with probes at a tenth of the work: a probe
        // whose Lagrangian bound misses the goal proves that count (and every smaller one) too
        // few; one whose solution reaches it lowers the count.
        var low = countBound - 1
        var probes = 0
        var lowered = false
        var probeOptions = options
        probeOptions.workLimit = options.workLimit / 10
        while count - low > 1, probes < probeLimit {
            let middle = low + (count - low) / 2
            probes += 1
            // The first local optimum of maximum coverage first: when it reaches the goal, the
            // bound and the rest of the search are not needed to lower the count.
            let start = try await MaximumCoverage.start(reduced, limit: .count(middle), threads: options.threads)
            let quick = Self.solution(of: start.state, problem, reduced, bound: reachable)
            if quick.coveredWeight + tolerance >= goal {
                count = middle
                solution = quick
                lowered = true
                continue
            }
            let probe = try await MaximumCoverage.solve(problem, reduced, limit: .count(middle), options: probeOptions, start: start)
            if probe.bound + tolerance < goal {
                countBound = max(countBound, middle + 1)
                low = middle
            } else if probe.coveredWeight + tolerance >= goal {
                count = middle
                solution = probe
                lowered = true
            } else {
                low = middle
            }
        }
        if lowered {
            // The lowered count with the full work, kept when it covers more.
            let full = try await MaximumCoverage.solve(problem, reduced, limit: .count(count), options: options)
            if full.coveredWeight >= solution.coveredWeight { solution = full }
        }
        return Result(solution: solution, count: count, countBound: min(countBound, count), reachableWeight: reachable)
    }

    /// `state` (of the reduced problem) as a solution of `problem`; `bound` is any valid upper
    /// bound on the covered weight.
    private static func solution(of state: CoverageState, _ problem: CoverageProblem, _ reduced: ReducedProblem, bound: Double) -> CoverageSolution {
        let chosen = reduced.originalIndices(of: state.open)
        let covered = problem.coveredWeight(by: chosen)
        return CoverageSolution(
            sense: .maximiseCoverage, chosen: chosen, coveredWeight: covered, cost: problem.cost(of: chosen), bound: max(bound, covered))
    }

    /// The smallest q whose q largest single-facility covers (plus the fixed weight) reach
    /// the target: no q − 1 facilities can cover more than their sum.
    private static func trivialCountBound(_ reduced: ReducedProblem, target: Double, tolerance: Double) -> Int {
        let singles = reduced.coverage.map { items in items.reduce(0) { $0 + reduced.weights[Int($1)] } }.sorted(by: >)
        var total = reduced.fixedWeight
        var count = reduced.fixed.count
        for single in singles {
            if total + tolerance >= target { break }
            total += single
            count += 1
        }
        return count
    }
}
