import Foundation
import Testing

/// `report --terrain` on the real tile N21E105 with the national scenario's villages of the
/// Tam Đảo range (21.4–21.6° N, 105.5–105.7° E) and every cell inside the tile
/// (docs/specs/terrain-model.md; the whole tile area's figure is in docs/terrain.md).
@Suite("report --terrain over N21E105", .enabled(if: SharedTerrain.hasNational, SharedTerrain.skipReason))
struct TerrainReportTests {
    static var national: String { SharedTerrain.national }

    /// The rows of `file` (no quoted fields in these files) inside the box; the header kept.
    static func subset(_ file: String, latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>) throws -> String {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let lat = try #require(header.firstIndex(of: "lat")), lon = try #require(header.firstIndex(of: "lon"))
        let kept = lines.dropFirst().filter { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let y = Double(fields[lat]), let x = Double(fields[lon]) else { return false }
            return latitudes.contains(y) && longitudes.contains(x)
        }
        return ([lines[0]] + kept).joined(separator: "\n") + "\n"
    }

    /// Writes the Tam Đảo villages and the tile's cells into `folder` and returns the
    /// `--villages`/`--cells` arguments that read them.
    static func writeTamDaoInputs(in folder: URL) throws -> [String] {
        let villages = folder.appendingPathComponent("villages.csv").path
        let cells = folder.appendingPathComponent("cells.csv").path
        try subset(national + "/villages.csv", latitudes: 21.4...21.6, longitudes: 105.5...105.7)
            .write(toFile: villages, atomically: true, encoding: .utf8)
        try subset(national + "/cells.csv", latitudes: 21...22, longitudes: 105...106)
            .write(toFile: cells, atomically: true, encoding: .utf8)
        return ["--villages", villages, "--cells", cells]
    }

    /// Column `name` of each row of a CSV written by phusong (BOM stripped), by the first column.
    static func column(_ name: String, of path: String) throws -> [String: String] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        let index = try #require(header.firstIndex(of: name))
        return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[index])
        })
    }

    @Test("1 and 2 threads give the same bytes; every village that changes status is a terrain_shadow dead zone; the summary counts them")
    func tamDao() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try Self.writeTamDaoInputs(in: folder)
        let empirical = try CLI.run(["report"] + inputs + ["--no-area", "--out", folder.appendingPathComponent("empirical").path])
        #expect(empirical.exitCode == 0, "stderr: \(empirical.stderr)")
        var outputs: [[Data]] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("terrain-\(threads)")
            let result = try CLI.run(["report"] + inputs + ["--terrain", SharedTerrain.folder, "--threads", threads, "--out", out.path])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains("Terrain: \(SharedTerrain.folder) (1 tiles), combine = max, profile step 90 m"))
            outputs.append(try ["summary.json", "villages.csv", "deadzones.csv", "unpowered.csv", "sites.csv", "report.html"].map {
                try Data(contentsOf: out.appendingPathComponent($0))
            })
        }
        #expect(outputs[0] == outputs[1])
        let before = try Self.column("connected", of: folder.appendingPathComponent("empirical/villages.csv").path)
        let after = try Self.column("connected", of: folder.appendingPathComponent("terrain-1/villages.csv").path)
        let reasons = try Self.column("reason", of: folder.appendingPathComponent("terrain-1/deadzones.csv").path)
        let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed.count > 0)
        for village in changed {
            #expect(before[village] == "true" && after[village] == "false", "\(village): terrain may only remove coverage with combine = max")
            #expect(reasons[village]?.hasPrefix("terrain_shadow") == true, "\(village): \(reasons[village] ?? "not listed")")
        }
        #expect(reasons.values.filter { $0.hasPrefix("terrain_shadow") }.count == changed.count)
        let summary = try JSONSerialization.jsonObject(with: outputs[0][0]) as? [String: Any]
        let terrain = try #require(summary?["terrain"] as? [String: Any])
        #expect(terrain["villages_changed"] as? Int == changed.count)
        #expect(terrain["villages_terrain_shadow"] as? Int == changed.count)
        #expect((terrain["profiles"] as? Int ?? 0) > 0)
        #expect(terrain["void_samples"] is Int && terrain["itm_warning_pairs"] is [String: Int])
    }
}
