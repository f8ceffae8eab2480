import Foundation
import PhusongTestSupport
import Testing

private let gdalinfo = GDALTool("gdalinfo")

@Suite("phusong raster, end to end")
struct RasterCommandTests {
    /// A province box over part of the embedded data's Điện Biên (code 11), as GeoJSON.
    static let admin = """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "11", "name": "Điện Biên"},
         "geometry": {"type": "Polygon", "coordinates": [[[102.2, 21.0], [102.9, 21.0], [102.9, 22.7], [102.2, 22.7], [102.2, 21.0]]]}}]}
        """

    @Test("--bbox at 500 m on the default data: a GeoTIFF gdalinfo reads; the same bytes with 1 and 2 threads")
    func bboxRaster() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.tif").path
        let result = try CLI.run(["raster", "--bbox", "102.4,21.6,103.0,22.0", "--resolution", "500m", "--out", one, "--threads", "1"],
                                 in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Wrote \(one) (124 × 89 pixels"), "stderr: \(result.stderr)")
        let two = folder.appendingPathComponent("two.tif").path
        let again = try CLI.run(["raster", "--bbox", "102.4,21.6,103.0,22.0", "--resolution", "0.5km", "--out", two, "--threads", "2"],
                                in: CLI.repository.path)
        #expect(again.exitCode == 0, "stderr: \(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: one)) == Data(contentsOf: URL(fileURLWithPath: two)))
        guard let gdalinfo else { print("skipped the gdalinfo checks: gdal-bin is not installed"); return }
        let info = try gdalinfo.json(["-json", "-stats", one]).object
        #expect(((info["coordinateSystem"] as? [String: Any])?["wkt"] as? String)?.contains(#"ID["EPSG",4326]"#) == true)
        let corners = info["cornerCoordinates"] as? [String: [Double]]
        #expect(corners?["upperLeft"] == [102.4, 22.0] && corners?["lowerRight"] == [103.0, 21.6])
        let bands = info["bands"] as? [[String: Any]] ?? []
        #expect(bands.map { $0["type"] as? String } == ["Float32", "Float32"])
        #expect(bands.map { $0["noDataValue"] as? Double } == [-9999, -9999])
        #expect(bands.map { ($0["overviews"] as? [Any])?.count } == [1, 1], "124 × 89 pixels: one overview")
        #expect(bands.allSatisfy { ($0["maximum"] as? Double).map { $0 > -140 && $0 < 0 } == true }, "RSRP statistics, dBm")
        let structure = (info["metadata"] as? [String: Any])?["IMAGE_STRUCTURE"] as? [String: String]
        #expect(structure?["LAYOUT"] == "COG")
    }

    @Test("--province NAME --admin FILE: the province's box is the extent")
    func provinceRaster() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let admin = try Self.writeAdmin(in: folder)
        let out = folder.appendingPathComponent("dien-bien.tif").path
        let result = try CLI.run(["raster", "--province", "dien bien", "--admin", admin.path, "--resolution", "1km", "--out", out],
                                 in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Province 11: 102.2,21.0,102.9,22.7"), "stderr: \(result.stderr)")
        guard let gdalinfo else { print("skipped the gdalinfo checks: gdal-bin is not installed"); return }
        let corners = try gdalinfo.json(["-json", out]).object["cornerCoordinates"] as? [String: [Double]]
        #expect(corners?["upperLeft"] == [102.2, 22.7] && corners?["lowerRight"] == [102.9, 21.0])
    }

    @Test("usage errors exit 64 with a message naming the value and the limit", arguments: [
        (["--bbox", "103,21,102,22", "--resolution", "100m"], "MINLON (103.0) must be less than MAXLON (102.0)"),
        (["--bbox", "102,21,103", "--resolution", "100m"], "give four numbers MINLON,MINLAT,MAXLON,MAXLAT"),
        (["--bbox", "102,21,103,95", "--resolution", "100m"], "latitudes must lie within -90…90 degrees"),
        (["--bbox", "102,21,103,22", "--resolution", "5m"], "resolution 5.0 m is outside the allowed range 10 m…100000 m"),
        (["--bbox", "102,21,103,22", "--resolution", "100"], "give metres or kilometres with the unit, e.g. 100m or 1km"),
        (["--bbox", "102,8,110,24", "--resolution", "10m"], "exceeds the limit of 25000000 pixels"),
        (["--province", "Điện Biên", "--resolution", "100m"], "--province needs --admin FILE"),
        (["--resolution", "100m"], "give either --bbox or --province"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("x.tif").path
        let result = try CLI.run(["raster"] + arguments + ["--out", out], in: CLI.repository.path)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("an unknown province is the lists' unknown-area error (64), with the closest provinces")
    func unknownProvince() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let admin = try Self.writeAdmin(in: folder)
        let out = folder.appendingPathComponent("x.tif").path
        let result = try CLI.run(["raster", "--province", "Atlantis", "--admin", admin.path, "--resolution", "1km", "--out", out],
                                 in: CLI.repository.path)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains(#"--province "Atlantis": no province"#) && result.stderr.contains("Điện Biên (11)"),
                "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("--out must be a GeoTIFF")
    func outChecks() throws {
        let wrong = try CLI.run(["raster", "--bbox", "102,21,103,22", "--resolution", "1km", "--out", "coverage.png"])
        #expect(wrong.exitCode == 64 && wrong.stderr.contains("give a .tif or .tiff file"))
    }

    /// Writes ``admin`` into `folder`.
    static func writeAdmin(in folder: URL) throws -> URL {
        let admin = folder.appendingPathComponent("admin.geojson")
        try Data(Self.admin.utf8).write(to: admin)
        return admin
    }
}
