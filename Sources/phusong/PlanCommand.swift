import ArgumentParser
import Foundation
import PhusongCoverage
import PhusongPlanning
import PhusongOptimization
import PhusongSupport

/// `phusong plan`: where to upgrade or build stations to reach the targets at least cost.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan 5G upgrades, new sites and satellite terminals that reach the committee's targets at least cost.",
        discussion: """
        Writes into --out: plan.csv, plan.geojson, plan.kml, plan.xlsx (one row per action; plan.csv and plan.xlsx \
        also with the operator, province, reason and phase of each), plan_provinces.csv (cost per province, also a \
        sheet of plan.xlsx), planned_cells.csv \
        (the cells the plan adds; run `report --cells cells.csv --cells planned_cells.csv` to check \
        it) and plan_summary.json (indicators before and after, total cost, lower bound, gap, \
        targets not met and why). Costs and targets come from the configuration ([planning], \
        [targets]); costs are in billion VND.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption
    @OptionGroup var terrain: TerrainOption
    @OptionGroup var exact: ExactPlanOption
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: ArgumentHelp("More candidate sites: CSV with id, lon, lat.", valueName: "file"))
    var candidates: String?

    @Option(name: .long, help: ArgumentHelp("Budget cap, billion VND.", valueName: "amount"))
    var budget: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Phases of the plan: N equal budget tranches, or LABEL:AMOUNT,… cumulative budgets in billion VND (2026:150,2027:400; "
            + "the last caps the plan like --budget). Each action's phase goes into plan.csv and plan.xlsx.", valueName: "phases"))
    var phases: PlanPhases?

    @Option(name: .long, help: ArgumentHelp(
        "Folder for the outputs (created if needed), replaced whole by the new plan; it must hold nothing else.", valueName: "dir"))
    var out = "plan"

    @Option(name: .long, help: "Seed of the local search (the same seed gives the same plan).")
    var seed: UInt64 = 1

    mutating func validate() throws {
        if let budget, !(budget >= 0 && budget.isFinite) { throw ValidationError("--budget must be a non-negative amount") }
    }

    func run() async throws {
        let progress = progressOptions.start(Self.configuration.commandName ?? "plan")
        let folder = try OutputGuard.openFolder(out, fileNames: PlanFiles.fileNames, setName: "plan",
                                                reading: inputs.files + config.files + (candidates.map { [$0] } ?? []) + terrain.files(),
                                                alsoWriting: inputs.outputFiles)
        defer { folder.release() }
        let clock = ContinuousClock()
        let start = clock.now
        let configuration = try config.load()
        let loaded = try await inputs.load(threads: threads.count, progress: progress)
        if exact.exact { try ExactPlanning.check(villages: loaded.scenario.villages.count) }
        var extra: [CandidateLocation] = []
        if let candidates { extra = try CandidateSites.read(path: candidates, existingSiteIDs: Set(loaded.sites.map(\.id))) }
        let run = try await CoverageRun.compute(
            inputs: loaded, configuration: configuration, threads: threads.count, terrain: terrain.model(configuration), progress: progress)
        // The planner's steps have no count: one unit, its steps shown as the stage's detail.
        let plan = try await progress.stage("plan") {
            try await RolloutPlanner.plan(
                run, candidates: extra, budget: effectiveBudget,
                options: SolverOptions(threads: threads.count, seed: seed), exact: exact.planning, progress: { progress?.detail($0) })
        }
        let written = try await progress.stage("write") {
            try OutputGuard.publish(into: folder) {
                try PlanFiles.files(plan, toolVersion: PhusongVersion.current, seed: seed, phases: phases)
            }
        }
        Terminal.output(PlanText.render(plan))
        Terminal.output("")
        if let comparison = run.terrain {
            Terminal.output("Candidate coverage and the plan's own check use the terrain model.")
            for line in TerrainSummaryText.lines(comparison, villages: loaded.scenario.villages.count) { Terminal.output(line) }
            Terminal.output("")
        }
        Terminal.output("Wrote \(written.joined(separator: ", "))")
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        Terminal.note("Time: \(NumberText.fixed(seconds, decimals: 2)) s (\(threads.count) threads)")
    }
}

/// The plan as terminal text.
enum PlanText {
    static func render(_ plan: RolloutPlan) -> String {
        var lines = ["Rollout plan: \(NumberText.grouped(plan.actions.count)) actions, total cost \(NumberText.fixed(plan.totalCost, decimals: 1)) billion VND"
            + " (lower bound \(NumberText.fixed(plan.lowerBound, decimals: 1)), gap \(NumberText.fixed(100 * plan.gap, decimals: 2)) %)"]
        let byKind = Dictionary(grouping: plan.actions, by: \.kind)
        var actions = TextTable(["action", "count", "cost", "villages newly covered", "people newly covered"])
        for kind in [PlanAction.Kind.newSite, .satellite, .upgrade5G, .newSite5G] {
            let group = byKind[kind] ?? []
            guard !group.isEmpty else { continue }
            actions.add([kind.rawValue, NumberText.grouped(group.count), NumberText.fixed(group.reduce(0) { $0 + $1.cost }, decimals: 1),
                         NumberText.grouped(group.reduce(0) { $0 + $1.newlyCoveredVillages }),
                         NumberText.grouped(group.reduce(0) { $0 + $1.newlyCoveredPopulation })])
        }
        lines += actions.lines(indent: 2)
        var targets = TextTable(["target", "level", "before", "after", "status"])
        for target in plan.targets {
            let isRatio = target.name.contains("/")
            let show = { (value: Double) in isRatio ? NumberText.fixed(value, decimals: 3) : NumberText.percent(value, spaced: true) }
            targets.add([target.name, show(target.target), show(target.before), show(target.after), target.met ? "met" : "NOT MET: " + (target.reason ?? "")])
        }
        lines.append("")
        lines += targets.lines(indent: 2)
        if !plan.exact.isEmpty { lines += [""] + ExactPlanText.lines(plan.exact) }
        return lines.joined(separator: "\n")
    }
}
