import Foundation
import PhusongCoverage
import Testing
@testable import PhusongPlanning
@testable import PhusongOptimization

@Suite("The plan's effect: plan.csv read back and applied")
struct PlanEffectTests {
    @Test("Điện Biên: the plan read back from plan.csv and applied leaves no dead zone; satellites in their own category",
          .enabled(if: PlanningTestData.hasDienBien, "skipped: ../shared/geodata is not beside the checkout"))
    func dienBienPlanApplied() async throws {
        let folder = PlanningTestData.dienBien
        let before = try await PlanningTestData.run(villages: folder + "/villages.csv", cells: [folder + "/cells.csv"])
        #expect(before.tables.national.villagesDeadZone > 0)
        let plan = try await RolloutPlanner.plan(before, options: SolverOptions(threads: 2, seed: 1))
        #expect(plan.targets.first { $0.name == "villages connected" }?.met == true)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-effect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try PlanFiles.write(plan, to: scratch.path, toolVersion: "test", seed: 1)

        let planFile = scratch.path + "/plan.csv"
        let actions = try PlanFileReader.read(path: planFile, before: before)
        #expect(actions.map(\.id) == plan.actions.map(\.id) && actions.map(\.kind) == plan.actions.map(\.kind))
        // The cells rebuilt from plan.csv are the planner's, but for positions rounded to 6 decimals.
        #expect(actions.flatMap(\.cells).map(\.id) == plan.plannedCells.map(\.id))
        let applied = try await PlanApplication.apply(actions, planFile: planFile, to: before, includeArea: false, threads: 2)
        let after = applied.after.tables.national
        let satellites = plan.actions.count { $0.kind == .satellite }
        #expect(satellites > 0)
        #expect(after.villagesDeadZone == 0)
        #expect(after.villagesConnected == after.villages)
        #expect(after.villagesConnectedSatellite == satellites)
        // Without the satellites, the figures are those of cells + planned cells (the planner's own check).
        #expect(after.villagesConnected - after.villagesConnectedSatellite == plan.after.villagesConnected)
        #expect(after.populationCovered5G == plan.after.populationCovered5G && after.stations5G == plan.after.stations5G)
        // A satellite terminal connects its village but covers no one with the mobile network.
        #expect(after.populationCoveredAny == plan.after.populationCoveredAny && after.populationCoveredAny < after.population)
        #expect(applied.effect.before == before.tables.national)

        // Every village the plan connects is credited to exactly one action; likewise 5G.
        let gains = applied.effect.actions
        #expect(gains.reduce(0) { $0 + $1.villagesConnected } == before.tables.national.villagesDeadZone)
        #expect(gains.reduce(0) { $0 + $1.populationConnected } == before.tables.national.population - before.tables.national.populationCoveredAny)
        #expect(gains.reduce(0) { $0 + $1.population5G } == after.populationCovered5G - before.tables.national.populationCovered5G)
        for gain in gains where gain.kind == "satellite" {
            #expect(gain.villagesConnected == 1 && gain.villages5G == 0 && gain.operatorName.isEmpty)
        }
        for gain in gains where gain.kind == "upgrade_5g" { #expect(gain.villagesConnected == 0 && !gain.operatorName.isEmpty) }
    }

    @Test("--phases: the syntax, read and refused")
    func phasesSyntax() throws {
        #expect(PlanPhases("3")?.tranches == .equal(3))
        #expect(PlanPhases("2026:150,2027:400")?.tranches == .cumulative([
            PlanPhases.Tranche(label: "2026", cumulativeBudget: 150), PlanPhases.Tranche(label: "2027", cumulativeBudget: 400),
        ]))
        #expect(PlanPhases("2026:150,2027:400")?.budget == 400)
        #expect(PlanPhases("4")?.budget == nil)
        for bad in ["0", "101", "", "2026", "2026:400,2027:150", "2026:1,2026:2", "2026:-1", "2026:inf", "2026:nan", "a b:1", "=SUM(A1):1", "2026:1,"] {
            #expect(PlanPhases(bad) == nil, "\(bad)")
        }
    }

    @Test("--phases: dead zones first, most people per billion VND first, each action in the first tranche that covers it")
    func phaseAssignment() throws {
        func action(_ kind: PlanAction.Kind, _ id: String, cost: Double, people: Int) -> PlanAction {
            PlanAction(kind: kind, id: id, lon: 103, lat: 21, technology: "", powerSource: nil, cost: cost,
                       newlyCoveredVillages: people > 0 ? 1 : 0, newlyCoveredPopulation: people, cells: [])
        }
        let actions = [
            action(.newSite, "DZ-1", cost: 3.0, people: 5_942), action(.satellite, "v1", cost: 0.3, people: 76),
            action(.satellite, "v2", cost: 0.3, people: 1_366), action(.upgrade5G, "S1", cost: 1.5, people: 1_000),
            action(.upgrade5G, "S2", cost: 1.5, people: 0),
        ]
        // Order: v2 (4,553/bn), DZ-1 (1,981/bn), v1 (253/bn), S1, S2; spent 0.3, 3.3, 3.6, 5.1, 6.6.
        let labelled = try #require(PlanPhases("A:1,B:4,C:10")).assign(actions)
        #expect(labelled.labels == ["A", "B", "C"])
        #expect(labelled.phaseOfAction == ["B", "B", "A", "C", "C"])
        // Two equal tranches of 6.6: 3.3 each.
        let halves = try #require(PlanPhases("2")).assign(actions)
        #expect(halves.phaseOfAction == ["1", "2", "1", "2", "2"])
    }
}
