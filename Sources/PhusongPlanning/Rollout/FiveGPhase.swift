import Foundation
import PhusongCoverage
import PhusongOptimization
import PhusongSupport

/// Phase 2 of a plan: 5G, at least cost, until 5G stations reach the required share of 4G
/// stations (new sites included) and 5G population coverage reaches its target
/// (docs/specs/planning.md). Candidates: the 5G upgrade of every existing site with 4G and no 5G, and
/// 5G on each new site of phase 1; items: the villages not yet 5G-covered, weighted by
/// population.
///
/// Both targets count 5G additions, so the phase looks for the fewest additions that reach
/// them (`FewestFacilities`): the station ratio needs at least K; among K or more additions,
/// the fewest whose maximum coverage reaches the population target, each set chosen to cover
/// the most people. Lower bound: the count no fewer additions can reach (K, or proven by the
/// Lagrangian bound), times the cheapest 5G addition.
struct FiveGPhase {
    struct Result {
        var actions: [PlanAction]
        var cost: Double
        var bound: Double
        /// Why a target could not be reached, by target name.
        var shortfalls: [String: String]
        /// What CBC proved (`plan --exact` only).
        var exact: ExactPhaseOutcome?
    }

    static func run(
        _ context: RolloutContext, newSites: [PlanAction], budget: Double?, exactTimeLimit: Double = 0,
        progress: @Sendable (String) -> Void
    ) async throws -> Result {
        let settings = context.settings
        let run = context.run
        let villages = context.villages
        let national = run.tables.national
        var shortfalls: [String: String] = [:]

        // Candidates, in the canonical order of ids: upgrades by site id, a site's cells by cell id.
        let fourGCellsBySite = context.fourGCellsBySite
        let upgradable = CanonicalOrder.sites(run.engine.sites.filter { $0.has4G && !$0.has5G })
        var candidateCells = upgradable.map { context.upgradeCells(siteID: $0.id, fourGCells: fourGCellsBySite[$0.id] ?? []) }
        var costs = Array(repeating: settings.upgradeCost, count: upgradable.count)
        let newSiteLocations = newSites.map { CandidateLocation(id: $0.id, lon: $0.lon, lat: $0.lat) }
        candidateCells += newSiteLocations.map { context.newSiteCells($0, technology: .nr) }
        costs += Array(repeating: settings.newSite5GExtraCost, count: newSiteLocations.count)

        // Items: villages without 5G now, by village id.
        let items = context.coverage.indices.filter { !context.coverage[$0].covered5G }
        progress("5G: \(candidateCells.count) candidates (\(upgradable.count) upgrades), \(items.count) villages without 5G")
        let covered = try await CandidateCoverage.coveredVillages(
            candidates: candidateCells, villages: villages, villageSubset: items,
            parameters: context.parameters, terrain: context.terrain, threads: context.options.threads)
        let itemOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element, Int32($0.offset)) })
        let problem = CoverageProblem(
            weights: items.map { Double(villages[$0].population) },
            coverage: covered.map { $0.compactMap { itemOf[Int($0)] } }, costs: costs)

        // What the targets ask for.
        let stations4GAfter = national.stations4G + newSites.count
        let neededStations = settings.reachStationRatio
            ? max(0, Int(saturating: context.targets.ratio5G4GStations * Double(stations4GAfter), rounding: .up) - national.stations5G) : 0
        let neededPopulation = settings.reachPopulationCoverage5G
            ? max(0, context.targets.populationCoverage5G * Double(national.population) - Double(national.populationCovered5G)) : 0
        let cheapest = costs.min() ?? settings.upgradeCost
        let affordable = budget.map { Int(saturating: $0 / cheapest, rounding: .down) } ?? Int.max

        if neededStations > problem.candidateCount {
            shortfalls["station ratio"] = "only \(problem.candidateCount) sites can get 5G; \(neededStations) more 5G stations are needed"
        }
        // The fewest additions, at least the station ratio's count, that reach the population
        // target (`FewestFacilities`), within what the budget affords.
        let maximum = min(problem.candidateCount, affordable)
        progress("5G: choosing at least \(min(neededStations, maximum)) of \(problem.candidateCount) candidates")
        let fewest = try await FewestFacilities.solve(
            problem, target: neededPopulation, minimum: min(neededStations, maximum), maximum: maximum, options: context.options)
        let solution = fewest.solution
        let count = fewest.count
        let countBound = fewest.countBound
        if fewest.reachableWeight + 1e-6 < neededPopulation {
            let share = (Double(national.populationCovered5G) + fewest.reachableWeight) / Double(max(1, national.population))
            shortfalls["5G population coverage"] = "upgrading every 4G site reaches only \(NumberText.percent(share, spaced: true)); new 5G sites would be needed"
        } else if solution.coveredWeight + 1e-6 < neededPopulation, budget != nil {
            shortfalls["5G population coverage"] = "the budget allows only \(affordable) 5G additions"
        }
        if budget != nil, affordable < neededStations {
            shortfalls["station ratio"] = "the budget allows only \(affordable) 5G additions; \(neededStations) are needed"
        }
        var chosen = topUp(solution.chosen, to: count, problem)
        var bound = Double(countBound) * cheapest
        var exact: ExactPhaseOutcome?
        if let planning = context.exact {
            let floor = min(neededStations, maximum)
            let answer = try await planning.fiveG(
                problem, heuristic: chosen, heuristicBound: bound, goal: min(neededPopulation, fewest.reachableWeight),
                facilities: floor...maximum, budget: budget, timeLimit: exactTimeLimit, threads: context.options.threads)
            chosen = topUp(answer.chosen, to: floor, problem)
            bound = answer.bound
            exact = answer.outcome
        }
        progress("5G: \(chosen.count) additions, covering \(Int(saturating: solution.coveredWeight)) more people")

        var credited = Set<Int32>()
        let actions = chosen.map { candidate -> PlanAction in
            let newly = problem.coverage[candidate].filter { credited.insert($0).inserted }
            let population = newly.reduce(0) { $0 + villages[items[Int($1)]].population }
            let cells = candidateCells[candidate]
            let isUpgrade = candidate < upgradable.count
            return PlanAction(
                kind: isUpgrade ? .upgrade5G : .newSite5G, id: cells.first?.siteID ?? "",
                lon: cells.first?.lon ?? 0, lat: cells.first?.lat ?? 0,
                technology: "5G \(NumberText.shortest(isUpgrade ? settings.upgradeBandMHz : settings.newSiteBand5GMHz)) MHz",
                powerSource: cells.first?.powerSource, cost: costs[candidate], newlyCoveredVillages: newly.count,
                newlyCoveredPopulation: population, cells: cells)
        }
        let cost = actions.reduce(0) { $0 + $1.cost }
        return Result(actions: actions, cost: cost, bound: bound, shortfalls: shortfalls, exact: exact)
    }

    /// Maximum coverage opens at most p facilities and stops when nothing new is covered;
    /// the station ratio still needs its count: tops `chosen` up to `count` with the remaining
    /// candidates, largest coverage first (ties: lowest index), which adds 5G stations at
    /// least cost. Ascending.
    private static func topUp(_ chosen: [Int], to count: Int, _ problem: CoverageProblem) -> [Int] {
        guard chosen.count < count else { return chosen }
        let open = Set(chosen)
        let rest = (0..<problem.candidateCount).filter { !open.contains($0) }
            .sorted { (problem.coverage[$0].count, -$0) > (problem.coverage[$1].count, -$1) }
        return (chosen + rest.prefix(count - chosen.count)).sorted()
    }
}
