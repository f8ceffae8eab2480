import PhusongCoverage
import PhusongOptimization
import PhusongSupport

/// Phase 1 of a plan: connect the dead-zone villages at least cost, with new 4G sites at
/// candidate locations or satellite terminals (docs/specs/planning.md). A set-covering problem: items
/// are the dead-zone villages (one unit each: every village counts), candidates are the new
/// sites (cost 3.0, +0.8 off-grid) covering the villages they would bring to −110 dBm, and one
/// satellite terminal per village (cost 0.3) covering just that village. The solver picks a
/// satellite where no site reaches the village or where it is cheaper per village.
struct DeadZonePhase {
    struct Result {
        var actions: [PlanAction]
        var cost: Double
        /// Proven lower bound on the cost of connecting the villages this phase connects.
        var bound: Double
        /// Villages left unconnected (budget).
        var unconnected: Int
        /// What CBC proved (`plan --exact` only).
        var exact: ExactPhaseOutcome?
    }

    static func run(_ context: RolloutContext, candidates extra: [CandidateLocation], budget: Double?,
                    progress: @Sendable (String) -> Void) async throws -> Result {
        // Items and candidates in the canonical order of `context` (villages by id).
        let deadZoneIndices = context.coverage.indices.filter { context.coverage[$0].deadZone }
        guard !deadZoneIndices.isEmpty else { return Result(actions: [], cost: 0, bound: 0, unconnected: 0, exact: nil) }
        let villages = context.villages
        let settings = context.settings
        let locations = CandidateSites.generate(
            deadZones: deadZoneIndices.map { villages[$0] }, gridKm: settings.candidateGridKm,
            radiusKm: settings.candidateRadiusKm, extra: extra)
        progress("dead zones: \(deadZoneIndices.count) villages, \(locations.count) candidate sites")
        let siteCells = locations.map { context.newSiteCells($0, technology: .lte) }
        let covered = try await CandidateCoverage.coveredVillages(
            candidates: siteCells, villages: villages, villageSubset: deadZoneIndices,
            parameters: context.parameters, terrain: context.terrain, threads: context.options.threads)
        // Items: position of each dead-zone village in deadZoneIndices.
        let itemOf = Dictionary(uniqueKeysWithValues: deadZoneIndices.enumerated().map { ($0.element, Int32($0.offset)) })
        var coverage = covered.map { $0.compactMap { itemOf[Int($0)] } }
        var costs = locations.map { settings.newSiteCost + (context.isOffGrid($0) ? settings.offGridExtraCost : 0) }
        for item in deadZoneIndices.indices {
            coverage.append([Int32(item)])
            costs.append(settings.satelliteCost)
        }
        let problem = CoverageProblem(weights: Array(repeating: 1, count: deadZoneIndices.count), coverage: coverage, costs: costs)
        var solution = try await CostEffectiveCover.solve(problem, options: context.options)
        var exact: ExactPhaseOutcome?
        let exactTime = (context.exact?.timeLimit ?? 0) / 2
        if let planning = context.exact, let cheapest = try await planning.cheapestCover(
            problem, heuristic: solution, budget: budget, timeLimit: exactTime, threads: context.options.threads) {
            (solution, exact) = cheapest
        }
        var unconnected = 0
        if let budget, solution.cost > budget {
            solution = try await MaximumCoverage.solve(problem, limit: .budget(budget), options: context.options)
            if let planning = context.exact {
                (solution, exact) = try await planning.mostCovered(
                    problem, heuristic: solution, budget: budget, timeLimit: exactTime, threads: context.options.threads)
            }
            // Safe: the covered weight counts villages (weight 1 each).
            unconnected = deadZoneIndices.count - Int(solution.coveredWeight.rounded())
        }
        progress("dead zones: plan costs \(NumberText.fixed(solution.cost, decimals: 1)), lower bound \(NumberText.fixed(solution.bound, decimals: 1))")

        // Actions, crediting each village to the first chosen action that covers it.
        var credited = Set<Int32>()
        var actions: [PlanAction] = []
        for candidate in solution.chosen {
            let newly = problem.coverage[candidate].filter { credited.insert($0).inserted }
            let population = newly.reduce(0) { $0 + villages[deadZoneIndices[Int($1)]].population }
            if candidate < locations.count {
                let location = locations[candidate]
                actions.append(PlanAction(
                    kind: .newSite, id: location.id, lon: location.lon, lat: location.lat,
                    technology: "4G \(NumberText.shortest(settings.newSiteBand4GMHz)) MHz",
                    powerSource: context.isOffGrid(location) ? .solar : .grid, cost: costs[candidate],
                    newlyCoveredVillages: newly.count, newlyCoveredPopulation: population, cells: siteCells[candidate]))
            } else {
                let village = villages[deadZoneIndices[candidate - locations.count]]
                actions.append(PlanAction(
                    kind: .satellite, id: village.id, lon: village.lon, lat: village.lat, technology: "satellite",
                    powerSource: nil, cost: costs[candidate], newlyCoveredVillages: newly.count,
                    newlyCoveredPopulation: population, cells: []))
            }
        }
        // With a budget the bound of the budgeted problem is on coverage, not cost: the cost
        // bound is then the cost itself only if everything was connected.
        let bound = unconnected == 0 ? (budget != nil && solution.sense == .maximiseCoverage ? 0 : solution.bound) : 0
        return Result(actions: actions, cost: solution.cost, bound: bound, unconnected: unconnected, exact: exact)
    }
}
