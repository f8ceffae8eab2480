import Foundation
import Testing

@Suite("phusong deadzones, unpowered and compare, end to end")
struct ListCommandTests {
    @Test("deadzones writes every format; the counts agree with the report")
    func deadZonesFormats() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try CLI.run(["report", "--out", folder.path + "/report"], in: CLI.repository.path)
        #expect(report.exitCode == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report/summary.json"))) as? [String: Any]
        let deadZones = try #require((summary?["national"] as? [String: Any])?["villages_dead_zone"] as? Int)
        let base = folder.appendingPathComponent("dz").path
        let result = try CLI.run(["deadzones", "--out", base, "--format", "csv", "--format", "geojson", "--format", "kml", "--format", "gpkg",
                                  "--format", "xlsx", "--format", "kmz"],
                                 in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Dead-zone villages: \(deadZones) villages"))
        let csv = try Data(contentsOf: URL(fileURLWithPath: base + ".csv"))
        #expect(csv.starts(with: Array("village_id,".utf8)), "CSV without a byte-order mark")
        #expect(!csv.contains(0x0D) && String(decoding: csv, as: UTF8.self).components(separatedBy: "\n").filter { !$0.isEmpty }.count == deadZones + 1)
        let geojson = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".geojson"))) as? [String: Any]
        #expect((geojson?["features"] as? [Any])?.count == deadZones)
        let kml = try String(contentsOfFile: base + ".kml", encoding: .utf8)
        #expect(kml.components(separatedBy: "<Placemark>").count - 1 == deadZones)
        #expect(FileManager.default.fileExists(atPath: base + ".gpkg"))
        for zipped in [".xlsx", ".kmz"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: base + zipped)).starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(zipped) is a zip")
        }
        // The report's own list is the same villages.
        #expect(try Data(contentsOf: folder.appendingPathComponent("report/deadzones.csv")) == csv)
    }

    @Test("filters: province by name without diacritics, minimum population, unpowered only")
    func filters() throws {
        let all = try CLI.run(["deadzones"], in: CLI.repository.path)
        let dienBien = try CLI.run(["deadzones", "--province", "Dien Bien"], in: CLI.repository.path)
        let byCode = try CLI.run(["deadzones", "--province", "11"], in: CLI.repository.path)
        #expect(dienBien.exitCode == 0 && dienBien.stdout == byCode.stdout)
        let rows = dienBien.stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("  Điện Biên") })
        #expect(all.stdout.split(separator: "\n").count > dienBien.stdout.split(separator: "\n").count)
        let large = try CLI.run(["deadzones", "--min-population", "500"], in: CLI.repository.path)
        #expect(large.exitCode == 0 && large.stdout.split(separator: "\n").count < all.stdout.split(separator: "\n").count)
        let unpowered = try CLI.run(["deadzones", "--unpowered"], in: CLI.repository.path)
        #expect(unpowered.stdout.split(separator: "\n").dropFirst(2).allSatisfy { $0.contains("UNPOWERED") })
        let list = try CLI.run(["unpowered"], in: CLI.repository.path)
        #expect(list.exitCode == 0 && list.stdout.hasPrefix("Villages without grid power: 44 villages"))
    }

    @Test("compare of a report with itself shows no change; a missing folder exits 66")
    func compareSelf() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CLI.run(["report", "--out", folder.path + "/a"], in: CLI.repository.path)
        let result = try CLI.run(["compare", "--before", folder.path + "/a", "--after", folder.path + "/a", "--out", folder.path + "/c"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Villages newly connected: 0 (0 people)"))
        #expect(result.stdout.contains("Sites: added 0, removed 0, gained 5G 0, lost 5G 0"))
        for name in ["compare_indicators.csv", "compare_villages.csv", "compare_sites.csv", "compare.xlsx", "compare.html"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/c/" + name))
        }
        let missing = try CLI.run(["compare", "--before", folder.path + "/nope", "--after", folder.path + "/a"])
        #expect(missing.exitCode == 66)
        #expect(missing.stderr.contains("summary.json: file not found"))
    }
}
