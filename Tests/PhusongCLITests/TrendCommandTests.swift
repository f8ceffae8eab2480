import Foundation
import Testing

/// `phusong trend` on three monthly reports of the embedded default villages with different
/// networks: January with a third of the cells removed, February the default network, April
/// (March has no report) with 5G cells added at every second site.
@Suite("phusong trend, end to end")
struct TrendCommandTests {
    /// The three report folders (given out of order, as a user might) and their summaries.
    static func reports(in folder: URL) throws -> (folders: [String], summaries: [String: [String: Any]]) {
        let cells = try String(contentsOf: CLI.repository.appendingPathComponent("geodata/default/cells.csv"), encoding: .utf8)
        let lines = cells.split(separator: "\n").map(String.init)
        let header = lines[0], rows = Array(lines.dropFirst())
        let fewer = [header] + rows.enumerated().filter { $0.offset % 3 != 2 }.map(\.element)
        // Every second site gains a 3500 MHz 5G cell beside each 4G cell (same position and antenna).
        var sites: [String] = []
        let added = rows.compactMap { row -> String? in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[3] == "4G" else { return nil }
            if !sites.contains(fields[1]) { sites.append(fields[1]) }
            guard (sites.firstIndex(of: fields[1]) ?? 0) % 2 == 0 else { return nil }
            var copy = fields
            copy[0] += "-NR"
            copy[3] = "5G"
            copy[4] = "3500"
            return copy.joined(separator: ",")
        }
        let networks = [("2026-01", fewer), ("2026-02", lines), ("2026-04", lines + added)]
        var folders: [String] = [], summaries: [String: [String: Any]] = [:]
        for (month, network) in networks {
            let cellsPath = folder.appendingPathComponent("cells-\(month).csv").path
            try (network.joined(separator: "\n") + "\n").write(toFile: cellsPath, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("report-\(month)").path
            let result = try CLI.run(["report", "--no-area", "--villages", CLI.repository.appendingPathComponent("geodata/default/villages.csv").path,
                                      "--cells", cellsPath, "--month", month, "--out", out])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            summaries[month] = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
            folders.append(out)
        }
        return ([folders[2], folders[0], folders[1]], summaries)
    }

    /// The least-squares slope of (x, y).
    static func slope(_ points: [(Double, Double)]) -> Double {
        let n = Double(points.count)
        let mx = points.map(\.0).reduce(0, +) / n, my = points.map(\.1).reduce(0, +) / n
        let sxy = points.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +), sxx = points.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        return sxy / sxx
    }

    @Test("trend.csv holds each report's figures by month, and the target months of a linear fit")
    func threeMonths() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (folders, summaries) = try Self.reports(in: folder)
        let out = folder.appendingPathComponent("trend").path
        let result = try CLI.run(["trend"] + folders + ["--out", out])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Trend over 3 reports, 2026-01 to 2026-04"))

        let csv = try String(contentsOfFile: out + "/trend.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["area_level", "area_code", "area_name", "indicator", "target", "2026-01", "2026-02", "2026-04",
                            "pace_per_month", "status", "target_month"])
        #expect(rows.count == 1 + 4 * (1 + 3), "national and 3 provinces, 4 indicators each")
        func row(_ level: String, _ code: String, _ indicator: String) throws -> [String] {
            try #require(rows.first { $0[0] == level && $0[1] == code && $0[3] == indicator })
        }
        let months = ["2026-01", "2026-02", "2026-04"]
        // Values are each report's summary.json figures.
        let deadZones = try row("national", "", "villages_dead_zone")
        let national = try months.map { try #require(summaries[$0]?["national"] as? [String: Any]) }
        #expect(deadZones[5...7].map { Int($0) } == national.map { $0["villages_dead_zone"] as? Int })
        let coverage5G = try row("national", "", "population_coverage_5g")
        // Within a unit in the last place: Foundation's JSON reader does not always round the last digit.
        for (text, value) in zip(coverage5G[5...7], national.map { $0["population_coverage_5g"] as? Double }) {
            #expect(abs((Double(text) ?? -1) - (value ?? -2)) < 1e-15)
        }
        #expect(coverage5G[4] == "0.9")
        let ratio = try row("national", "", "ratio_5g_4g_stations")
        #expect(ratio[4] == "0.5")
        for (text, value) in zip(ratio[5...7], national.map { $0["ratio_5g_4g_stations"] as? Double }) {
            #expect(abs((Double(text) ?? -1) - (value ?? -2)) < 1e-12)
        }
        #expect((Double(ratio[7]) ?? 0) > (Double(ratio[6]) ?? 1), "5G added in April")
        #expect(try row("national", "", "share_villages_connected")[4] == "1.0")
        let province = try row("province", "11", "villages_dead_zone")
        let provinces11 = try months.map { try #require((summaries[$0]?["provinces"] as? [String: Any])?["11"] as? [String: Any]) }
        #expect(province[2] == "Điện Biên")
        #expect(province[5...7].map { Int($0) } == provinces11.map { $0["villages_dead_zone"] as? Int })

        // Dead zones fall from January to February (more cells); the target month is the latest
        // month plus ⌈latest / −pace⌉ on the least-squares pace, months 0, 1 and 3.
        let values = deadZones[5...7].compactMap { Double($0) }
        #expect(values.count == 3 && values[0] > values[1] && values[1] >= values[2])
        let pace = Self.slope(zip([0.0, 1, 3], values).map { ($0, $1) })
        #expect(abs((Double(deadZones[8]) ?? 0) - pace) < 1e-9)
        if values[2] > 0 {
            let ahead = Int((values[2] / -pace).rounded(.up))
            let month = 2026 * 12 + 3 + ahead
            #expect(deadZones[9] == "on_pace")
            #expect(deadZones[10] == String(format: "%04d-%02d", month / 12, month % 12 + 1))
        }
        // 5G coverage rises with the added 5G cells: on pace, a month after April 2026, or met.
        #expect(["on_pace", "met"].contains(coverage5G[9]))
        if coverage5G[9] == "on_pace" { #expect(coverage5G[10] > "2026-04") }

        let html = try String(contentsOfFile: out + "/trend.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"vi\">") && html.contains("Thôn, bản lõm sóng") && html.contains("tháng 4/2026"))
        #expect(html.contains("data-indicator=\"villages_dead_zone\"") && html.contains("data-month=\"\(deadZones[10])\""))
        #expect(html.components(separatedBy: "<tr data-code=").count - 1 == 3)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4, "one chart per indicator")

        let english = try CLI.run(["trend"] + folders + ["--lang", "en", "--out", folder.appendingPathComponent("trend-en").path])
        #expect(english.exitCode == 0)
        let englishHTML = try String(contentsOfFile: folder.appendingPathComponent("trend-en/trend.html").path, encoding: .utf8)
        #expect(englishHTML.contains("<html lang=\"en\">") && englishHTML.contains("April 2026"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/trend.csv"))
                == Data(contentsOf: folder.appendingPathComponent("trend-en/trend.csv")), "trend.csv does not depend on the language")
    }

    @Test("two reports of the same month: exit 64 naming both; a summary without a month: exit 65")
    func refusals() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one").path, two = folder.appendingPathComponent("two").path
        for out in [one, two] {
            let result = try CLI.run(["report", "--no-area", "--month", "2026-03", "--out", out], in: CLI.repository.path)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        }
        let same = try CLI.run(["trend", one, two, "--out", folder.appendingPathComponent("t").path])
        #expect(same.exitCode == 64)
        #expect(same.stderr.contains(one) && same.stderr.contains(two) && same.stderr.contains("2026-03"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("t").path))

        let summary = two + "/summary.json"
        let text = try String(contentsOfFile: summary, encoding: .utf8).replacingOccurrences(of: "\"month\" : \"2026-03\",", with: "")
        #expect(!text.contains("\"month\""))
        try text.write(toFile: summary, atomically: true, encoding: .utf8)
        let old = try CLI.run(["trend", one, two, "--out", folder.appendingPathComponent("t").path])
        #expect(old.exitCode == 65)
        #expect(old.stderr.contains(summary) && old.stderr.contains("--month"))
    }
}
