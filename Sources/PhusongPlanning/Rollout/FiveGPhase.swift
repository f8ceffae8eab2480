import Foundation
import PhusongCoverage

/// Phase 2 of a plan: 5G, at least cost, until 5G stations reach the required share of 4G
/// stations (new sites included) and 5G population coverage reaches its target
/// (planning.md). Candidates: the 5G upgrade of every existing site with 4G and no 5G, and
/// 5G on each new site of phase 1; items: the villages not yet 5G-covered, weighted by
/// population.
///
/// Both targets count 5G additions, so the phase looks for the fewest additions that reach
/// them: the station ratio needs at least K; maximum coverage with p = K additions
/// (`MaximumCoverage`) either reaches the population target, or p grows (binary search)
/// until it does. Lower bound: the larger of K and the smallest p whose proven coverage upper
/// bound reaches the population target, times the cheapest 5G addition.
struct FiveGPhase {
    struct Result {
        var actions: [PlanAction]
        var cost: Double
        var bound: Double
        /// Why a target could not be reached, by target name.
        var shortfalls: [String: String]
    }

    static func run(
        _ context: RolloutContext, newSites: [PlanAction], budget: Double?, progress: @Sendable (String) -> Void
    ) async throws -> Result {
        let settings = context.settings
        let run = context.run
        let villages = context.villages
        let national = run.tables.national
        var shortfalls: [String: String] = [:]

        // Candidates.
        var fourGCellsBySite: [String: [Cell]] = [:]
        for cell in run.inputs.scenario.cells where cell.technology == .lte { fourGCellsBySite[cell.siteID, default: []].append(cell) }
        let upgradable = run.engine.sites.filter { $0.has4G && !$0.has5G }
        var candidateCells = upgradable.map { context.upgradeCells(siteID: $0.id, fourGCells: fourGCellsBySite[$0.id] ?? []) }
        var costs = Array(repeating: settings.upgradeCost, count: upgradable.count)
        let newSiteLocations = newSites.map { CandidateLocation(id: $0.id, lon: $0.lon, lat: $0.lat) }
        candidateCells += newSiteLocations.map { context.newSiteCells($0, technology: .nr) }
        costs += Array(repeating: settings.newSite5GExtraCost, count: newSiteLocations.count)

        // Items: villages without 5G now.
        let items = run.coverage.indices.filter { !run.coverage[$0].covered5G }
        progress("5G: \(candidateCells.count) candidates (\(upgradable.count) upgrades), \(items.count) villages without 5G")
        let covered = try await CandidateCoverage.coveredVillages(
            candidates: candidateCells, villages: villages, villageSubset: items,
            parameters: context.parameters, threads: context.options.threads)
        let itemOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element, Int32($0.offset)) })
        let problem = CoverageProblem(
            weights: items.map { Double(villages[$0].population) },
            coverage: covered.map { $0.compactMap { itemOf[Int($0)] } }, costs: costs)

        // What the targets ask for.
        let stations4GAfter = national.stations4G + newSites.count
        let neededStations = settings.reachStationRatio
            ? max(0, Int((context.targets.ratio5G4GStations * Double(stations4GAfter)).rounded(.up)) - national.stations5G) : 0
        let neededPopulation = settings.reachPopulationCoverage5G
            ? max(0, context.targets.populationCoverage5G * Double(national.population) - Double(national.populationCovered5G)) : 0
        let cheapest = costs.min() ?? settings.upgradeCost
        let affordable = budget.map { Int(($0 / cheapest).rounded(.down)) } ?? Int.max

        if neededStations > problem.candidateCount {
            shortfalls["station ratio"] = "only \(problem.candidateCount) sites can get 5G; \(neededStations) more 5G stations are needed"
        }
        var count = min(neededStations, problem.candidateCount, affordable)
        var countBound = count
        var solution = try await solve(problem, count: count, options: context.options)
        if count > 0, solution.bound + 1e-6 < neededPopulation { countBound = count + 1 }
        if solution.coveredWeight + 1e-6 < neededPopulation {
            let reachable = problem.coveredWeight(by: 0..<problem.candidateCount)
            if reachable + 1e-6 < neededPopulation {
                let share = (Double(national.populationCovered5G) + reachable) / Double(max(1, national.population))
                shortfalls["5G population coverage"] = "upgrading every 4G site reaches only \(csvNumber(100 * share, decimals: 2)) %; new 5G sites would be needed"
            }
            // Smallest count whose solution reaches the target (or everything that helps).
            let target = min(neededPopulation, reachable)
            var low = count  // does not reach
            var high = min(problem.candidateCount, affordable)
            var best = try await solve(problem, count: high, options: context.options.quick)
            if best.coveredWeight + 1e-6 >= target {
                while high - low > 1 {
                    let middle = (low + high) / 2
                    progress("5G: trying \(middle) additions")
                    let probe = try await solve(problem, count: middle, options: context.options.quick)
                    if probe.bound + 1e-6 < target { countBound = max(countBound, middle + 1) }
                    if probe.coveredWeight + 1e-6 >= target {
                        high = middle
                        best = probe
                    } else {
                        low = middle
                    }
                }
            }
            count = high
            solution = try await solve(problem, count: count, options: context.options)
            if solution.coveredWeight + 1e-6 < best.coveredWeight { solution = best }
            if budget != nil, count == affordable, solution.coveredWeight + 1e-6 < neededPopulation {
                shortfalls["5G population coverage"] = shortfalls["5G population coverage"] ?? "the budget allows only \(affordable) 5G additions"
            }
        }
        if budget != nil, affordable < neededStations {
            shortfalls["station ratio"] = "the budget allows only \(affordable) 5G additions; \(neededStations) are needed"
        }
        // Maximum coverage opens at most p facilities and stops when nothing new is covered;
        // the station ratio still needs its count: top up with the remaining candidates,
        // largest coverage first (ties: lowest index), which adds 5G stations at least cost.
        var chosen = solution.chosen
        if chosen.count < count {
            let open = Set(chosen)
            let rest = (0..<problem.candidateCount).filter { !open.contains($0) }
                .sorted { (problem.coverage[$0].count, -$0) > (problem.coverage[$1].count, -$1) }
            chosen = (chosen + rest.prefix(count - chosen.count)).sorted()
        }
        progress("5G: \(chosen.count) additions, covering \(Int(solution.coveredWeight)) more people")

        var credited = Set<Int32>()
        let actions = chosen.map { candidate -> PlanAction in
            let newly = problem.coverage[candidate].filter { credited.insert($0).inserted }
            let population = newly.reduce(0) { $0 + villages[items[Int($1)]].population }
            let cells = candidateCells[candidate]
            let isUpgrade = candidate < upgradable.count
            return PlanAction(
                kind: isUpgrade ? .upgrade5G : .newSite5G, id: cells.first?.siteID ?? "",
                lon: cells.first?.lon ?? 0, lat: cells.first?.lat ?? 0,
                technology: "5G \(csvNumber(isUpgrade ? settings.upgradeBandMHz : settings.newSiteBand5GMHz)) MHz",
                powerSource: cells.first?.powerSource, cost: costs[candidate], newlyCoveredVillages: newly.count,
                newlyCoveredPopulation: population, cells: cells)
        }
        let cost = actions.reduce(0) { $0 + $1.cost }
        return Result(actions: actions, cost: cost, bound: Double(countBound) * cheapest, shortfalls: shortfalls)
    }

    private static func solve(_ problem: CoverageProblem, count: Int, options: SolverOptions) async throws -> CoverageSolution {
        guard count > 0 else {
            return CoverageSolution(sense: .maximiseCoverage, chosen: [], coveredWeight: 0, cost: 0, bound: 0)
        }
        return try await MaximumCoverage.solve(problem, limit: .count(count), options: options)
    }
}

extension SolverOptions {
    /// Cheaper settings for probes: greedy and a short bound, no local search.
    var quick: SolverOptions {
        SolverOptions(threads: threads, seed: seed, localSearchRounds: 0, subgradientIterations: 200, timeLimit: nil)
    }
}
