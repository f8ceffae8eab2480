/// The lon/lat box in which input points are expected. A point outside it whose swapped
/// coordinates fall inside is taken for swapped columns (docs/specs/data-formats.md, "Bad input"); any
/// other point outside it gets a warning.
public struct StudyArea: Sendable, Hashable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// Vietnam's mainland, islands and offshore special zones (vn-admin-2025 extent
    /// lon 102.14–117.83, lat 7.18–23.39), with a margin of about 0.5°.
    public static let vietnam = StudyArea(minLon: 101.5, minLat: 6.5, maxLon: 118.5, maxLat: 24.0)

    public func contains(lon: Double, lat: Double) -> Bool {
        lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat
    }

    public var description: String {
        "lon \(minLon)…\(maxLon), lat \(minLat)…\(maxLat)"
    }
}
