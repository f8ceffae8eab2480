/// A flat kilometre frame over a lon/lat box (equirectangular at the box's mid-latitude):
/// x east and y north of the south-west corner, in km. Accurate to well under 1 % over a
/// province, which is all a generator needs.
struct LocalFrame: Sendable, Hashable {
    /// Kilometres per degree of latitude (mean).
    static let kmPerDegreeLat = 110.574
    /// Kilometres per degree of longitude at the equator.
    static let kmPerDegreeLonAtEquator = 111.320

    let west: Double
    let south: Double
    /// Kilometres per degree of longitude at the box's mid-latitude.
    let kmPerDegreeLon: Double
    /// Width of the box, km.
    let widthKm: Double
    /// Height of the box, km.
    let heightKm: Double

    init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        let midLatitude = (south + north) / 2 * Double.pi / 180
        kmPerDegreeLon = Self.kmPerDegreeLonAtEquator * PortableMath.cos(midLatitude)
        widthKm = (east - west) * kmPerDegreeLon
        heightKm = (north - south) * Self.kmPerDegreeLat
    }

    /// Area of the box, km².
    var areaKm2: Double { widthKm * heightKm }

    /// Longitude of a point `x` km east of the western edge, rounded to 1e-6° (the files'
    /// precision, so that a scenario and its CSV hold the same coordinates).
    func lon(x: Double) -> Double { Self.microdegrees(west + x / kmPerDegreeLon) }

    /// Latitude of a point `y` km north of the southern edge, rounded to 1e-6°.
    func lat(y: Double) -> Double { Self.microdegrees(south + y / Self.kmPerDegreeLat) }

    /// (x, y) moved into the box, reflecting at its edges.
    func clamped(x: Double, y: Double) -> (x: Double, y: Double) {
        (Self.reflect(x, into: widthKm), Self.reflect(y, into: heightKm))
    }

    private static func reflect(_ value: Double, into extent: Double) -> Double {
        var v = value < 0 ? -value : value
        if v > extent { v = 2 * extent - v }
        return min(max(v, 0), extent)
    }

    private static func microdegrees(_ degrees: Double) -> Double {
        (degrees * 1e6).rounded() / 1e6
    }
}
