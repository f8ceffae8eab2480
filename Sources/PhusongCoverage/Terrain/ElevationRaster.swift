import Crypto
import Foundation
import GDALKit
import PhusongSupport

/// One elevation raster read through GDAL (GeoTIFF, DTED, any single-band raster in EPSG:4326
/// that a GDAL driver reads; docs/specs/terrain-model.md, "Elevation data"), held in memory as
/// an immutable grid of heights so that every thread reads it and no GDAL dataset is shared:
/// the dataset is opened, read whole and closed by the one call that loads it.
///
/// Heights are stored as float32 (GDAL converts on reading): exact for the 16-bit integers of
/// SRTM, DTED and most DEM GeoTIFFs and for float32 rasters; a float64 raster's heights are
/// rounded to float32 (at most 0.5 mm below 9,000 m). A pixel equal to the band's nodata value,
/// or NaN, is a void post.
///
/// A class, not a struct: a profile's loop holds the piece it is on, and one reference keeps
/// that hold as cheap as an SRTM tile's (immutable, so shared by every thread).
public final class ElevationRaster: Sendable {
    /// The raster's file.
    public let file: String
    /// Where its posts lie.
    public let layout: ElevationRasterLayout
    /// The posts, row by row from the north-west; NaN for a void.
    let heights: [Float]

    private init(file: String, layout: ElevationRasterLayout, heights: [Float]) {
        self.file = file
        self.layout = layout
        self.heights = heights
    }

    /// The most posts a raster may have: 100 million (400 MB in memory); a larger raster is to
    /// be cut into tiles first (e.g. `gdal_retile.py`).
    public static let maxPosts = 100_000_000

    /// The height at a point of the raster, by the contract's rule (`BilinearHeight`) over the
    /// posts around it: r0 = ⌊(north − lat)/Δlat⌋ and c0 = ⌊(lon − west)/Δlon⌋, each clamped to
    /// 0 … N − 2, with `north` and `west` the first row's and column's centres.
    /// - Parameters:
    ///   - latitude: degrees, within the raster's bounds.
    ///   - longitude: degrees, within the raster's bounds.
    /// - Returns: the height in metres and whether all four posts were void.
    public func height(latitude: Double, longitude: Double) -> (heightM: Double, allVoid: Bool) {
        let rowPosition = (layout.north - latitude) / layout.rowSpacingDeg
        let columnPosition = (longitude - layout.west) / layout.columnSpacingDeg
        let r0 = BilinearHeight.cell(rowPosition, limit: layout.rows - 2)
        let c0 = BilinearHeight.cell(columnPosition, limit: layout.columns - 2)
        let width = layout.columns
        let base = r0 * width + c0
        let z = (Double(heights[base]), Double(heights[base + 1]), Double(heights[base + width]), Double(heights[base + width + 1]))
        return BilinearHeight.height(
            z, void: (z.0.isNaN, z.1.isNaN, z.2.isNaN, z.3.isNaN),
            rowWeight: rowPosition - Double(r0), columnWeight: columnPosition - Double(c0))
    }

    /// The number of void posts.
    public var voidPosts: Int { heights.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    /// Checks that `file` is an elevation raster phusong can use, without reading its pixels:
    /// GDAL opens it, it has one band, its CRS is WGS 84 longitude/latitude (EPSG:4326 or an
    /// equivalent definition; no reprojection), a north-up geotransform, 2 × 2 to
    /// ``maxPosts`` pixels, and bounds within ±90° and ±180°.
    /// - Parameter file: the raster's path.
    /// - Returns: where its posts lie.
    /// - Throws: ``TerrainError`` naming the file and what is wrong (the CRS found, the band
    ///   count, …).
    public static func inspect(_ file: String) throws(TerrainError) -> ElevationRasterLayout {
        try layout(of: try open(file), file: file)
    }

    /// The file opened by GDAL, read-only.
    private static func open(_ file: String) throws(TerrainError) -> RasterDataset {
        do { return try RasterDataset(readingAt: file) } catch { throw .notElevation(file: file, reason: "GDAL cannot read it: \(error.message)") }
    }

    /// The raster in `file`, read whole.
    /// - Parameters:
    ///   - file: the raster's path.
    ///   - expected: its layout when the source was listed (a file changed since is refused).
    /// - Returns: the heights.
    /// - Throws: ``TerrainError`` when the file cannot be read or is no longer the raster
    ///   listed.
    static func read(_ file: String, expected: ElevationRasterLayout) throws(TerrainError) -> ElevationRaster {
        let values: [Float]
        let noData: Double?
        let dataset = try open(file)
        guard try layout(of: dataset, file: file) == expected else {
            throw .unreadable(path: file, reason: "the raster changed while the run was reading it")
        }
        do throws(GDALError) {
            noData = try dataset.noData(band: 0)
            values = try dataset.read(band: 0, rows: 0..<dataset.height)
        } catch {
            throw .unreadable(path: file, reason: error.message)
        }
        let void = noData.map { Float($0) }
        let heights = values.map { value -> Float in value == void ? .nan : value }
        // The summary lists each terrain file with its SHA-256, like every other input.
        if let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) {
            FileChecksum.record(NumberText.hexadecimal(SHA256.hash(data: data)), path: file)
        }
        return ElevationRaster(file: file, layout: expected, heights: heights)
    }

    /// The checks of ``inspect(_:)`` on an open dataset.
    private static func layout(of dataset: RasterDataset, file: String) throws(TerrainError) -> ElevationRasterLayout {
        guard dataset.bandCount == 1 else { throw .notElevation(file: file, reason: "\(dataset.bandCount) bands; an elevation raster has 1") }
        guard let reference = dataset.spatialReference else { throw .notLonLat(file: file, crs: "none (no coordinate reference system)") }
        guard reference.isWGS84LonLat else { throw .notLonLat(file: file, crs: reference.label) }
        guard let transform = dataset.geoTransform else {
            throw .notElevation(file: file, reason: "no north-up geotransform (rotated or missing)")
        }
        guard dataset.width <= maxPosts / max(1, dataset.height) else {
            throw .notElevation(file: file, reason: "\(dataset.width) × \(dataset.height) pixels exceed the limit of "
                                + "\(NumberText.grouped(maxPosts)) posts; cut it into tiles (e.g. gdal_retile.py)")
        }
        guard let layout = ElevationRasterLayout(transform: transform, columns: dataset.width, rows: dataset.height) else {
            throw .notElevation(file: file, reason: "\(dataset.width) × \(dataset.height) pixels with pixel size "
                                + "\(transform.pixelWidth) × \(transform.pixelHeight)°: needs at least 2 × 2 pixels of positive size")
        }
        guard layout.south >= -90, layout.north <= 90, layout.west >= -180, layout.east <= 180 else {
            throw .notElevation(file: file, reason: "pixel centres from \(layout.west)…\(layout.east)° E, \(layout.south)…\(layout.north)° N "
                                + "go beyond ±180° longitude or ±90° latitude")
        }
        return layout
    }
}
