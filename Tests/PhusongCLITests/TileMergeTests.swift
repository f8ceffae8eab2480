import Foundation
import PhusongTestSupport
import Testing

/// What the tiled-run tests share: running `report --tile … --partial` over a grid of tiles,
/// `merge`, and comparing the merged folder with `report`'s, file by file (docs/tiles.md).
enum TileRuns {
    /// The report's files: all of them are compared; none is excluded as run metadata.
    static let reportFiles = [
        "summary.json", "villages.csv", "provinces.csv", "communes.csv", "operators.csv", "sites.csv",
        "deadzones.csv", "unpowered.csv", "report.xlsx", "report.html",
    ]

    /// The tiles of a grid cut at `lons` and `lats` (each list from the west/south edge to the
    /// east/north edge), as `--tile` values, west to east then south to north.
    static func grid(lons: [Double], lats: [Double]) -> [String] {
        var tiles: [String] = []
        for (south, north) in zip(lats, lats.dropFirst()) {
            for (west, east) in zip(lons, lons.dropFirst()) { tiles.append("\(west),\(south),\(east),\(north)") }
        }
        return tiles
    }

    /// Runs one partial per tile into `folder/name-i` and returns the folders.
    static func partials(_ inputs: [String], tiles: [String], in folder: URL, name: String, threads: String) throws -> [String] {
        try tiles.enumerated().map { index, tile in
            let out = folder.appendingPathComponent("\(name)-\(index)").path
            let result = try CLI.run(["report"] + inputs + ["--tile", tile, "--partial", "--threads", threads, "--quiet", "--out", out])
            #expect(result.exitCode == 0, "tile \(tile): \(result.stderr)")
            return out
        }
    }

    /// Each file of the two report folders that differs (empty: byte-identical).
    static func differences(_ a: URL, _ b: URL) throws -> [String] {
        try reportFiles.filter { name in
            try Data(contentsOf: a.appendingPathComponent(name)) != Data(contentsOf: b.appendingPathComponent(name))
        }
    }

    /// `indicators.json`'s `indicators` object of a partial.
    static func indicators(_ partial: String) throws -> [String: Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: partial + "/indicators.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(document["indicators"] as? [String: Int])
    }
}

/// The Điện Biên subset (1,100 villages, 1,545 cells) with the province boundaries, cut into
/// tiles and merged: the same bytes as one `report`, flat, with area coverage.
@Suite("report --tile --partial and merge: the Điện Biên subset",
       .enabled(if: SharedData.has("vn-national-2025/subset-dienbien") && SharedData.has("vn-admin-2025/vn_provinces_34_simplified.geojson"),
                SharedData.skipReason),
       .serialized)
struct TileMergeTests {
    static let subset = SharedData.path("vn-national-2025/subset-dienbien")
    static let inputs = ["--villages", subset + "/villages.csv", "--cells", subset + "/cells.csv",
                         "--admin", SharedData.path("vn-admin-2025/vn_provinces_34_simplified.geojson"), "--month", "2026-05"]
    /// 4 tiles (2 × 2) and 9 tiles (3 × 3) over the subset (lon 102.17–103.57, lat 20.90–22.55),
    /// cut through its villages; the outer edges lie beyond every village and cell.
    static let four = TileRuns.grid(lons: [101, 102.9, 105], lats: [20, 21.7, 23.5])
    static let nine = TileRuns.grid(lons: [101, 102.6, 103.1, 105], lats: [20, 21.4, 22.0, 23.5])

    @Test("4 and 9 tiles, tiles on 1 and 2 threads, merged on 2 and 1: every file equals report's, byte for byte",
          arguments: [(four, "2", "1"), (nine, "1", "2")])
    func mergedEqualsWhole(tiles: [String], tileThreads: String, mergeThreads: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole")
        let report = try CLI.run(["report"] + Self.inputs + ["--quiet", "--out", whole.path])
        #expect(report.exitCode == 0, "\(report.stderr)")
        let partials = try TileRuns.partials(Self.inputs, tiles: tiles, in: folder, name: "tile", threads: tileThreads)
        let merged = folder.appendingPathComponent("merged")
        let merge = try CLI.run(["merge"] + partials + ["--threads", mergeThreads, "--out", merged.path])
        #expect(merge.exitCode == 0, "\(merge.stderr)")
        #expect(try TileRuns.differences(whole, merged) == [])
        // Every village in one tile (the south-west tile of the 9 holds none: an empty partial
        // merges like any other); the additive indicators add up to the national ones, the
        // sites (all inside the tiles) to all of them.
        let sums = try partials.map(TileRuns.indicators).reduce(into: [String: Int]()) { total, tile in
            for (key, value) in tile { total[key, default: 0] += value }
        }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: whole.appendingPathComponent("summary.json"))) as? [String: Any])
        let national = try #require(summary["national"] as? [String: Any])
        #expect(sums["villages"] == 1_100)
        for key in ["villages", "villages_connected", "villages_dead_zone", "population", "population_covered_4g", "population_covered_5g",
                    "stations_4g", "stations_5g"] {
            #expect(sums[key] == national[key] as? Int, "\(key)")
        }
        #expect(try partials.map { try TileRuns.indicators($0)["villages"] ?? -1 }.filter { $0 == 0 }.count == (tiles.count == 9 ? 1 : 0))
    }

    @Test("a missing tile, overlapping tiles, a tile given twice, partials of other inputs or a changed input: exit 65 naming them")
    func refusals() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of the villages, so that it can be changed after the tiles ran.
        let villages = folder.appendingPathComponent("villages.csv").path
        try FileManager.default.copyItem(atPath: Self.subset + "/villages.csv", toPath: villages)
        var inputs = Self.inputs
        inputs[1] = villages
        let partials = try TileRuns.partials(inputs, tiles: Self.four, in: folder, name: "tile", threads: "2")
        let out = folder.appendingPathComponent("merged").path

        let missing = try CLI.run(["merge"] + partials.dropLast() + ["--out", out])
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("villages are in no partial given (a tile is missing)"), "\(missing.stderr)")
        #expect(missing.stderr.contains("Tiles given: 101.0,20.0,102.9,21.7 102.9,20.0,105.0,21.7 101.0,21.7,102.9,23.5"), "\(missing.stderr)")

        let twice = try CLI.run(["merge"] + partials + [partials[0], "--out", out])
        #expect(twice.exitCode == 65)
        #expect(twice.stderr.contains("tiles overlap: \(partials[0]) (tile 101.0,20.0,102.9,21.7) and \(partials[0])"), "\(twice.stderr)")

        let wide = try TileRuns.partials(inputs, tiles: ["102.5,20,103.5,23.5"], in: folder, name: "wide", threads: "1")
        let overlap = try CLI.run(["merge"] + partials + wide + ["--out", out])
        #expect(overlap.exitCode == 65)
        #expect(overlap.stderr.contains("tiles overlap: \(partials[0]) (tile 101.0,20.0,102.9,21.7) and \(wide[0]) (tile 102.5,20.0,103.5,23.5)"),
                "\(overlap.stderr)")

        let other = try TileRuns.partials(Self.inputs, tiles: [Self.four[3]], in: folder, name: "other", threads: "1")
        let mixed = try CLI.run(["merge"] + partials.dropLast() + other + ["--out", out])
        #expect(mixed.exitCode == 65)
        #expect(mixed.stderr.contains("\(partials[0]) and \(other[0]) come from different runs: their villages file"), "\(mixed.stderr)")

        let month = try CLI.run(["report"] + inputs.dropLast(2) + ["--month", "2026-06", "--tile", Self.four[3], "--partial", "--quiet",
                                                                 "--out", folder.appendingPathComponent("june").path])
        #expect(month.exitCode == 0, "\(month.stderr)")
        let months = try CLI.run(["merge"] + partials.dropLast() + [folder.appendingPathComponent("june").path, "--out", out])
        #expect(months.exitCode == 65)
        #expect(months.stderr.contains("their report options"), "\(months.stderr)")

        var text = try String(contentsOfFile: villages, encoding: .utf8)
        text = text.replacingOccurrences(of: ",346,99,", with: ",347,99,")
        try text.write(toFile: villages, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["merge"] + partials + ["--out", out])
        #expect(changed.exitCode == 65)
        #expect(changed.stderr.contains("\(villages) changed since the tiles ran"), "\(changed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written when the merge is refused")

        let notPartial = try CLI.run(["merge", folder.appendingPathComponent("nothing").path, "--out", out])
        #expect(notPartial.exitCode == 66)
        #expect(notPartial.stderr.contains("not a complete partial (manifest.json)"), "\(notPartial.stderr)")
    }

    @Test("usage: --tile without --partial, --partial without --tile, a bad tile, --partial with --plan: exit 64")
    func usage() throws {
        for arguments in [["--tile", "102,20,103,21"], ["--partial"], ["--tile", "103,20,102,21", "--partial"],
                          ["--tile", "102,20,103", "--partial"], ["--tile", "102,20,103,21", "--partial", "--plan", "out/plan"]] {
            let result = try CLI.run(["report"] + Self.inputs + arguments + ["--out", "/nonexistent/out"])
            #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
        }
    }
}

/// The Tam Đảo window of the national scenario over the real SRTM tile N21E105, with terrain,
/// cut into 4 tiles and merged: the same bytes as one `report --terrain`.
@Suite("report --tile --partial and merge: terrain over N21E105", .enabled(if: SharedTerrain.hasNational, SharedTerrain.skipReason))
struct TileMergeTerrainTests {
    @Test("4 tiles with --terrain merged equal report --terrain, every file; the terrain counts add up")
    func terrainMergedEqualsWhole() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try TerrainReportTests.writeTamDaoInputs(in: folder) + ["--terrain", SharedTerrain.folder, "--month", "2026-05"]
        let whole = folder.appendingPathComponent("whole")
        // A merged report has no coverage overlay (docs/tiles.md): the whole run leaves it out too.
        let report = try CLI.run(["report"] + inputs + ["--no-overlay", "--quiet", "--out", whole.path])
        #expect(report.exitCode == 0, "\(report.stderr)")
        let tiles = TileRuns.grid(lons: [105, 105.6, 106], lats: [21, 21.5, 22])
        let partials = try TileRuns.partials(inputs, tiles: tiles, in: folder, name: "tile", threads: "2")
        let merged = folder.appendingPathComponent("merged")
        let merge = try CLI.run(["merge"] + partials + ["--out", merged.path])
        #expect(merge.exitCode == 0, "\(merge.stderr)")
        #expect(try TileRuns.differences(whole, merged) == [])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: whole.appendingPathComponent("summary.json"))) as? [String: Any])
        let terrain = try #require(summary["terrain"] as? [String: Any])
        var profiles = 0
        for partial in partials {
            let data = try Data(contentsOf: URL(fileURLWithPath: partial + "/indicators.json"))
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            profiles += try #require((document["terrain"] as? [String: Any])?["profiles"] as? Int)
        }
        #expect(profiles > 0 && profiles == terrain["profiles"] as? Int)
        let tileFiles = try #require(terrain["tiles"] as? [[String: Any]])
        #expect(tileFiles.first?["sha256"] is String, "the tile read is listed with its checksum, as by report")
    }
}
