import PhusongCoverage
import PhusongOptimization
import PhusongSupport

/// Plans where to upgrade or build stations to reach the committee's targets at least cost
/// (docs/specs/planning.md, "Rollout plan"): first the dead zones (new sites or satellite terminals),
/// then 5G (upgrades, or 5G on the new sites) for the 5G/4G station ratio and 5G population
/// coverage. With a budget, progress goes in that order: dead zones, 5G population coverage,
/// station ratio. The same inputs and seed give the same plan whatever the thread count.
/// With `exact` (`ExactPlanning`), each phase's choice is then solved exactly by CBC.
public enum RolloutPlanner {
    public static func plan(
        _ run: CoverageRun, candidates: [CandidateLocation] = [], budget: Double? = nil,
        options: SolverOptions, exact: ExactPlanning? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> RolloutPlan {
        if exact != nil { try ExactPlanning.check(villages: run.inputs.scenario.villages.count) }
        let context = RolloutContext(run: run, options: options, exact: exact)
        let exactStart = ContinuousClock.now
        var exactOutcomes: [ExactPhaseOutcome] = []
        let settings = context.settings
        var actions: [PlanAction] = []
        var bound = 0.0
        var shortfalls: [String: String] = [:]

        var deadZoneUnconnected = 0
        if settings.connectEveryVillage {
            let phase = try await DeadZonePhase.run(context, candidates: candidates, budget: budget, progress: progress)
            actions += phase.actions
            bound += phase.bound
            deadZoneUnconnected = phase.unconnected
            exactOutcomes += phase.exact.map { [$0] } ?? []
            if phase.unconnected > 0 {
                shortfalls["villages connected"] = "the budget connects all but \(phase.unconnected) dead-zone villages"
            }
        }
        let spent = actions.reduce(0) { $0 + $1.cost }
        if settings.reachPopulationCoverage5G || settings.reachStationRatio {
            let remaining = budget.map { max(0, $0 - spent) }
            // 5G gets what the dead zones left of the exact time limit, at least half of it.
            let fiveGTime = exact.map { max($0.timeLimit / 2, $0.timeLimit - (ContinuousClock.now - exactStart).inSeconds) } ?? 0
            let phase = try await FiveGPhase.run(context, newSites: actions.filter { $0.kind == .newSite },
                                                 budget: remaining, exactTimeLimit: fiveGTime, progress: progress)
            exactOutcomes += phase.exact.map { [$0] } ?? []
            actions += phase.actions
            bound += phase.bound
            shortfalls.merge(phase.shortfalls) { first, _ in first }
        }

        PlanProvinces.assign(&actions, context: context)
        progress("checking the plan with the coverage engine")
        let plannedCells = actions.flatMap(\.cells)
        let checked = try await PlanApplication.withCells(run, adding: plannedCells, includeArea: false, threads: options.threads)
        let after = (national: checked.tables.national, coverage: checked.coverage)
        let satelliteOnly = PlanApplication.satelliteVillages(actions, villages: run.inputs.scenario.villages).count { !after.coverage[$0].connected }
        let totalCost = actions.reduce(0) { $0 + $1.cost }
        let before = run.tables.national
        let targets = RolloutTargets.outcomes(
            before: before, after: after.national, connectedWithSatellite: after.national.villagesConnected + satelliteOnly,
            targets: context.targets, settings: settings, shortfalls: shortfalls, deadZoneUnconnected: deadZoneUnconnected)
        return RolloutPlan(
            actions: actions, plannedCells: plannedCells, totalCost: totalCost, lowerBound: min(bound, totalCost),
            before: before, after: after.national,
            villagesConnectedWithSatellite: after.national.villagesConnected + satelliteOnly,
            targets: targets, budget: budget, exact: exactOutcomes,
            provinceNames: Dictionary(run.tables.provinces.compactMap { row in row.name.map { (row.code, $0) } }) { first, _ in first })
    }
}
