import GDALKit
import PhusongCoverage
import PhusongSupport

/// Writes a coverage raster as a Cloud-Optimised GeoTIFF (GDAL's COG driver) for QGIS and
/// GDAL: two float32 bands, best 4G RSRP then best 5G RSRP (dBm), nodata
/// `CoverageRasterValues.noData` (−9999) where no cell is in range, EPSG:4326, the grid's box as
/// the exact extent, DEFLATE compression with the floating-point predictor, 256 × 256
/// tiles, and overviews by factors of 2 until the smallest fits in one tile (at least one).
///
/// Overviews are built with nearest-neighbour resampling, so each overview pixel is the RSRP
/// of a full-resolution pixel centre (a mean of decibels would be no computed figure). The
/// raster is built in memory and written from the calling task only (GDAL datasets are not
/// shared between threads), to a temporary file renamed into place (`AtomicFile`). The
/// bytes depend only on the grid and the values (tested).
public enum CoverageRasterFile {
    /// Side of the GeoTIFF's square tiles, pixels.
    static let tileSize = 256

    /// Writes the raster.
    /// - Parameters:
    ///   - values: The two bands.
    ///   - grid: Their pixels and extent.
    ///   - path: The `.tif` file to write (replaced whole).
    /// - Throws: `OutputError` when the file cannot be written.
    public static func write(_ values: CoverageRasterValues, grid: CoverageGrid, to path: String) throws(OutputError) {
        try AtomicFile.write(to: path) { (temporary: String) throws(OutputError) in
            do throws(GDALError) {
                let raster = try makeRaster(values, grid: grid)
                try raster.copy(to: temporary, driver: "COG", options: [
                    "COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=\(tileSize)", "OVERVIEWS=FORCE_USE_EXISTING",
                ])
            } catch {
                throw OutputError(path: path, reason: "cannot write the coverage raster: \(error.message)")
            }
        }
    }

    /// The in-memory raster with its georeferencing, bands and overviews.
    static func makeRaster(_ values: CoverageRasterValues, grid: CoverageGrid) throws(GDALError) -> RasterDataset {
        let raster = try RasterDataset(float32Width: grid.columns, height: grid.rows, bandCount: 2)
        try raster.setGeoTransform(GeoTransform(
            originX: grid.box.minLon, originY: grid.box.maxLat, pixelWidth: grid.pixelWidthDeg, pixelHeight: grid.pixelHeightDeg))
        try raster.setSpatialReference(SpatialReference.wgs84())
        let bands = [("best 4G RSRP (dBm)", values.lte), ("best 5G RSRP (dBm)", values.nr)]
        for (index, band) in bands.enumerated() {
            try raster.describeBand(index, noData: Double(CoverageRasterValues.noData), description: band.0)
            try raster.write(band.1, band: index, firstRow: 0)
        }
        try raster.buildOverviews(factors: overviewFactors(columns: grid.columns, rows: grid.rows), resampling: "NEAREST")
        return raster
    }

    /// 2, 4, 8, … until the overview's longer side fits in one tile, and at least 2 when the
    /// raster is more than one pixel wide or high (a small raster still has an overview, as
    /// a Cloud-Optimised GeoTIFF is expected to); none for a single pixel.
    static func overviewFactors(columns: Int, rows: Int) -> [Int] {
        let longest = max(columns, rows)
        guard longest > 1 else { return [] }
        var factors = [2]
        var side = (longest + 1) / 2
        while side > tileSize {
            let factor = 2 * (factors.last ?? 1)
            factors.append(factor)
            side = (longest + factor - 1) / factor
        }
        return factors
    }
}
