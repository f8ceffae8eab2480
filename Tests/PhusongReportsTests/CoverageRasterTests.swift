import Foundation
import GDALKit
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport
@testable import PhusongReports

private let gdalinfo = GDALTool("gdalinfo")

@Suite("Coverage raster: values from the engine, the Cloud-Optimised GeoTIFF read back")
struct CoverageRasterTests {
    /// Over Điện Biên's cells of the embedded default data, past their reach to the west
    /// (pixels without any cell in range), at 400 m: 285 × 139 pixels, enough for an overview.
    static let grid: CoverageGrid? = try? CoverageGrid(
        box: LonLatBox(minLon: 101.9, minLat: 21.5, maxLon: 103.0, maxLat: 22.0), resolutionM: 400)
    /// The grid's values with 2 threads, computed once for the tests that write them.
    static let values = Task { () async throws -> CoverageRasterValues in
        let run = try await HTMLReportFixture.defaultRun.value
        return try await CoverageRasterValues.compute(
            grid: try #require(grid), engine: run.engine, villages: run.inputs.scenario.villages, threads: 2)
    }
    let grid: CoverageGrid
    init() throws {
        grid = try #require(Self.grid)
    }

    @Test("every sampled pixel equals the engine's best RSRP at its centre; nodata where no cell is in range; any thread count")
    func valuesAreTheEnginesAtPixelCentres() async throws {
        let run = try await HTMLReportFixture.defaultRun.value
        let villages = run.inputs.scenario.villages
        let values = try await CoverageRasterValues.compute(grid: grid, engine: run.engine, villages: villages, threads: 1)
        #expect(values.lte.count == grid.pixelCount && values.nr.count == grid.pixelCount)
        #expect(values.lte.contains(CoverageRasterValues.noData) && values.lte.contains { $0 > -110 })
        #expect(values.nr.contains { $0 != CoverageRasterValues.noData })

        let index = VillageIndex(villages: villages)
        var sampled = 0
        for row in stride(from: 0, to: grid.rows, by: 37) {
            for column in stride(from: 0, to: grid.columns, by: 53) {
                let (lon, lat) = grid.centre(column: column, row: row)
                let areaType = index.nearest(lon: lon, lat: lat).map { villages[$0].areaType } ?? .rural
                let coverage = run.engine.coverage(of: Village(id: "pixel", lon: lon, lat: lat, population: 0, areaType: areaType))
                let pixel = row * grid.columns + column
                #expect(values.lte[pixel] == coverage.best4G.map { Float($0.rsrpDBm) } ?? -9999, "4G at \(column), \(row)")
                #expect(values.nr[pixel] == coverage.best5G.map { Float($0.rsrpDBm) } ?? -9999, "5G at \(column), \(row)")
                sampled += 1
            }
        }
        #expect(grid.columns == 285 && grid.rows == 139)
        #expect(sampled == 24)

        // 3 threads over chunks of 4 rows (1,140 pixels): 35 chunks joined in row order.
        let parallel = try await CoverageRasterValues.compute(
            grid: grid, engine: run.engine, villages: villages, threads: 3, chunkPixels: 1140)
        #expect(parallel == values)
        #expect(try await Self.values.value == values)
    }

    @Test("the GeoTIFF: two float32 bands, nodata, EPSG:4326, the exact extent, overviews, the same bytes twice")
    func fileReadBack() async throws {
        let values = try await Self.values.value
        let folder = try FeatureFixtures.temporaryFolder()
        let path = folder.appendingPathComponent("coverage.tif").path
        try CoverageRasterFile.write(values, grid: grid, to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["coverage.tif"])

        let raster = try RasterDataset(readingAt: path)
        #expect(raster.width == grid.columns && raster.height == grid.rows && raster.bandCount == 2)
        #expect(raster.geoTransform == GeoTransform(originX: 101.9, originY: 22.0, pixelWidth: grid.pixelWidthDeg, pixelHeight: grid.pixelHeightDeg))
        #expect(raster.spatialReference?.isWGS84LonLat == true)
        #expect(try raster.noData(band: 0) == -9999 && raster.noData(band: 1) == -9999)
        #expect(try raster.overviewCount(band: 0) == 1, "285 px → 143: one overview to fit a 256-pixel tile")
        #expect(try raster.read(band: 0, rows: 0..<grid.rows) == values.lte)
        #expect(try raster.read(band: 1, rows: 0..<grid.rows) == values.nr)

        let again = folder.appendingPathComponent("again.tif").path
        try CoverageRasterFile.write(values, grid: grid, to: again)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!bytes.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == bytes)
    }

    @Test("gdalinfo -json -stats reads it with the right CRS, extent and bands",
          .enabled(if: gdalinfo != nil, "skipped: gdalinfo (gdal-bin) is not installed"))
    func readByGDALInfo() async throws {
        let values = try await Self.values.value
        let path = try FeatureFixtures.temporaryFolder().appendingPathComponent("coverage.tif").path
        try CoverageRasterFile.write(values, grid: grid, to: path)
        let (result, info) = try #require(gdalinfo).json(["-json", "-stats", path])
        #expect(result.status == 0)
        let crs = (info["coordinateSystem"] as? [String: Any])?["wkt"] as? String ?? ""
        #expect(crs.contains(#"ID["EPSG",4326]"#))
        let corners = info["cornerCoordinates"] as? [String: [Double]]
        #expect(corners?["upperLeft"] == [101.9, 22.0])
        #expect(corners?["lowerRight"] == [103.0, 21.5])
        let bands = info["bands"] as? [[String: Any]] ?? []
        #expect(bands.map { $0["type"] as? String } == ["Float32", "Float32"])
        #expect(bands.map { $0["noDataValue"] as? Double } == [-9999, -9999])
        #expect(bands.map { $0["description"] as? String } == ["best 4G RSRP (dBm)", "best 5G RSRP (dBm)"])
        #expect(bands.map { ($0["overviews"] as? [Any])?.count } == [1, 1])
        let metadata = (info["metadata"] as? [String: Any])?["IMAGE_STRUCTURE"] as? [String: String]
        #expect(metadata?["LAYOUT"] == "COG" && metadata?["COMPRESSION"] == "DEFLATE")
        // gdalinfo's JSON gives the statistics to 3 decimals.
        let maximum = try #require(bands.first?["maximum"] as? Double)
        #expect(abs(maximum - Double(values.lte.max() ?? 0)) <= 0.0005)
        let minimum = try #require(bands.first?["minimum"] as? Double)
        #expect(abs(minimum - Double(values.lte.filter { $0 != -9999 }.min() ?? 0)) <= 0.0005,
                "nodata pixels are left out of the statistics")
    }

    @Test("overviews halve the raster until it fits one 256-pixel tile, at least one", arguments: [
        (1, 1, [Int]()), (2, 1, [2]), (124, 89, [2]), (256, 10, [2]), (285, 139, [2]), (513, 7, [2, 4]), (1025, 3, [2, 4, 8]),
    ])
    func overviewFactors(columns: Int, rows: Int, factors: [Int]) {
        #expect(CoverageRasterFile.overviewFactors(columns: columns, rows: rows) == factors)
    }
}
