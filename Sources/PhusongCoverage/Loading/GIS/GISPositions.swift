import GDALKit
import PhusongSupport

/// The point of each feature of a layer, brought to WGS 84 longitude/latitude degrees
/// (docs/formats.md, "Coordinate systems"):
///
/// - a layer in WGS 84 (EPSG:4326, OGC:CRS84) is read as it is;
/// - a layer in any other CRS PROJ knows (EPSG:3857, VN-2000 / UTM zone 48N EPSG:3405, …)
///   is transformed with PROJ, longitude first;
/// - a layer without a CRS (a Shapefile without `.prj`) is read as WGS 84 with a warning when
///   every coordinate lies within longitude/latitude range, and is an error otherwise.
struct GISPositions: Sendable {
    private var xs: [Double] = []
    private var ys: [Double] = []
    /// False for a feature without a point (its `lon` and `lat` are left empty: the loader
    /// reports them missing).
    private var present: [Bool] = []

    mutating func reserve(_ count: Int) {
        xs.reserveCapacity(count)
        ys.reserveCapacity(count)
        present.reserveCapacity(count)
    }

    mutating func append(x: Double, y: Double) {
        xs.append(x)
        ys.append(y)
        present.append(true)
    }

    mutating func appendNone() {
        xs.append(0)
        ys.append(0)
        present.append(false)
    }

    /// The points of `other` after these.
    mutating func append(_ other: GISPositions) {
        xs += other.xs
        ys += other.ys
        present += other.present
    }

    /// The point of feature `index`; nil for a feature without one (its `lon` and `lat` are
    /// empty fields).
    func point(at index: Int) -> (x: Double, y: Double)? {
        present[index] ? (xs[index], ys[index]) : nil
    }

    /// Brings the points to WGS 84 longitude/latitude, by the layer's CRS (`crsWKT`, nil
    /// when it has none).
    /// - Throws: `LoadError` when the layer has no CRS and a coordinate is outside degrees,
    ///   or PROJ cannot transform.
    mutating func resolve(crsWKT: String?, layer: String, path: String, warnings: inout [Problem]) throws(LoadError) {
        guard present.contains(true) else { return }
        guard let crsWKT else {
            if let index = present.indices.first(where: { present[$0] && !(abs(xs[$0]) <= 180 && abs(ys[$0]) <= 90) }) {
                throw LoadError(Problem(file: path, layer: layer, reason: .source(.noCRSNotDegrees(x: xs[index], y: ys[index]))))
            }
            warnings.append(Problem(file: path, layer: layer, reason: .source(.noCRSReadAsWGS84)))
            return
        }
        var label = "the layer's CRS"
        do throws(GDALError) {
            let crs = try SpatialReference(wkt: crsWKT)
            label = crs.label
            if crs.isWGS84LonLat { return }
            let transform = try CoordinateTransformation.toWGS84(from: crs)
            let indices = present.indices.filter { present[$0] }
            var pointXs = indices.map { xs[$0] }
            var pointYs = indices.map { ys[$0] }
            try transform.transformMatchingReverse(xs: &pointXs, ys: &pointYs)
            for (next, index) in indices.enumerated() {
                xs[index] = pointXs[next]
                ys[index] = pointYs[next]
            }
        } catch {
            throw LoadError(Problem(file: path, layer: layer, reason: .source(.notTransformable(crs: label, detail: error.message))))
        }
    }
}
