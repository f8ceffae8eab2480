import PhusongCoverage
import PhusongReports

/// Applies a plan's actions to the inputs: the one place where a plan becomes figures. The
/// planner checks its plan with it (`RolloutPlanner`) and `report --plan` writes the figures
/// after a plan read back from plan.csv (`PlanFileReader`) with it: the planned cells are
/// added to the network and the coverage computed again exactly as `report` does on
/// cells.csv + planned_cells.csv; then the villages of the satellite terminals are marked
/// connected (`VillageCoverage.satelliteTerminal`), a category of their own.
public enum PlanApplication {
    /// The run with `cells` added to the network (no satellite terminal).
    /// - Parameters:
    ///   - run: the run before the plan.
    ///   - cells: the cells the plan adds.
    ///   - includeArea: also compute area coverage (as `report` does without `--no-area`).
    ///   - threads: worker tasks.
    static func withCells(_ run: CoverageRun, adding cells: [Cell], includeArea: Bool, threads: Int) async throws -> CoverageRun {
        let inputs = try await run.inputs.adding(cells: cells, threads: threads)
        return try await CoverageRun.compute(
            inputs: inputs, configuration: run.configuration, threads: threads, includeArea: includeArea, terrain: run.engine.terrain)
    }

    /// The indices, in `villages`, of the villages `actions` put a satellite terminal in.
    static func satelliteVillages(_ actions: [PlanAction], villages: [Village]) -> [Int] {
        let ids = Set(actions.filter { $0.kind == .satellite }.map(\.id))
        return villages.indices.filter { ids.contains(villages[$0].id) }
    }

    /// The figures after `actions` and what each of them gains.
    /// - Parameters:
    ///   - actions: the plan's actions (with the cells they add).
    ///   - planFile: the plan file they were read from, recorded in the effect.
    ///   - run: the run before the plan.
    ///   - includeArea: also compute area coverage after the plan.
    ///   - threads: worker tasks.
    /// - Returns: the run after the plan (satellite villages marked and counted) and the effect.
    public static func apply(
        _ actions: [PlanAction], planFile: String, to run: CoverageRun, includeArea: Bool, threads: Int
    ) async throws -> (after: CoverageRun, effect: PlanEffect) {
        var after = try await withCells(run, adding: actions.flatMap(\.cells), includeArea: includeArea, threads: threads)
        let villages = after.inputs.scenario.villages
        let satellites = satelliteVillages(actions, villages: villages)
        if !satellites.isEmpty {
            for index in satellites { after.coverage[index].satelliteTerminal = true }
            after.tables = try await IndicatorTables(
                villages: villages, coverage: after.coverage, engine: after.engine, boundaries: after.inputs.boundaries, threads: threads)
        }
        let effect = PlanEffect(planFile: planFile, before: run.tables.national, actions: gains(actions, before: run, after: after))
        return (after, effect)
    }

    /// What each action gains: a village connected by the plan goes to the action whose cell
    /// is its best server above the threshold (4G first), else to its satellite terminal; a
    /// village gaining 5G goes to the action of its best 5G server.
    private static func gains(_ actions: [PlanAction], before: CoverageRun, after: CoverageRun) -> [PlanEffect.ActionGain] {
        var gains = actions.map {
            PlanEffect.ActionGain(kind: $0.kind.rawValue, id: $0.id, operatorName: $0.operatorName ?? "", cost: $0.cost, lon: $0.lon, lat: $0.lat)
        }
        var actionOfCell: [String: Int] = [:]
        var actionOfSatellite: [String: Int] = [:]
        for (index, action) in actions.enumerated() {
            for cell in action.cells { actionOfCell[cell.id] = index }
            if action.kind == .satellite { actionOfSatellite[action.id] = index }
        }
        let cells = after.inputs.scenario.cells
        func action(of server: VillageCoverage.BestServer?) -> Int? { server.flatMap { actionOfCell[cells[$0.cellIndex].id] } }
        for (index, village) in after.inputs.scenario.villages.enumerated() {
            let old = before.coverage[index], new = after.coverage[index]
            if old.deadZone, new.connected,
               let credited = new.covered4G ? action(of: new.best4G) : new.covered5G ? action(of: new.best5G) : actionOfSatellite[village.id] {
                gains[credited].villagesConnected += 1
                gains[credited].populationConnected += village.population
            }
            if !old.covered5G, new.covered5G, let credited = action(of: new.best5G) {
                gains[credited].villages5G += 1
                gains[credited].population5G += village.population
            }
        }
        return gains
    }
}
