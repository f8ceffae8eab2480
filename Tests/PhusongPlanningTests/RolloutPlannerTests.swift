import Foundation
import PhusongCoverage
import Testing
@testable import PhusongPlanning
@testable import PhusongOptimization

/// The repository and ../shared beside it (or PHUSONG_SHARED).
enum PlanningTestData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var shared: String {
        ProcessInfo.processInfo.environment["PHUSONG_SHARED"] ?? repository.deletingLastPathComponent().appendingPathComponent("shared").path
    }
    static var dienBien: String { shared + "/geodata/vn-national-2025/subset-dienbien" }
    static var hasDienBien: Bool { FileManager.default.fileExists(atPath: dienBien + "/villages.csv") }

    static func run(villages: String, cells: [String], configuration: PhusongConfiguration = PhusongConfiguration()) async throws -> CoverageRun {
        let inputs = try await ScenarioLoader.load(InputPaths(villages: villages, cells: cells), policy: .stop)
        return try await CoverageRun.compute(inputs: inputs, configuration: configuration, threads: 2)
    }
}

@Suite("Rollout planner")
struct RolloutPlannerTests {
    @Test("Điện Biên: every figure the plan claims for 'after' is what the coverage of cells + planned cells gives",
          .enabled(if: PlanningTestData.hasDienBien, "skipped: ../shared/geodata is not beside the checkout"))
    func afterFiguresHold() async throws {
        let folder = PlanningTestData.dienBien
        let before = try await PlanningTestData.run(villages: folder + "/villages.csv", cells: [folder + "/cells.csv"])
        let plan = try await RolloutPlanner.plan(before, options: SolverOptions(threads: 2, seed: 1))
        #expect(!plan.actions.isEmpty && plan.totalCost > 0)
        #expect(plan.lowerBound <= plan.totalCost + 1e-9 && plan.lowerBound > 0)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try PlanFiles.write(plan, to: scratch.path, toolVersion: "test", seed: 1)
        let after = try await PlanningTestData.run(
            villages: folder + "/villages.csv", cells: [folder + "/cells.csv", scratch.path + "/planned_cells.csv"])
        #expect(after.tables.national == plan.after)

        // Every dead zone is connected: by radio, or by a satellite terminal.
        let satellites = Set(plan.actions.filter { $0.kind == .satellite }.map(\.id))
        for (village, coverage) in zip(after.inputs.scenario.villages, after.coverage) {
            #expect(coverage.connected || satellites.contains(village.id), "village \(village.id) left unconnected")
        }
        #expect(plan.villagesConnectedWithSatellite == plan.after.villages)
        // The station ratio target holds after the plan.
        #expect((plan.after.ratio5G4GStations ?? 0) >= 0.5)
        #expect(plan.targets.first { $0.name == "5G stations / 4G stations" }?.met == true)
        // Off-grid new sites are solar and cost the extra.
        for action in plan.actions where action.kind == .newSite {
            #expect(action.cost == (action.powerSource == .solar ? 3.8 : 3.0))
        }
    }

    @Test("the plan does not depend on the number of threads (byte-identical files)",
          .enabled(if: PlanningTestData.hasDienBien, "skipped: ../shared/geodata is not beside the checkout"))
    func threadIndependent() async throws {
        let folder = PlanningTestData.dienBien
        let run = try await PlanningTestData.run(villages: folder + "/villages.csv", cells: [folder + "/cells.csv"])
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for threads in [1, 2] {
            let plan = try await RolloutPlanner.plan(run, options: SolverOptions(threads: threads, seed: 7))
            _ = try PlanFiles.write(plan, to: scratch.path + "/t\(threads)", toolVersion: "test", seed: 7)
        }
        for name in ["plan.csv", "plan.geojson", "plan.kml", "plan.xlsx", "planned_cells.csv", "plan_summary.json", "plan_provinces.csv"] {
            let one = try Data(contentsOf: scratch.appendingPathComponent("t1/" + name))
            let two = try Data(contentsOf: scratch.appendingPathComponent("t2/" + name))
            #expect(one == two && !one.isEmpty, "\(name)")
        }
    }

    @Test("a budget is spent in the order dead zones, then 5G, and never exceeded")
    func budget() async throws {
        let folder = PlanningTestData.repository.appendingPathComponent("geodata/default").path
        let run = try await PlanningTestData.run(villages: folder + "/villages.csv", cells: [folder + "/cells.csv"])
        let free = try await RolloutPlanner.plan(run, options: SolverOptions(threads: 2, seed: 1))
        let deadZoneCost = free.actions.filter { $0.kind == .newSite || $0.kind == .satellite }.reduce(0) { $0 + $1.cost }
        let budget = deadZoneCost + 15
        let capped = try await RolloutPlanner.plan(run, budget: budget, options: SolverOptions(threads: 2, seed: 1))
        #expect(capped.totalCost <= budget + 1e-9)
        #expect(capped.villagesConnectedWithSatellite == capped.after.villages, "dead zones come first")
        #expect(capped.actions.count { $0.kind == .upgrade5G || $0.kind == .newSite5G } == 10)
        #expect(capped.targets.first { $0.name == "5G stations / 4G stations" }?.met == false)
        #expect(capped.targets.first { $0.name == "5G stations / 4G stations" }?.reason?.contains("budget") == true)
        let tiny = try await RolloutPlanner.plan(run, budget: 3, options: SolverOptions(threads: 2, seed: 1))
        #expect(tiny.totalCost <= 3 + 1e-9)
        #expect(tiny.targets.first { $0.name == "villages connected" }?.met == false)
    }
}
