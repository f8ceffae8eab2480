import Foundation
import Testing

/// `report --terrain` adds the terrain overlay to report.html's map: on the Tam Đảo window of
/// the real tile N21E105 its shadow layer counts exactly the pixels that `raster` (flat) covers
/// and `raster --terrain` does not, over the same box and resolution; `--overlay FILE` shows a
/// raster of `phusong raster` and refuses other files.
@Suite("report --terrain: the terrain overlay over N21E105", .enabled(if: SharedTerrain.hasNationalAndTranslate, SharedTerrain.translateSkipReason))
struct TerrainOverlayTests {
    /// `map.overlay` of the page's embedded JSON.
    static func overlay(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let end = try #require(html[start.upperBound...].range(of: "</script>"))
        let json = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        let map = try #require(json?["map"] as? [String: Any])
        return try #require(map["overlay"] as? [String: Any], "no overlay in the page")
    }

    @Test("the shadow layer's pixels are those raster covers flat and not over terrain (−110 dBm), and there are some")
    func shadowMatchesRasters() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try SharedTerrain.tamDaoInputs(in: folder)
        let out = folder.appendingPathComponent("report")
        let report = try CLI.run(["report"] + inputs + ["--terrain", SharedTerrain.folder, "--overlay-resolution", "2500m", "--lang", "en",
                                                        "--out", out.path])
        #expect(report.exitCode == 0, "stderr: \(report.stderr)")
        #expect(report.stderr.contains("Terrain overlay: "), "stderr: \(report.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let overlay = try Self.overlay(html)
        let bounds = try #require(overlay["bounds"] as? [[Double]])
        let layers = try #require(overlay["layers"] as? [[String: Any]])
        #expect(layers.compactMap { $0["key"] as? String } == ["lte", "nr", "shadow"])
        for layer in layers {
            #expect((layer["image"] as? String)?.hasPrefix("data:image/png;base64,iVBORw0KGgo") == true, "a PNG data URL")
        }
        #expect(html.contains("data-layer=\"overlay-shadow\" checked"), "the shadow layer is on when the page opens")
        #expect(html.contains("Coverage over terrain"))

        // The same pixels by `raster`, flat and over the terrain.
        let bbox = "\(bounds[0][1]),\(bounds[0][0]),\(bounds[1][1]),\(bounds[1][0])"
        var bands: [[Double]] = []
        for (name, extra) in [("flat", [String]()), ("terrain", ["--terrain", SharedTerrain.folder])] {
            let tif = folder.appendingPathComponent(name + ".tif").path
            let result = try CLI.run(["raster"] + inputs + extra + ["--bbox", bbox, "--resolution", "2500m", "--out", tif])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            for band in [1, 2] { bands.append(try RasterTerrainTests.pixels(tif, band: band, folder: folder)) }
        }
        let (flat4G, flat5G, terrain4G, terrain5G) = (bands[0], bands[1], bands[2], bands[3])
        var shadow = 0, lower = 0
        for index in flat4G.indices {
            let lost4G = flat4G[index] >= -110 && terrain4G[index] < -110, lost5G = flat5G[index] >= -110 && terrain5G[index] < -110
            if lost4G || lost5G { shadow += 1 }
            if terrain4G[index] < flat4G[index] || terrain5G[index] < flat5G[index] { lower += 1 }
        }
        let shadowLayer = try #require(layers.first { $0["key"] as? String == "shadow" })
        #expect(shadow > 0, "the Tam Đảo window has terrain shadow")
        #expect(lower >= shadow)
        #expect(shadowLayer["pixels"] as? Int == shadow)
        #expect(html.contains("Terrain shadow (\(shadow) pixels)"))
        // The 4G layer colours every pixel with a 4G cell in range.
        let lteLayer = try #require(layers.first { $0["key"] as? String == "lte" })
        #expect(lteLayer["pixels"] as? Int == terrain4G.filter { $0 != -9999 }.count)

        // --overlay shows the terrain raster itself (no shadow layer).
        let shown = folder.appendingPathComponent("shown")
        let withFile = try CLI.run(["report"] + inputs + ["--no-area", "--overlay", folder.appendingPathComponent("terrain.tif").path,
                                                          "--out", shown.path])
        #expect(withFile.exitCode == 0, "stderr: \(withFile.stderr)")
        let fileOverlay = try Self.overlay(try String(contentsOf: shown.appendingPathComponent("report.html"), encoding: .utf8))
        let fileLayers = try #require(fileOverlay["layers"] as? [[String: Any]])
        #expect(fileLayers.compactMap { $0["key"] as? String } == ["lte", "nr"])
        #expect(fileLayers.first?["pixels"] as? Int == terrain4G.filter { $0 != -9999 }.count)
        #expect((fileOverlay["bounds"] as? [[Double]]).map { zip($0.joined(), bounds.joined()).allSatisfy { abs($0 - $1) < 1e-9 } } == true)
    }

    @Test("--overlay refuses a file that is not a coverage raster (65) and a missing one (66), writing nothing")
    func refusesOtherFiles() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try SharedTerrain.tamDaoInputs(in: folder)
        // The elevation tile: a raster GDAL reads, one band.
        let tile = try CLI.run(["report"] + inputs + ["--no-area", "--overlay", SharedTerrain.folder + "/N21E105.hgt",
                                                      "--out", folder.appendingPathComponent("a").path])
        #expect(tile.exitCode == 65)
        #expect(tile.stderr.contains("N21E105.hgt: not a coverage raster of `phusong raster`: 1 bands"), "stderr: \(tile.stderr)")
        let missing = try CLI.run(["report"] + inputs + ["--no-area", "--overlay", folder.appendingPathComponent("none.tif").path,
                                                         "--out", folder.appendingPathComponent("b").path])
        #expect(missing.exitCode == 66, "stderr: \(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/report.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b/report.html").path))
        let usage = try CLI.run(["report"] + inputs + ["--overlay-resolution", "1km", "--out", folder.appendingPathComponent("c").path])
        #expect(usage.exitCode == 64)
        #expect(usage.stderr.contains("--overlay-resolution needs --terrain PATH"), "stderr: \(usage.stderr)")
    }
}
