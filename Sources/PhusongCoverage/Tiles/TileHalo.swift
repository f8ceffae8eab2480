import Foundation

/// The cells a tile's villages can see: a longitude–latitude box around the tile, wide enough
/// that every point outside it lies farther than `radiusM` (great-circle, docs/specs/radio-model.md
/// §2) from every point of the tile (docs/tiles.md, "What a tile computes").
///
/// The box is that of a spherical cap: a point at angular distance δ from a point at latitude φ
/// differs from it by at most δ in latitude and by at most asin(sin δ / cos φ) in longitude
/// (for |φ| + δ < 90°). δ is taken on a sphere of 6,300 km, smaller than the spec's
/// ``Geodesy/earthRadiusM``, so the box is a little larger than needed: it errs on the side of
/// keeping a cell. Where the cap reaches a pole or the box would wrap across ±180°, longitude
/// is not limited.
public struct TileHalo: Sendable, Hashable {
    /// West edge of the box, degrees (inclusive); nil where longitude is not limited.
    public let minLon: Double?
    /// East edge of the box, degrees (inclusive); nil where longitude is not limited.
    public let maxLon: Double?
    /// South edge of the box, degrees (inclusive).
    public let minLat: Double
    /// North edge of the box, degrees (inclusive).
    public let maxLat: Double
    /// Every point outside the box is farther than this from every point of the tile, metres.
    public let radiusM: Double

    /// Radius of the sphere the box is computed on, metres: below ``Geodesy/earthRadiusM``, so
    /// the box holds every point within `radiusM` on the spec's sphere.
    static let boxSphereRadiusM = 6_300_000.0

    /// - Parameters:
    ///   - tile: the tile.
    ///   - radiusM: the distance the box must cover, metres (≥ 0).
    public init(tile: TileBounds, radiusM: Double) {
        self.radiusM = radiusM
        let delta = radiusM / Self.boxSphereRadiusM * 180 / .pi
        minLat = tile.minLat - delta
        maxLat = tile.maxLat + delta
        let polewardLat = max(abs(minLat), abs(maxLat))
        let sine = sin(delta * .pi / 180) / cos(min(90, polewardLat) * .pi / 180)
        if polewardLat < 89, sine < 1, delta < 90 {
            let deltaLon = asin(sine) * 180 / .pi * (1 + 1e-9) + 1e-9
            let west = tile.minLon - deltaLon, east = tile.maxLon + deltaLon
            (minLon, maxLon) = west > -180 && east < 180 ? (west, east) : (nil, nil)
        } else {
            (minLon, maxLon) = (nil, nil)
        }
    }

    /// Whether the point (`lon`, `lat`) lies in the box.
    public func contains(lon: Double, lat: Double) -> Bool {
        guard lat >= minLat && lat <= maxLat else { return false }
        guard let minLon, let maxLon else { return true }
        return lon >= minLon && lon <= maxLon
    }
}
