import Foundation
import Testing

/// `phusong plan --exact` end to end, on the built binary.
@Suite("plan --exact (CLI)")
struct PlanExactCLITests {
    private static func summary(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/plan_summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a synthetic province: CBC proves both phases, the plan costs no more than the heuristic's, and the summary says so")
    func syntheticProvince() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let synth = try CLI.run(["synth", "--villages", "2000", "--seed", "1", "--out", scratch.path("scenario")])
        #expect(synth.exitCode == 0, "stderr: \(synth.stderr)")
        let inputs = ["--villages", scratch.path("scenario/villages.csv"), "--cells", scratch.path("scenario/cells.csv")]
        let heuristic = try CLI.run(["plan"] + inputs + ["--out", scratch.path("heuristic")])
        #expect(heuristic.exitCode == 0, "stderr: \(heuristic.stderr)")
        let exact = try CLI.run(["plan", "--exact", "--time-limit", "120"] + inputs + ["--out", scratch.path("exact")])
        #expect(exact.exitCode == 0, "stderr: \(exact.stderr)")
        #expect(exact.stdout.contains("Exact (CBC):\n  dead zones: proven optimal\n  5G: proven optimal"), "\(exact.stdout)")
        #expect(!heuristic.stdout.contains("Exact (CBC)"))

        let before = try Self.summary(scratch.path("heuristic"))
        let after = try Self.summary(scratch.path("exact"))
        let heuristicCost = try #require(before["total_cost"] as? Double)
        let exactCost = try #require(after["total_cost"] as? Double)
        #expect(exactCost <= heuristicCost)
        #expect(after["gap"] as? Double == 0)
        #expect(before["exact"] == nil)
        let phases = try #require(after["exact"] as? [[String: Any]])
        #expect(phases.map { $0["phase"] as? String } == ["dead zones", "5G"])
        #expect(phases.allSatisfy { $0["proven_optimal"] as? Bool == true && $0["solver_gap"] as? Double == 0 })
    }

    @Test("more villages than --exact takes: exit 64 naming the limit, nothing written")
    func tooLarge() throws {
        let scratch = try OutputScratch()
        defer { scratch.remove() }
        let synth = try CLI.run(["synth", "--villages", "10001", "--seed", "1", "--out", scratch.path("scenario")])
        #expect(synth.exitCode == 0, "stderr: \(synth.stderr)")
        let plan = try CLI.run(["plan", "--exact", "--villages", scratch.path("scenario/villages.csv"),
                                "--cells", scratch.path("scenario/cells.csv"), "--out", scratch.path("plan")])
        #expect(plan.exitCode == 64)
        #expect(plan.stderr.contains("phusong plan: --exact plans regions of at most 10000 villages (a province or a few); this scenario has 10001."),
                "\(plan.stderr)")
        #expect(try scratch.listing() == ["scenario"])
    }

    @Test("--time-limit must be positive and finite", arguments: ["0", "-1", "inf", "nan"])
    func badTimeLimit(_ value: String) throws {
        let plan = try CLI.run(["plan", "--exact", "--time-limit=\(value)", "--out", "unused"])
        #expect(plan.exitCode == 64)
        #expect(plan.stderr.contains("--time-limit must be a number of seconds in 0 < s <= 1000000"), "\(plan.stderr)")
    }
}
