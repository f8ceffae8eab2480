import Foundation
import Testing

/// `phusong raster --terrain` on a window of the Tam Đảo range (21.45–21.60° N,
/// 105.50–105.65° E) with the national scenario's cells of the tile N21E105: each pixel's
/// RSRP is the terrain model's best server (combine = max), never above the flat model's.
@Suite("raster --terrain over N21E105", .enabled(if: SharedTerrain.hasNationalAndTranslate, SharedTerrain.translateSkipReason))
struct RasterTerrainTests {
    static let bbox = "105.50,21.45,105.65,21.60"

    /// Band `band` (1 or 2) of a GeoTIFF, pixel by pixel, read back with GDAL's own tool.
    static func pixels(_ tif: String, band: Int, folder: URL) throws -> [Double] {
        let tool = try #require(SharedTerrain.gdalTranslate)
        let xyz = folder.appendingPathComponent("band.xyz").path
        let result = try tool.run(["-q", "-b", "\(band)", "-of", "XYZ", tif, xyz])
        try #require(result.status == 0, "gdal_translate: \(result.errors)")
        defer { try? FileManager.default.removeItem(atPath: xyz) }
        return try String(contentsOfFile: xyz, encoding: .utf8).split(separator: "\n").map { line in
            try #require(line.split(separator: " ").last.flatMap { Double($0) }, "\(line)")
        }
    }

    @Test("terrain pixels ≤ flat pixels with combine = max, some strictly lower; the same bytes for 1 and 2 threads")
    // 2.5 km pixels keep the debug build's run short; TerrainRasterValuesTests checks the
    // values against the village search and the chunked parallel join on a synthetic ridge.
    func tamDaoWindow() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = ["raster"] + (try SharedTerrain.tamDaoInputs(in: folder)) + ["--bbox", Self.bbox, "--resolution", "2500m"]
        let flat = folder.appendingPathComponent("flat.tif").path
        let flatRun = try CLI.run(inputs + ["--out", flat])
        #expect(flatRun.exitCode == 0, "stderr: \(flatRun.stderr)")
        var terrain: [String] = []
        for threads in ["1", "2"] {
            let out = folder.appendingPathComponent("terrain-\(threads).tif").path
            let result = try CLI.run(inputs + ["--terrain", SharedTerrain.folder, "--threads", threads, "--out", out])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("Terrain: \(SharedTerrain.folder) (1 tiles), combine = max, profile step 90 m"), "stderr: \(result.stderr)")
            terrain.append(out)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: terrain[0])) == Data(contentsOf: URL(fileURLWithPath: terrain[1])))
        #expect(try Data(contentsOf: URL(fileURLWithPath: terrain[0])) != Data(contentsOf: URL(fileURLWithPath: flat)))
        var lower = 0
        for band in [1, 2] {
            let before = try Self.pixels(flat, band: band, folder: folder)
            let after = try Self.pixels(terrain[0], band: band, folder: folder)
            #expect(before.count == 7 * 7 && after.count == before.count)
            for (index, (empirical, overTerrain)) in zip(before, after).enumerated() {
                // −9999 (nodata) where no cell of the technology is in range: the same pixels.
                #expect((empirical == -9999) == (overTerrain == -9999), "band \(band) pixel \(index)")
                #expect(overTerrain <= empirical, "band \(band) pixel \(index): \(overTerrain) dBm over terrain, \(empirical) flat")
                if overTerrain < empirical { lower += 1 }
            }
        }
        #expect(lower > 0)
    }

    @Test("a window reaching beyond the tile stops naming the missing tile (exit 65), as the report does")
    func outsideTerrain() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("x.tif").path
        let result = try CLI.run(["raster", "--bbox", "104.95,21.5,105.05,21.55", "--resolution", "2km", "--terrain", SharedTerrain.folder,
                                  "--out", out] + (try SharedTerrain.tamDaoInputs(in: folder)))
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("missing tiles: N21E104.hgt"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
