import Foundation
import Testing

/// `phusong plan --phases` and `phusong report --plan`, run as a user runs them.
@Suite("report --plan and plan --phases (CLI)", .serialized)
struct PlanEffectCLITests {
    private func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    private func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("default data: the plan's effect leaves no dead zone, satellites in their own category, phases and provinces")
    func defaultDataPlanEffect() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try CLI.run(["plan", "--phases", "2026:30,2027:600", "--threads", "2", "--out", "p"], in: folder.path)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        // plan.csv: the old columns first, unchanged, then the new ones.
        let actions = try rows(folder.path + "/p/plan.csv")
        #expect(actions[0] == ["kind", "id", "technology", "power_source", "cost", "villages_newly_covered", "population_newly_covered",
                               "lon", "lat", "operator", "province_code", "province_name", "reason", "phase"])
        let body = actions.dropFirst()
        let satellites = body.filter { $0[0] == "satellite" }
        #expect(satellites.count == 72)
        // Dead zones cost 24.6 billion: all in 2026; the 5G upgrades then fill 2026's last 5.4 billion and go on into 2027.
        #expect(body.filter { $0[0] == "satellite" || $0[0] == "new_site" }.allSatisfy { $0[13] == "2026" })
        #expect(body.contains { $0[0] == "upgrade_5g" && $0[13] == "2027" })
        let spent2026 = body.filter { $0[13] == "2026" }.reduce(0) { $0 + (Double($1[4]) ?? .nan) }
        #expect(spent2026 <= 30 + 1e-9 && spent2026 > 28)
        #expect(satellites.allSatisfy { $0[9].isEmpty && $0[12].hasPrefix("connects dead-zone village \($0[1]) (") })
        #expect(body.filter { $0[0] == "new_site" }.allSatisfy { $0[9] == "planned" && $0[12] == "connects \($0[5]) villages (\($0[6]) people) in dead zones" })
        #expect(body.filter { $0[0] == "upgrade_5g" }.allSatisfy { !$0[9].isEmpty && $0[9] != "planned" && !$0[10].isEmpty })
        // plan_provinces.csv: its costs add up to the plan's total.
        let provinces = try rows(folder.path + "/p/plan_provinces.csv")
        #expect(provinces[0] == ["province_code", "province_name", "actions", "new_sites", "satellites", "upgrades_5g", "new_sites_5g", "cost",
                                 "villages_connected", "population_connected", "villages_5g", "population_5g", "cost_2026", "cost_2027"])
        let total = provinces.dropFirst().reduce(0) { $0 + (Double($1[7]) ?? .nan) }
        #expect(abs(total - 570.6) < 1e-6)
        #expect(provinces.dropFirst().reduce(0) { $0 + (Int($1[4]) ?? -1_000) } == 72)
        #expect(provinces.dropFirst().reduce(0) { $0 + (Int($1[2]) ?? -1_000) } == body.count)

        let report = try CLI.run(["report", "--plan", "p", "--no-area", "--lang", "en", "--month", "2026-12", "--out", "r"], in: folder.path)
        #expect(report.exitCode == 0, "\(report.stderr)")
        let summary = try json(folder.path + "/r/summary.json")
        let effect = try #require(summary["plan_effect"] as? [String: Any])
        let before = try #require(effect["before"] as? [String: Any]), after = try #require(effect["after"] as? [String: Any])
        #expect(before["villages_dead_zone"] as? Int == 85)
        #expect(after["villages_dead_zone"] as? Int == 0)
        #expect(after["villages_connected_satellite"] as? Int == 72)
        #expect(before["villages_connected_satellite"] == nil)
        let national = try #require(summary["national"] as? [String: Any])
        #expect(national["villages_dead_zone"] as? Int == 0 && national["villages_connected_satellite"] as? Int == 72)
        let gains = try #require(effect["actions"] as? [String: [String: Any]])
        #expect(gains["satellite"]?["count"] as? Int == 72 && gains["satellite"]?["villages_connected"] as? Int == 72)
        #expect(gains["upgrade_5g"]?["count"] as? Int == 363)
        // Every newly connected village is credited to one action.
        let connected = gains.values.reduce(0) { $0 + ($1["villages_connected"] as? Int ?? 0) }
        #expect(connected == 85)
        // The files of the plan's effect.
        let perAction = try rows(folder.path + "/r/plan_effect.csv")
        #expect(perAction[0] == ["kind", "id", "operator", "cost", "villages_connected", "population_connected", "villages_5g", "population_5g", "lon", "lat"])
        #expect(perAction.count - 1 == body.count)
        let villages = try rows(folder.path + "/r/villages.csv")
        #expect(villages[0].last == "satellite_terminal")
        #expect(villages.dropFirst().count { $0.last == "true" } == 72)
        #expect(try rows(folder.path + "/r/deadzones.csv").count == 1)
        let page = try String(contentsOfFile: folder.path + "/r/report.html", encoding: .utf8)
        #expect(page.contains("id=\"plan-effect\"") && page.contains("<tr data-kind=\"satellite\">"))
        #expect(page.contains("<tr data-before=\"85\" data-after=\"0\"><th scope=\"row\">Dead-zone villages</th>"))
        // The terminal shows before and after side by side.
        #expect(report.stdout.contains("The plan's effect"))
        #expect(report.stdout.split(separator: "\n").contains { $0.contains("Dead-zone villages") && $0.contains("85") && $0.contains("-85") })
    }

    @Test("report --plan: a plan.csv that does not fit the inputs stops with file, line, column and value (exit 65)")
    func hostilePlan() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: folder.path + "/p", withIntermediateDirectories: true)
        let planFile = folder.path + "/p/plan.csv"
        try """
        kind,id,cost,lon,lat
        upgrade_5g,NOPE,1.5,103.02,21.28
        upgrade_5g,VP-000001,1.5,103.02,21.28
        teleport,X,1,103,21
        new_site_5g,NEW-1,1.5,103,21
        satellite,99999-999,0.3,103,21
        new_site,VT-000001,3,103.02,21.28
        upgrade_5g,VT-000001,1.5,105.5,21.28
        new_site,NEW-2,-3,103,21
        new_site,NEW-3,3,103,21
        new_site,NEW-3,3,103,21

        """.write(toFile: planFile, atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", "--villages", CLI.fixture("good/villages.csv"), "--cells", CLI.fixture("good/cells.csv"),
                                  "--plan", folder.path + "/p", "--no-area", "--out", folder.path + "/r"])
        #expect(result.exitCode == 65)
        for expected in [
            "\(planFile):2: id: NOPE: no site of the cells files has this id",
            "\(planFile):3: id: VP-000001: the action does not match the inputs: site VP-000001 already has 5G",
            "\(planFile):4: kind: teleport:",
            "\(planFile):5: id: NEW-1: the action does not match the inputs: no new_site action with this id on an earlier line",
            "\(planFile):6: id: 99999-999: no village has this id",
            "\(planFile):7: id: VT-000001: an existing site of the cells files has this id",
            "\(planFile):8: lon: 105.5: the action does not match the inputs: site VT-000001 is at 103.020000, 21.280000",
            "\(planFile):9: cost: -3:",
            "\(planFile):11: id: NEW-3: the pair (new_site, NEW-3) is given twice (first on line 10)",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r"))
    }

    @Test("report without --plan: none of the plan's effect in its files (they keep their columns and keys)")
    func reportWithoutPlan() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", "--villages", CLI.fixture("good/villages.csv"), "--cells", CLI.fixture("good/cells.csv"),
                                  "--no-area", "--out", folder.path + "/r"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/r").sorted()
        #expect(files == ["communes.csv", "deadzones.csv", "operators.csv", "provinces.csv", "report.html", "report.xlsx", "sites.csv",
                          "summary.json", "unpowered.csv", "villages.csv"])
        #expect(try rows(folder.path + "/r/villages.csv")[0].last == "lat")
        let summary = try String(contentsOfFile: folder.path + "/r/summary.json", encoding: .utf8)
        #expect(!summary.contains("plan_effect") && !summary.contains("satellite"))
        let page = try String(contentsOfFile: folder.path + "/r/report.html", encoding: .utf8)
        #expect(!page.contains("id=\"plan-effect\"") && !page.contains("plan-gains-table") && page.contains("id=\"headline\""))
    }

    @Test("plan --phases: a value outside the syntax is a usage error (exit 64)")
    func badPhases() throws {
        let result = try CLI.run(["plan", "--phases", "2027:400,2026:150", "--villages", CLI.fixture("good/villages.csv"),
                                  "--cells", CLI.fixture("good/cells.csv")])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--phases"))
    }
}
