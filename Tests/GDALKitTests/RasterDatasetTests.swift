import Foundation
import GDALKit
import PhusongTestSupport
import Testing

/// Creating rasters: float32 bands, nodata, geotransform, CRS, overviews, a Cloud-Optimised
/// GeoTIFF copy read back.
@Suite struct RasterDatasetTests {
    @Test func writesACloudOptimisedGeoTIFFAndReadsItBack() throws {
        let files = try TemporaryFiles()
        defer { files.remove() }
        let raster = try RasterDataset(float32Width: 600, height: 300, bandCount: 2)
        let transform = GeoTransform(originX: 102.5, originY: 22.5, pixelWidth: 0.001, pixelHeight: 0.002)
        try raster.setGeoTransform(transform)
        try raster.setSpatialReference(SpatialReference.wgs84())
        let first = (0..<(600 * 300)).map { Float($0 % 1000) - 120.5 }
        var second = [Float](repeating: -9999, count: 600 * 300)
        second[600 * 299 + 599] = -87.25
        try raster.describeBand(0, noData: -9999, description: "4G")
        try raster.describeBand(1, noData: -9999, description: "5G")
        try raster.write(first, band: 0, firstRow: 0)
        try raster.write(second, band: 1, firstRow: 0)
        #expect(try raster.read(band: 0, rows: 10..<12) == Array(first[6000..<7200]))
        try raster.buildOverviews(factors: [2, 4], resampling: "NEAREST")
        let path = files.path("r.tif")
        try raster.copy(to: path, driver: "COG", options: ["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256", "OVERVIEWS=FORCE_USE_EXISTING"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.folder.path) == ["r.tif"], "no temporary files")

        let read = try RasterDataset(readingAt: path)
        #expect(read.width == 600 && read.height == 300 && read.bandCount == 2)
        #expect(read.geoTransform == transform)
        #expect(read.spatialReference?.isWGS84LonLat == true)
        #expect(try read.noData(band: 0) == -9999)
        #expect(try read.overviewCount(band: 1) == 2)
        #expect(try read.read(band: 0, rows: 0..<300) == first)
        #expect(try read.read(band: 1, rows: 299..<300).last == -87.25)
    }

    @Test func badSizesAndRowsAreRefused() throws {
        #expect(throws: GDALError.self) { try RasterDataset(float32Width: 0, height: 5, bandCount: 1) }
        #expect(throws: GDALError.self) { try RasterDataset(float32Width: Int(Int32.max) + 1, height: 1, bandCount: 1) }
        let raster = try RasterDataset(float32Width: 4, height: 2, bandCount: 1)
        #expect {
            try raster.write([1, 2, 3], band: 0, firstRow: 0)
        } throws: { error in
            (error as? GDALError)?.message == "3 values from row 0 are not whole rows of a 4 × 2 raster"
        }
        #expect(throws: GDALError.self) { try raster.write([1, 2, 3, 4], band: 0, firstRow: 2) }
        #expect(throws: GDALError.self) { try raster.write([1, 2, 3, 4], band: 1, firstRow: 0) }
        #expect(throws: GDALError.self) { try raster.buildOverviews(factors: [1], resampling: "NEAREST") }
        #expect {
            try raster.copy(to: "/nonexistent/phusong/r.tif", driver: "COG")
        } throws: { error in
            guard let error = error as? GDALError else { return false }
            return error.operation == "GDALCreateCopy" && !error.message.isEmpty
        }
    }
}
