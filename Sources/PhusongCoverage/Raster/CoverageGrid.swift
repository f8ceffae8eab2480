import Foundation

/// The pixels of a coverage raster: a ``LonLatBox`` cut into columns and rows of equal size
/// in degrees (EPSG:4326), the box's edges exactly the raster's edges.
///
/// The resolution is given in metres and converted to degrees on the spherical Earth of the
/// radio model (radius ``Geodesy/earthRadiusM``, docs/specs/radio-model.md §2): a degree of
/// latitude is π·R/180 m (111,195 m), a degree of longitude π·R·cos(φ)/180 m at the box's
/// middle latitude φ = (minLat + maxLat)/2. Each axis gets the fewest pixels that make them
/// no larger than the resolution (columns = ⌈width° / resolution°⌉, the same for rows), and
/// the pixel size is then the box's size divided by that count, so the extent is exact and
/// a pixel is at most the asked resolution on each side (at the middle latitude; a degree of
/// longitude is wider toward the equator).
public struct CoverageGrid: Sendable, Hashable {
    /// The raster's extent.
    public let box: LonLatBox
    /// Columns (west to east).
    public let columns: Int
    /// Rows (north to south).
    public let rows: Int

    /// The most pixels a raster may have: 25 million (e.g. 5,000 × 5,000), so that the
    /// computation and its two float32 bands (100 MB each) stay within an ordinary machine's
    /// memory. A province at 100 m has 1–10 million.
    public static let maxPixels = 25_000_000
    /// The resolutions accepted, metres: 10 m (finer than the flat radio model means
    /// anything) to 100 km.
    public static let resolutionRangeM: ClosedRange<Double> = 10...100_000

    /// The grid over `box` at `resolutionM` metres.
    /// - Parameters:
    ///   - box: The extent, WGS 84 degrees.
    ///   - resolutionM: The largest pixel side, metres.
    /// - Throws: ``CoverageGridError`` when the box is unusable, the resolution out of
    ///   ``resolutionRangeM``, or the raster would have more than ``maxPixels`` pixels.
    public init(box: LonLatBox, resolutionM: Double) throws(CoverageGridError) {
        if let problem = box.problem { throw .badBox(box, problem) }
        guard resolutionM.isFinite, Self.resolutionRangeM.contains(resolutionM) else {
            throw .resolutionOutOfRange(resolutionM)
        }
        let metresPerDegree = Double.pi * Geodesy.earthRadiusM / 180
        let middle = (box.minLat + box.maxLat) / 2 * Double.pi / 180
        let columnCount = Self.count(spanDeg: box.maxLon - box.minLon, pixelDeg: resolutionM / (metresPerDegree * cos(middle)))
        let rowCount = Self.count(spanDeg: box.maxLat - box.minLat, pixelDeg: resolutionM / metresPerDegree)
        // Both counts are finite and at least 1 here (cos(middle) > 0: the box is not a point
        // at a pole), but may be huge: compare as Double before converting.
        guard columnCount.isFinite, rowCount.isFinite, columnCount * rowCount <= Double(Self.maxPixels) else {
            throw .tooManyPixels(columns: columnCount, rows: rowCount, resolutionM: resolutionM)
        }
        self.box = box
        columns = Int(columnCount)
        rows = Int(rowCount)
    }

    /// The pixels needed along one axis: ⌈span / pixel⌉, with a tolerance of 10⁻⁹ pixel so
    /// that a span of exactly n pixels is not rounded up to n + 1 by floating-point noise.
    private static func count(spanDeg: Double, pixelDeg: Double) -> Double {
        max(1, (spanDeg / pixelDeg - 1e-9).rounded(.up))
    }

    /// A pixel's width, degrees of longitude.
    public var pixelWidthDeg: Double { (box.maxLon - box.minLon) / Double(columns) }
    /// A pixel's height, degrees of latitude.
    public var pixelHeightDeg: Double { (box.maxLat - box.minLat) / Double(rows) }
    /// Pixels in all.
    public var pixelCount: Int { columns * rows }

    /// The centre of pixel (`column`, `row`), row 0 at the north edge: where its RSRP is
    /// computed.
    /// - Parameters:
    ///   - column: From 0 at the west edge.
    ///   - row: From 0 at the north edge.
    /// - Returns: Longitude and latitude, degrees.
    public func centre(column: Int, row: Int) -> (lon: Double, lat: Double) {
        (box.minLon + (Double(column) + 0.5) * pixelWidthDeg, box.maxLat - (Double(row) + 0.5) * pixelHeightDeg)
    }
}

/// Why a coverage raster's grid cannot be made.
public enum CoverageGridError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The box is unusable (the reason says which edge).
    case badBox(LonLatBox, String)
    /// The resolution, metres, is outside ``CoverageGrid/resolutionRangeM``.
    case resolutionOutOfRange(Double)
    /// The raster would exceed ``CoverageGrid/maxPixels`` (columns × rows at the resolution).
    case tooManyPixels(columns: Double, rows: Double, resolutionM: Double)

    /// The message for the user, with the value and the allowed range.
    public var description: String {
        switch self {
        case .badBox(let box, let reason):
            "bounding box \(box) is not usable: \(reason)"
        case .resolutionOutOfRange(let metres):
            "resolution \(metres) m is outside the allowed range \(Int(CoverageGrid.resolutionRangeM.lowerBound)) m…\(Int(CoverageGrid.resolutionRangeM.upperBound)) m"
        case .tooManyPixels(let columns, let rows, let metres):
            "a raster of \(columns.formatted(.number.grouping(.never))) × \(rows.formatted(.number.grouping(.never))) pixels at \(metres) m exceeds the limit of \(CoverageGrid.maxPixels) pixels (25 million): use a coarser --resolution or a smaller area"
        }
    }
}
