import CGDAL

/// A PROJ coordinate operation from one CRS to another, both in traditional GIS axis order
/// (x = longitude or easting, y = latitude or northing).
///
/// One owner per handle; not `Sendable` (PROJ transformation objects are not safe to share
/// between threads): make one per task.
public final class CoordinateTransformation {
    /// The OGR handle, owned by this object.
    let handle: OGRCoordinateTransformationH
    /// Messages of this transformation's GDAL calls.
    let messages = GDALMessages()
    /// The source CRS, kept alive for the transformation's lifetime.
    public let source: SpatialReference
    /// The target CRS, kept alive for the transformation's lifetime.
    public let target: SpatialReference

    /// Creates the transformation PROJ chooses as best for the two CRSs (without network
    /// access to grids: only what is installed locally).
    /// - Parameters:
    ///   - source: The CRS coordinates are in.
    ///   - target: The CRS to transform them to.
    /// - Throws: ``GDALError`` when PROJ finds no operation between the two.
    public init(from source: SpatialReference, to target: SpatialReference) throws(GDALError) {
        self.source = source
        self.target = target
        let created = messages.capturing { OCTNewCoordinateTransformation(source.handle, target.handle) }
        guard let created else {
            throw messages.failure(
                "OCTNewCoordinateTransformation",
                fallback: "no coordinate operation from \(source.label) to \(target.label)")
        }
        handle = created
    }

    /// A transformation to WGS 84 longitude/latitude in degrees (EPSG:4326, longitude first).
    /// - Parameter source: The CRS coordinates are in.
    /// - Returns: The transformation from `source` to WGS 84.
    /// - Throws: ``GDALError`` when PROJ finds no operation.
    public static func toWGS84(from source: SpatialReference) throws(GDALError) -> CoordinateTransformation {
        try CoordinateTransformation(from: source, to: SpatialReference.wgs84())
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// Transforms one point.
    /// - Parameters:
    ///   - x: Longitude in degrees or easting, in the source CRS's units.
    ///   - y: Latitude in degrees or northing, in the source CRS's units.
    /// - Returns: The point in the target CRS, x first.
    /// - Throws: ``GDALError`` when PROJ cannot transform the point (e.g. outside the
    ///   projection's domain).
    public func transform(x: Double, y: Double) throws(GDALError) -> (x: Double, y: Double) {
        var xs = [x], ys = [y]
        try transform(xs: &xs, ys: &ys)
        return (xs[0], ys[0])
    }

    /// Transforms points in place.
    /// - Parameters:
    ///   - xs: The x coordinates (longitude or easting); replaced by the target's.
    ///   - ys: The y coordinates (latitude or northing), as many as `xs`; replaced.
    /// - Throws: ``GDALError`` when the counts differ or any point fails (the arrays are
    ///   then left partly transformed: discard them).
    public func transform(xs: inout [Double], ys: inout [Double]) throws(GDALError) {
        guard xs.count == ys.count else {
            throw GDALError(operation: "OCTTransformEx", message: "\(xs.count) x values but \(ys.count) y values")
        }
        guard let count = Int32(exactly: xs.count) else {
            throw GDALError(operation: "OCTTransformEx", message: "too many points in one call: \(xs.count)")
        }
        var successes = [Int32](repeating: 0, count: xs.count)
        let allDone = messages.capturing {
            OCTTransformEx(handle, count, &xs, &ys, nil, &successes)
        }
        guard allDone != 0, !successes.contains(0) else {
            let index = successes.firstIndex(of: 0) ?? 0
            throw messages.failure(
                "OCTTransformEx",
                fallback: "point \(index) cannot be transformed from \(source.label) to \(target.label)")
        }
    }
}
