import Foundation
import PhusongTestSupport
import Testing

/// What the tests of rasters over the real tile share: GDAL's `gdal_translate` (Debian
/// gdal-bin), which converts the tile and reads GeoTIFFs back, and the Tam Đảo window's inputs.
extension SharedTerrain {
    static let gdalTranslate = GDALTool("gdal_translate")

    /// The tile, the national scenario and gdal_translate are all there.
    static var hasNationalAndTranslate: Bool { hasNational && gdalTranslate != nil }

    static let translateSkipReason: Comment =
        "skipped: needs ../shared/geodata (vn-dem-srtm3, vn-national-2025; set PHUSONG_SHARED to its parent) and gdal_translate (Debian gdal-bin)"

    /// The national scenario's villages of the Tam Đảo window (21.45–21.60° N,
    /// 105.50–105.65° E) and cells of the tile N21E105, written into `folder`: the `--villages`
    /// and `--cells` arguments.
    static func tamDaoInputs(in folder: URL) throws -> [String] {
        let villages = folder.appendingPathComponent("villages.csv").path
        let cells = folder.appendingPathComponent("cells.csv").path
        try TerrainReportTests.subset(national + "/villages.csv", latitudes: 21.45...21.6, longitudes: 105.5...105.65)
            .write(toFile: villages, atomically: true, encoding: .utf8)
        try TerrainReportTests.subset(national + "/cells.csv", latitudes: 21...22, longitudes: 105...106)
            .write(toFile: cells, atomically: true, encoding: .utf8)
        return ["--villages", villages, "--cells", cells]
    }
}
