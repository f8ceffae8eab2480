import Foundation

/// Boundary files must be in WGS84 longitude/latitude degrees (docs/specs/data-formats.md §3: "Coordinates
/// are WGS84 degrees"; RFC 7946 §4: GeoJSON positions are WGS84 longitude, latitude). phusong
/// does not reproject: a file in a projected system (EPSG:3857 metres, a UTM zone, VN-2000)
/// would put every polygon somewhere else and give wrong figures without a word, so such a
/// file stops the run.
enum BoundaryCoordinates {
    /// Accepted values of a GeoJSON 2008 `crs` member's `properties.name` (compared without
    /// case): OGC CRS84 (WGS84 longitude/latitude, the RFC 7946 default), and EPSG:4326 with
    /// its URN forms (`urn:ogc:def:crs:EPSG::4326`, with or without a version, and the older
    /// `urn:x-ogc:` prefix), which GeoJSON writers use for the same WGS84 degrees.
    static func isWGS84(_ name: String) -> Bool {
        let lower = name.lowercased()
        if ["urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "epsg:4326"].contains(lower) { return true }
        for prefix in ["urn:ogc:def:crs:epsg:", "urn:x-ogc:def:crs:epsg:"] where lower.hasPrefix(prefix) {
            // What follows the prefix is "<version>:4326", the version possibly empty.
            let rest = lower.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
            if rest.count == 2, rest[1] == "4326", rest[0].allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        }
        return false
    }

    /// A problem when the document declares a coordinate system other than WGS84
    /// longitude/latitude, nil when it declares none (absent or null) or WGS84.
    static func crsProblem(_ root: [String: Any], file: String) -> Problem? {
        guard let crs = root["crs"], !(crs is NSNull) else { return nil }
        let declared: String
        if let name = crs as? String {
            declared = name
        } else if let object = crs as? [String: Any], let properties = object["properties"] as? [String: Any] {
            declared = (properties["name"] as? String) ?? (properties["href"] as? String).map { "link \($0)" } ?? "\(crs)"
        } else {
            declared = "\(crs)"
        }
        if isWGS84(declared) { return nil }
        return Problem(file: file, column: "crs", value: declared, reason: .boundary(.notWGS84))
    }

    /// A position that is not longitude/latitude degrees.
    struct OutsideDegrees: Error {
        var x: Double
        var y: Double
    }

    /// Throws `OutsideDegrees` for a position outside longitude −180..180 or latitude −90..90
    /// (NaN included).
    static func check(x: Double, y: Double) throws(OutsideDegrees) {
        guard (-180...180).contains(x), (-90...90).contains(y) else { throw OutsideDegrees(x: x, y: y) }
    }

    /// One problem for a file with positions outside degrees in `features` of its `total`
    /// features, naming the first of them.
    static func projectedProblem(file: String, first: (feature: Int, position: OutsideDegrees), features: Int, total: Int) -> Problem {
        Problem(
            file: file, column: "features[\(first.feature)].geometry.coordinates",
            value: "\(first.position.x), \(first.position.y)", reason: .boundary(.projected(features: features, total: total)))
    }
}
