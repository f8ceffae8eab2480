import Foundation
import Testing

@Suite("phusong report, end to end")
struct ReportCommandTests {
    private static let outputs = ["summary.json", "villages.csv", "provinces.csv", "communes.csv", "operators.csv"]

    @Test("--threads 1 and --threads 2 write byte-identical files")
    func threadIndependentOutputs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for threads in ["1", "2"] {
            let result = try CLI.run(["report", "--threads", threads, "--out", folder.path + "/t" + threads], in: CLI.repository.path)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        }
        for name in Self.outputs {
            let one = try Data(contentsOf: folder.appendingPathComponent("t1/" + name))
            let two = try Data(contentsOf: folder.appendingPathComponent("t2/" + name))
            #expect(!one.isEmpty && one == two, "\(name) differs between 1 and 2 threads")
        }
    }

    @Test("with no input arguments it reports on the embedded default; summary, villages and headline agree")
    func embeddedDefault() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", "--lang", "en", "--out", folder.path], in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("villages connected (4G or 5G)"))
        #expect(result.stdout.contains("5G population coverage"))
        #expect(result.stdout.contains("5G stations / 4G stations"))
        #expect(result.stdout.contains("dead-zone villages (lõm sóng)"))
        #expect(result.stdout.contains("unpowered villages"))

        let summaryData = try Data(contentsOf: folder.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        let national = try #require(summary["national"] as? [String: Any])
        let deadZones = try #require(national["villages_dead_zone"] as? Int)
        let villages = try #require(national["villages"] as? Int)
        #expect(villages == 3_700)
        let inputs = try #require(summary["inputs"] as? [String: Any])
        let villageInput = try #require(inputs["villages"] as? [String: Any])
        #expect((villageInput["sha256"] as? String)?.count == 64)
        #expect((summary["tool"] as? [String: Any])?["version"] as? String != nil)
        let radio = try #require((summary["model"] as? [String: Any])?["radio"] as? [String: Any])
        #expect(radio["coverage_threshold_4g_dbm"] as? Double == -110)
        #expect((summary["provinces"] as? [String: Any])?.count == 3)

        let rows = try String(contentsOf: folder.appendingPathComponent("villages.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        for column in ["village_id", "best_4g_rsrp_dbm", "best_4g_cell", "best_5g_rsrp_dbm", "best_5g_cell", "covered_4g",
                       "covered_5g", "connected", "dead_zone", "unpowered", "nearest_site", "nearest_site_m"] {
            #expect(header.contains(column), "villages.csv has \(column)")
        }
        let deadZone = try #require(header.firstIndex(of: "dead_zone"))
        #expect(rows.dropFirst().count == villages)
        #expect(rows.dropFirst().filter { $0[deadZone] == "true" }.count == deadZones)
        #expect(rows.dropFirst().allSatisfy { ["true", "false"].contains($0[deadZone]) })
        #expect(result.stdout.contains("\(deadZones) villages to connect"))
    }

    @Test("Vietnamese by default: the summary, report.html (lang vi) and report.xlsx's headings; --month recorded in summary.json")
    func vietnameseByDefault() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", "--month", "2026-04", "--out", folder.path], in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Chỉ tiêu chính, tháng 4/2026 (3.700 thôn, bản"))
        #expect(result.stdout.contains("thôn, bản lõm sóng"))
        #expect(result.stdout.contains("tỷ lệ phủ sóng dân số 5G"))
        #expect(result.stdout.contains("Đã ghi "))
        #expect(!result.stdout.contains("villages connected"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any])
        #expect(summary["month"] as? String == "2026-04")
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("data-month=\"2026-04\"") && html.contains("Kỳ báo cáo: tháng 4/2026"))
        // The CSVs keep their English column names whatever the language.
        let header = try String(contentsOf: folder.appendingPathComponent("provinces.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.hasPrefix("province_code,province_name,villages,"))

        let english = try CLI.run(["report", "--lang", "en", "--month", "2026-04", "--out", folder.path + "/en"], in: CLI.repository.path)
        #expect(english.exitCode == 0, "stderr: \(english.stderr)")
        #expect(english.stdout.contains("Headline indicators, April 2026 (3,700 villages"))
        let englishHTML = try String(contentsOf: folder.appendingPathComponent("en/report.html"), encoding: .utf8)
        #expect(englishHTML.contains("<html lang=\"en\">"))
        for name in ["summary.json", "villages.csv", "provinces.csv", "deadzones.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: folder.appendingPathComponent("en/" + name)),
                    "\(name) does not depend on the language")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("report.xlsx")) != Data(contentsOf: folder.appendingPathComponent("en/report.xlsx")))
    }

    @Test("--month and --lang refuse what they do not know, with exit 64", arguments: [
        ["--month", "2026-13"], ["--month", "04-2026"], ["--month", "2026-4"], ["--lang", "fr"],
    ])
    func badEditionOptions(arguments: [String]) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report"] + arguments + ["--out", folder.path + "/r"], in: CLI.repository.path)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(arguments[0]))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r"))
    }

    @Test("without Leaflet's files report still writes everything, names libjs-leaflet, and the page has no map")
    func withoutLeaflet() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", "--no-area", "--month", "2026-04", "--out", folder.path], in: CLI.repository.path,
                                 launcher: ["/usr/bin/env", "PHUSONG_LEAFLET_DIR=" + folder.path + "/no-leaflet"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("no-leaflet/leaflet.min.js not found: install the Debian package libjs-leaflet"))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("data-engine=\"none\"") && html.contains("libjs-leaflet"))
        #expect(!html.contains("L.markerClusterGroup=") && !html.contains("Leaflet 1."))
    }

    @Test("--basemap takes a tile URL only; the page then names it", arguments: [
        ("https://tile.example.org/{z}/{x}/{y}.png", true), ("ftp://x/{z}/{x}/{y}", false), ("https://x/{z}/{x}.png", false),
        ("https://x/{z}/{x}/{y}.png\"><script>", false),
    ])
    func basemap(url: String, accepted: Bool) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["report", "--no-area", "--basemap", url, "--out", folder.path + "/r"], in: CLI.repository.path)
        #expect(result.exitCode == (accepted ? 0 : 64), "stderr: \(result.stderr)")
        if accepted {
            let html = try String(contentsOf: folder.appendingPathComponent("r/report.html"), encoding: .utf8)
            #expect(html.contains("\"basemap\":\"https:\\/\\/tile.example.org\\/{z}\\/{x}\\/{y}.png\"")
                    || html.contains("\"basemap\":\"https://tile.example.org/{z}/{x}/{y}.png\""))
        } else {
            #expect(result.stderr.contains("--basemap"))
        }
    }

    @Test("without --month the report is dated by the month of the run")
    func currentMonth() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Calendar.current.dateComponents([.year, .month], from: Date())
        let result = try CLI.run(["report", "--no-area", "--out", folder.path], in: CLI.repository.path)
        let after = Calendar.current.dateComponents([.year, .month], from: Date())
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any])
        let expected = [before, after].map { String(format: "%04d-%02d", $0.year ?? 0, $0.month ?? 0) }
        #expect(expected.contains(summary["month"] as? String ?? ""))
    }

    @Test("a stricter threshold in --config never raises coverage")
    func stricterThreshold() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("strict.toml").path
        try "[radio]\ncoverage_threshold_4g_dbm = -100.0\ncoverage_threshold_5g_dbm = -100.0\n".write(toFile: config, atomically: true, encoding: .utf8)
        func deadZones(_ arguments: [String], _ name: String) throws -> Int {
            let result = try CLI.run(["report", "--out", folder.path + "/" + name] + arguments, in: CLI.repository.path)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let data = try Data(contentsOf: folder.appendingPathComponent(name + "/summary.json"))
            let summary = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return ((summary?["national"] as? [String: Any])?["villages_dead_zone"] as? Int) ?? -1
        }
        let normal = try deadZones([], "normal")
        let strict = try deadZones(["--config", config], "strict")
        #expect(strict > normal && normal >= 0)
    }

    @Test("config --print-default prints TOML that --check accepts; a bad config exits 65 with its line")
    func configCommand() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = try CLI.run(["config", "--print-default"])
        #expect(printed.exitCode == 0)
        #expect(printed.stdout.contains("coverage_threshold_4g_dbm = -110.0"))
        let path = folder.appendingPathComponent("default.toml").path
        try printed.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try CLI.run(["config", "--check", path])
        #expect(check.exitCode == 0, "stderr: \(check.stderr)")
        let bad = folder.appendingPathComponent("bad.toml").path
        try "[radio]\nmax_range_m = 35000.0\nextra_loss_db = oops\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let report = try CLI.run(["report", "--config", bad, "--out", folder.path + "/r"], in: CLI.repository.path)
        #expect(report.exitCode == 65)
        #expect(report.stderr.contains(bad + ":3: column "))
    }
}
