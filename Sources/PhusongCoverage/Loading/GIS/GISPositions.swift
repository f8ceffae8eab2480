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
struct GISPositions {
    /// True when the geometry gives the positions (a point layer for a table with positions).
    let enabled: Bool
    private var xs: [Double] = []
    private var ys: [Double] = []
    /// False for a feature without a point (its `lon` and `lat` are left empty: the loader
    /// reports them missing).
    private var present: [Bool] = []

    init(enabled: Bool) { self.enabled = enabled }

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

    /// The `lon` and `lat` field texts of feature `index`: the shortest text that reads back
    /// to the same double.
    func texts(at index: Int) -> [String] {
        guard present[index] else { return ["", ""] }
        return [NumberText.shortest(xs[index]), NumberText.shortest(ys[index])]
    }

    /// Brings the points to WGS 84 longitude/latitude, by the layer's CRS.
    /// - Throws: `LoadError` when the layer has no CRS and a coordinate is outside degrees,
    ///   or PROJ cannot transform.
    mutating func resolve(layer: VectorLayer, path: String, warnings: inout [Problem]) throws(LoadError) {
        guard enabled, present.contains(true) else { return }
        guard let crs = layer.spatialReference else {
            if let index = present.indices.first(where: { present[$0] && !(abs(xs[$0]) <= 180 && abs(ys[$0]) <= 90) }) {
                throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.noCRSNotDegrees(x: xs[index], y: ys[index]))))
            }
            warnings.append(Problem(file: path, layer: layer.name, reason: .source(.noCRSReadAsWGS84)))
            return
        }
        if crs.isWGS84LonLat { return }
        do {
            let transform = try CoordinateTransformation.toWGS84(from: crs)
            var pointXs = present.indices.filter { present[$0] }.map { xs[$0] }
            var pointYs = present.indices.filter { present[$0] }.map { ys[$0] }
            try transform.transform(xs: &pointXs, ys: &pointYs)
            var next = 0
            for index in present.indices where present[index] {
                xs[index] = pointXs[next]
                ys[index] = pointYs[next]
                next += 1
            }
        } catch {
            throw LoadError(Problem(file: path, layer: layer.name, reason: .source(.notTransformable(crs: crs.label, detail: error.message))))
        }
    }
}
