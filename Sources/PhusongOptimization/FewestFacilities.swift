import PhusongSupport

/// The fewest facilities that cover at least a target weight (partial set covering with
/// unit costs; Slavík 1997 for the greedy's guarantee), with at least `minimum` of them —
/// the planner's question "how many 5G additions reach 90 % of the population, given that
/// the station ratio already asks for K?".
///
/// One incremental search on `InterchangeTables` (the rollout planner's problems open tens of
/// thousands of facilities among hundreds of thousands of candidates, where every whole pass
/// over the coverage matrix counts):
/// 1. One accelerated greedy run up to `maximum` facilities gives, by its prefixes, the
///    greedy's coverage for every count at once (greedy solutions are nested), so the smallest
///    greedy count p reaching the target is read off one run.
/// 2. From the greedy's first p facilities, a swap descent (`InterchangeSearch.descend`).
/// 3. Down the count: close the facility losing least and descend again; when that misses the
///    target, an iterated local search at that count (`probePasses`) may still reach it; the
///    count stops at the last one reached. Each step starts from the previous local optimum,
///    so it costs about the moves it makes, not a new solve.
/// 4. At the count found, `chains` iterated local searches, side by side, share what is left
///    of the search's work (`searchPasses`) to cover more people.
/// 5. The proof: the Lagrangian upper bound (`CoverageLagrangian`) of maximum coverage at
///    count − 1, then by bisection below, with `boundShare` of the work limit each (at most
///    `boundProbes`): a count whose bound misses the target is too few, and so is every
///    smaller one. Not needed when the count is `minimum` (the caller's floor) or the trivial
///    bound. Every probe is made even when a bound stays at the whole reachable weight: a
///    smaller count's bound may still miss the target (stopping there left the default data's
///    plan with a 5.26 % gap instead of 0.26 %, and 100,000 synthetic villages with 8.89 %
///    instead of 2.02 %, docs/benchmarks.md).
///
/// Work limits scale with the problem (`ReducedProblem.passWork`, one pass over the coverage
/// matrix), capped by `SolverOptions.workLimit`: the same inputs give the same result on every
/// machine. The descents run on one task and step 4 always has `chains` searches, so the result
/// does not depend on the thread count; the greedy, presolve, step 4 and the bound's passes
/// use the threads.
public enum FewestFacilities {
    public struct Result: Sendable, Hashable {
        /// The chosen facilities (most coverage found at `count`).
        public var solution: CoverageSolution
        /// The facilities opened, fixed ones included: max(minimum, fewest found).
        public var count: Int
        /// No fewer facilities can reach the target (≤ `count`); equal to `count` when proven.
        public var countBound: Int
        /// The most weight any number of facilities covers.
        public var reachableWeight: Double
    }

    /// The search's work in passes of the coverage matrix (iterated local search at the count
    /// found, and the tries down the count), at least `minimumSearchWork`.
    static let searchPasses = 200
    static let minimumSearchWork = 1_000_000
    /// Iterated local searches at the count found, side by side (step 4).
    static let chains = 2
    /// The work of the iterated local search that tries to reach the target at a count where
    /// the descent missed it, in passes of the coverage matrix.
    static let probePasses = 10
    /// Lagrangian probes of the proof, at most, and the share of `SolverOptions.workLimit`
    /// each may use.
    static let boundProbes = 8
    static let boundShare = 0.05

    public static func solve(
        _ problem: CoverageProblem, target: Double, minimum: Int, maximum: Int, options: SolverOptions = SolverOptions()
    ) async throws -> Result {
        try problem.validate()
        let reduced = try await Presolve.reduce(problem, threads: options.threads)
        let fixed = reduced.fixed.count
        let maximum = max(maximum, fixed)
        let minimum = min(max(minimum, fixed), maximum)
        let tolerance = 1e-9 * max(1, problem.weights.reduce(0, +))

        // The greedy curve: covered weight after each greedy step.
        var greedy = CoverageState(reduced)
        let steps = try await LazyGreedy.extend(&greedy, reduced, rule: .count(maximum - fixed), threads: options.threads)
        var prefixCovered = [reduced.fixedWeight]
        for step in steps { prefixCovered.append(prefixCovered[prefixCovered.count - 1] + step.gain) }
        let reachable = problem.coveredWeight(by: 0..<problem.candidateCount)
        let goal = min(target, reachable)
        let greedyCount = fixed + (prefixCovered.firstIndex { $0 + tolerance >= goal } ?? steps.count)
        let floor = max(minimum, trivialCountBound(reduced, target: goal, tolerance: tolerance))
        let reaches = { (covered: Double) in reduced.fixedWeight + covered + tolerance >= goal }

        // Steps 2 and 3: the greedy's facilities, descended, then down the count.
        var count = max(minimum, greedyCount)
        let searchBudget = SearchBudget(
            timeLimit: options.timeLimit,
            workLimit: min(options.workLimit, max(minimumSearchWork, searchPasses * reduced.passWork)))
        var tables = InterchangeTables(reduced)
        for step in steps.prefix(count - fixed) { tables.add(step.candidate) }
        searchBudget.charge(tables.work)
        InterchangeSearch.descend(&tables, limit: count - fixed, budget: searchBudget)
        var missed: Double?
        if reaches(tables.covered) {
            var reached = tables.open
            while count > floor, !searchBudget.isExhausted, let least = tables.leastLoss {
                tables.remove(least)
                InterchangeSearch.descend(&tables, limit: count - 1 - fixed, budget: searchBudget, changed: [least])
                if !reaches(tables.covered) {
                    let probe = SearchBudget(timeLimit: nil, workLimit: min(searchBudget.remaining, probePasses * reduced.passWork))
                    InterchangeSearch.iterate(
                        &tables, limit: count - 1 - fixed, seed: seed(options, count - 1), budget: probe, stop: reaches)
                    searchBudget.charge(probe.spent)
                }
                guard reaches(tables.covered) else {
                    missed = reduced.fixedWeight + tables.covered
                    break
                }
                count -= 1
                reached = tables.open
            }
            if tables.open.count != reached.count {
                tables = InterchangeTables(reduced)
                for candidate in reached.sorted() { tables.add(candidate) }
            }
        }
        // Step 4: `chains` searches from the same start, each with its own seed and an equal
        // share of the work left, side by side; the best kept (the first on a tie). A fixed
        // number of chains, so the result does not depend on the thread count.
        let start = tables
        let share = searchBudget.remaining / chains
        let limit = count - fixed
        let firstSeed = seed(options, count)
        let found = try await TaskPool.run(count: chains, threads: options.threads) { chain in
            var tables = start
            let budget = SearchBudget(timeLimit: options.timeLimit, workLimit: share)
            InterchangeSearch.iterate(&tables, limit: limit, seed: firstSeed &+ UInt64(chain), budget: budget)
            return tables
        }
        tables = found[0]
        for other in found.dropFirst() where other.covered > tables.covered { tables = other }
        let chosen = reduced.originalIndices(of: tables.open.sorted())
        let covered = problem.coveredWeight(by: chosen)
        let solution = CoverageSolution(
            sense: .maximiseCoverage, chosen: chosen, coveredWeight: covered, cost: problem.cost(of: chosen), bound: max(reachable, covered))

        // Step 5: counts below `proven` are too few.
        var proven = min(floor, count)
        var high = count - 1
        var probes = 0
        while proven <= high, probes < boundProbes, covered + tolerance >= goal {
            // First count − 1 (a proof there closes the gap), then bisection.
            let middle = probes == 0 ? high : proven + (high - proven) / 2
            probes += 1
            let incumbent = middle == count - 1 ? missed : nil
            let bound = try await lagrangianBound(
                middle, reduced, goal: goal, tolerance: tolerance, incumbent: incumbent ?? prefixCovered[min(middle - fixed, steps.count)],
                options: options)
            if bound + tolerance < goal {
                proven = middle + 1
            } else {
                high = middle - 1
            }
        }
        return Result(solution: solution, count: count, countBound: min(proven, count), reachableWeight: reachable)
    }

    /// The Lagrangian upper bound of maximum coverage with `count` facilities (fixed ones
    /// included), improved until it falls below `goal` (then no `count` facilities reach it)
    /// or `boundShare` of the work limit is spent. `incumbent`: the weight some `count`
    /// facilities cover (the step target of the subgradient method).
    private static func lagrangianBound(
        _ count: Int, _ reduced: ReducedProblem, goal: Double, tolerance: Double, incumbent: Double, options: SolverOptions
    ) async throws -> Double {
        guard count >= reduced.fixed.count else { return -.infinity }
        let budget = SearchBudget(timeLimit: options.timeLimit, workLimit: Int(Double(options.workLimit) * boundShare))
        var lagrangian = CoverageLagrangian(reduced, limit: .count(count - reduced.fixed.count))
        // In rounds, to stop as soon as the bound misses the goal.
        var done = 0
        while lagrangian.bound + tolerance >= goal, done < options.subgradientIterations, !budget.isExhausted {
            let before = budget.spent
            try await lagrangian.improve(incumbent: incumbent, iterations: 10, threads: options.threads, budget: budget)
            if budget.spent == before { break }
            done += 10
        }
        return lagrangian.bound
    }

    /// The seed of the iterated local search at `count` facilities.
    private static func seed(_ options: SolverOptions, _ count: Int) -> UInt64 {
        SplitMix64.mix(options.seed &+ UInt64(count))
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
