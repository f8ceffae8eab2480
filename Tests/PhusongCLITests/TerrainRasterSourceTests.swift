import Foundation
import Testing

/// The real tile N21E105 converted by `gdal_translate` to GeoTIFF and DTED: `pathloss` and
/// `report --terrain` over the copies write what they write over the `.hgt`
/// (docs/specs/terrain-model.md, "Elevation data"; docs/terrain.md).
@Suite("--terrain over GeoTIFF and DTED", .enabled(if: SharedTerrain.hasNationalAndTranslate, SharedTerrain.translateSkipReason))
struct TerrainRasterSourceTests {
    /// The tile converted to `name` (GeoTIFF, or DTED for `.dt1`) in `folder`.
    static func convert(to name: String, in folder: URL) throws -> String {
        let tool = try #require(SharedTerrain.gdalTranslate)
        let path = folder.appendingPathComponent(name).path
        let format = name.hasSuffix(".dt1") ? "DTED" : "GTiff"
        let result = try tool.run(["-q", "-of", format, SharedTerrain.folder + "/N21E105.hgt", path])
        try #require(result.status == 0, "gdal_translate: \(result.errors)")
        return path
    }

    @Test("pathloss: the same losses.csv, byte for byte, over the .hgt, a GeoTIFF and a DTED copy")
    func pathloss() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try PathlossCommandTests.tamDao.write(toFile: pairs, atomically: true, encoding: .utf8)
        var outputs: [String: Data] = [:]
        for source in [SharedTerrain.folder, try Self.convert(to: "N21E105.tif", in: folder), try Self.convert(to: "N21E105.dt1", in: folder)] {
            let out = folder.appendingPathComponent("losses-\(outputs.count).csv").path
            let result = try CLI.run(["pathloss", "--terrain", source, "--pairs", pairs, "--out", out])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            outputs[source] = try Data(contentsOf: URL(fileURLWithPath: out))
        }
        let expected = try #require(outputs[SharedTerrain.folder])
        #expect(expected.count > 200)
        for (source, data) in outputs { #expect(data == expected, "\(source)") }
    }

    @Test("report --terrain over a GeoTIFF copy: the same village, dead-zone and site tables and terrain counts as over the .hgt")
    func report() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try SharedTerrain.tamDaoInputs(in: folder)
        let tif = try Self.convert(to: "N21E105.tif", in: folder)
        var terrainObjects: [[String: Any]] = []
        var tables: [[Data]] = []
        for (name, source) in [("hgt", SharedTerrain.folder), ("tif", tif)] {
            let out = folder.appendingPathComponent(name)
            let result = try CLI.run(["report"] + inputs + ["--terrain", source, "--out", out.path])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            tables.append(try ["villages.csv", "deadzones.csv", "unpowered.csv", "sites.csv"].map {
                try Data(contentsOf: out.appendingPathComponent($0))
            })
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
            terrainObjects.append(try #require(summary?["terrain"] as? [String: Any]))
        }
        #expect(tables[0] == tables[1])
        let counts = ["villages_changed", "villages_terrain_shadow", "profiles", "void_samples", "itm_errors_empirical_loss_used"]
        for key in counts { #expect(terrainObjects[0][key] as? Int == terrainObjects[1][key] as? Int, "\(key)") }
        #expect(terrainObjects[0]["itm_warning_pairs"] as? [String: Int] == terrainObjects[1]["itm_warning_pairs"] as? [String: Int])
        #expect((terrainObjects[0]["profiles"] as? Int ?? 0) > 0)
        #expect(terrainObjects[1]["source"] as? String == tif)
    }

    @Test("a .hgt and a GeoTIFF of the same area in one folder: exit 65 naming both files")
    func overlap() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tiles = folder.appendingPathComponent("dem")
        try FileManager.default.createDirectory(at: tiles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SharedTerrain.folder + "/N21E105.hgt", toPath: tiles.appendingPathComponent("N21E105.hgt").path)
        let tif = try Self.convert(to: "N21E105.tif", in: tiles)
        let pairs = folder.appendingPathComponent("pairs.csv").path
        try PathlossCommandTests.tamDao.write(toFile: pairs, atomically: true, encoding: .utf8)
        let result = try CLI.run(["pathloss", "--terrain", tiles.path, "--pairs", pairs, "--out", folder.appendingPathComponent("x.csv").path])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("\(tif): overlaps \(tiles.path)/N21E105.hgt"), "stderr: \(result.stderr)")
    }
}
