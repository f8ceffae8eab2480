/// A rectangle of longitude and latitude that one tiled run covers (`phusong report --tile
/// MINLON,MINLAT,MAXLON,MAXLAT --partial`, docs/tiles.md), WGS84 degrees.
///
/// Bounds are half open: a point belongs to the tile when `minLon ≤ lon < maxLon` and
/// `minLat ≤ lat < maxLat`, so tiles that share an edge never both hold a point on it, and a
/// grid of tiles gives every village and every site exactly one tile.
public struct TileBounds: Sendable, Hashable, CustomStringConvertible {
    /// West edge, degrees (inclusive).
    public let minLon: Double
    /// South edge, degrees (inclusive).
    public let minLat: Double
    /// East edge, degrees (exclusive).
    public let maxLon: Double
    /// North edge, degrees (exclusive).
    public let maxLat: Double

    /// A tile from its edges; nil unless every edge is finite, −180 ≤ minLon < maxLon ≤ 180
    /// (a little past 180 is allowed for the east edge: 180.000001 keeps a point at 180° in the
    /// tile) and −90 ≤ minLat < maxLat ≤ 90.5.
    public init?(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        guard [minLon, minLat, maxLon, maxLat].allSatisfy(\.isFinite),
              minLon >= -180, maxLon <= 181, minLon < maxLon,
              minLat >= -90, maxLat <= 91, minLat < maxLat else { return nil }
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// Reads `MINLON,MINLAT,MAXLON,MAXLAT` (decimal degrees); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
        guard parts.count == 4, let minLon = parts[0], let minLat = parts[1], let maxLon = parts[2], let maxLat = parts[3] else {
            return nil
        }
        self.init(minLon: minLon, minLat: minLat, maxLon: maxLon, maxLat: maxLat)
    }

    /// The allowed form, for error messages.
    public static let format = "MINLON,MINLAT,MAXLON,MAXLAT in decimal degrees, with MINLON < MAXLON and MINLAT < MAXLAT "
        + "(longitudes −180…181, latitudes −90…91)"

    /// Whether the point (`lon`, `lat`) lies in the tile (half-open bounds).
    public func contains(lon: Double, lat: Double) -> Bool {
        lon >= minLon && lon < maxLon && lat >= minLat && lat < maxLat
    }

    /// Whether the two tiles share some area (sharing only an edge or a corner does not count:
    /// no point lies in both).
    public func overlaps(_ other: TileBounds) -> Bool {
        minLon < other.maxLon && other.minLon < maxLon && minLat < other.maxLat && other.minLat < maxLat
    }

    /// `MINLON,MINLAT,MAXLON,MAXLAT`, each the shortest text that reads back to the same number.
    public var description: String {
        [minLon, minLat, maxLon, maxLat].map { "\($0)" }.joined(separator: ",")
    }
}
