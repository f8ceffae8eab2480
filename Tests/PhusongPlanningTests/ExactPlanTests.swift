import Foundation
import PhusongCoverage
import Testing
@testable import PhusongPlanning
@testable import PhusongOptimization

/// `plan --exact` (CBC) against the heuristic plan.
@Suite("Exact rollout plan")
struct ExactPlanTests {
    /// The coverage of the plan's cells added to the run's, as `report --cells cells.csv --cells
    /// planned_cells.csv` computes it.
    private static func checked(_ plan: RolloutPlan, villages: String, cells: String) async throws -> CoverageRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try PlanFiles.write(plan, to: scratch.path, toolVersion: "test", seed: 1)
        return try await PlanningTestData.run(villages: villages, cells: [cells, scratch.path + "/planned_cells.csv"])
    }

    private static func compare(villages: String, cells: String) async throws {
        let run = try await PlanningTestData.run(villages: villages, cells: [cells])
        let options = SolverOptions(threads: 2, seed: 1)
        let heuristic = try await RolloutPlanner.plan(run, options: options)
        let exact = try await RolloutPlanner.plan(run, options: options, exact: ExactPlanning(timeLimit: 60))
        #expect(exact.exact.map(\.phase) == ["dead zones", "5G"])
        #expect(exact.exact.allSatisfy { $0.provenOptimal }, "\(exact.exact)")
        // Never dearer; at the same cost never fewer people with 5G.
        #expect(exact.totalCost <= heuristic.totalCost + 1e-9)
        if abs(exact.totalCost - heuristic.totalCost) < 1e-9 {
            #expect(exact.after.populationCovered5G >= heuristic.after.populationCovered5G)
        }
        // Both phases proven: the lower bound is the cost.
        #expect(abs(exact.lowerBound - exact.totalCost) < 1e-6 && exact.gap < 1e-9)
        #expect(exact.lowerBound >= heuristic.lowerBound - 1e-9)
        // The targets the heuristic meets, the exact plan meets too.
        for (a, b) in zip(heuristic.targets, exact.targets) { #expect(!a.met || b.met, "\(a.name)") }
        // Every action checked: the coverage engine on cells + planned cells gives the plan's figures.
        let after = try await checked(exact, villages: villages, cells: cells)
        #expect(after.tables.national == exact.after)
        let satellites = Set(exact.actions.filter { $0.kind == .satellite }.map(\.id))
        for (village, coverage) in zip(after.inputs.scenario.villages, after.coverage) {
            #expect(coverage.connected || satellites.contains(village.id), "village \(village.id) left unconnected")
        }
    }

    @Test("the embedded default data: proven optimal, never dearer than the heuristic, every figure checked")
    func defaultData() async throws {
        let folder = PlanningTestData.repository.appendingPathComponent("geodata/default").path
        try await Self.compare(villages: folder + "/villages.csv", cells: folder + "/cells.csv")
    }

    @Test("Điện Biên: proven optimal, never dearer than the heuristic, every figure checked",
          .enabled(if: PlanningTestData.hasDienBien, "skipped: ../shared/geodata is not beside the checkout"))
    func dienBien() async throws {
        let folder = PlanningTestData.dienBien
        try await Self.compare(villages: folder + "/villages.csv", cells: folder + "/cells.csv")
    }

    @Test("a budget: within it, dead zones first, and CBC's outcome reported")
    func budget() async throws {
        let folder = PlanningTestData.repository.appendingPathComponent("geodata/default").path
        let run = try await PlanningTestData.run(villages: folder + "/villages.csv", cells: [folder + "/cells.csv"])
        for budget in [3.0, 40.0] {
            let plan = try await RolloutPlanner.plan(
                run, budget: budget, options: SolverOptions(threads: 2, seed: 1), exact: ExactPlanning(timeLimit: 30))
            #expect(plan.totalCost <= budget + 1e-9)
            #expect(!plan.exact.isEmpty && plan.exact.allSatisfy { $0.provenOptimal || $0.solverGap > 0 })
        }
    }

    @Test("more villages than the limit are refused, naming the limit and the count")
    func refusal() throws {
        #expect(throws: ExactPlanningError.self) { try ExactPlanning.check(villages: ExactPlanning.villageLimit + 1) }
        try ExactPlanning.check(villages: ExactPlanning.villageLimit)
        let message = ExactPlanningError(villages: 106_445).description
        #expect(message.contains("at most \(ExactPlanning.villageLimit) villages") && message.contains("106445"))
    }
}
