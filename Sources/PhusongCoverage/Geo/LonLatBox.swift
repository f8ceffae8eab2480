/// A rectangle of WGS 84 longitude/latitude, degrees, edges included: the extent of a
/// coverage raster (`--bbox`, `CoverageGrid`), and the study area in which input points are
/// expected (``StudyArea``).
public struct LonLatBox: Sendable, Hashable, CustomStringConvertible {
    /// West edge, degrees east.
    public var minLon: Double
    /// South edge, degrees north.
    public var minLat: Double
    /// East edge, degrees east.
    public var maxLon: Double
    /// North edge, degrees north.
    public var maxLat: Double

    /// Creates a box; ``problem`` says whether it is usable as a raster's extent.
    /// - Parameters:
    ///   - minLon: West edge, degrees.
    ///   - minLat: South edge, degrees.
    ///   - maxLon: East edge, degrees.
    ///   - maxLat: North edge, degrees.
    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// Why the box cannot be a raster's extent, or nil: every edge finite, longitudes within
    /// −180…180, latitudes within −90…90, west below east and south below north (a box
    /// across the antimeridian is not supported).
    public var problem: String? {
        let edges = [minLon, minLat, maxLon, maxLat]
        if !edges.allSatisfy(\.isFinite) { return "every edge must be a finite number" }
        if !(-180...180).contains(minLon) || !(-180...180).contains(maxLon) {
            return "longitudes must lie within -180…180 degrees"
        }
        if !(-90...90).contains(minLat) || !(-90...90).contains(maxLat) {
            return "latitudes must lie within -90…90 degrees"
        }
        if minLon >= maxLon { return "MINLON (\(minLon)) must be less than MAXLON (\(maxLon))" }
        if minLat >= maxLat { return "MINLAT (\(minLat)) must be less than MAXLAT (\(maxLat))" }
        return nil
    }

    /// Whether the point lies in the box, edges included.
    /// - Parameters:
    ///   - lon: Longitude, degrees east.
    ///   - lat: Latitude, degrees north.
    /// - Returns: True inside or on an edge.
    public func contains(lon: Double, lat: Double) -> Bool {
        lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat
    }

    /// `MINLON,MINLAT,MAXLON,MAXLAT`, as `--bbox` takes it.
    public var description: String { "\(minLon),\(minLat),\(maxLon),\(maxLat)" }

    /// `lon MINLON…MAXLON, lat MINLAT…MAXLAT`, as messages about the study area name it.
    public var lonLatRanges: String { "lon \(minLon)…\(maxLon), lat \(minLat)…\(maxLat)" }
}
