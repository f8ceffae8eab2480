import Foundation

/// An upper bound on a cell's antenna gain A_H toward a village, from unit vectors and without
/// trigonometry: it lets the coverage search pass over the sectors that point away from a
/// village before it computes their bearing (three trigonometric calls) and path loss.
///
/// The initial bearing of docs/specs/radio-model.md §2 from a cell at c to a village at v is
/// atan2(y, x) with y = v·e and x = v·n, where e and n are the unit vectors east and north in
/// the plane tangent to the sphere at c (v·e = cos φ₂ sin Δλ and v·n = cos φ₁ sin φ₂ −
/// sin φ₁ cos φ₂ cos Δλ are the spec's y and x). As c·e = c·n = 0, y and x are also Δ·e and
/// Δ·n for the offset Δ = v − c. With the main-lobe direction b = sin(az) e + cos(az) n and its
/// normal a = cos(az) e − sin(az) n, the off-axis angle φ of §3 ("Antenna") has
/// (cos φ, sin φ) = (Δ·b, Δ·a) / ρ, ρ = |(Δ·b, Δ·a)|. The chord between that direction and the
/// boresight's, k = |(cos φ, sin φ) − (1, 0)| = 2 sin(|φ| / 2), is never more than |φ|
/// (radians), so A_H = −min(12 (φ / φ₃dB)², A_max) ≤ −min(12 (k / φ₃dB)², A_max).
///
/// Rounding: b and a are stored as `Float` (relative error 6e-8 a component) to keep the
/// search's per-cell data small; because they multiply the short offset Δ (not the unit
/// vector v), Δ·b and Δ·a keep a relative error near 1e-7, plus an absolute one of a few
/// 1e-16 from Δ. The spec's y and x are within about 1e-15 of exact. So for ρ ≥ 1e-8 (a
/// village at least 6 cm from the antenna) both directions are within 3e-7 rad of the exact
/// one, and the bound shortens k by 1e-6 rad. Nearer than 6 cm the bound is 0 dB. An
/// omnidirectional cell has A_H = 0: its attenuation factor is 0 and its bound 0 dB.
struct SectorGainBound: Sendable {
    /// b, the main lobe's direction in the tangent plane at the cell (a unit vector,
    /// earth-centred), and a, b turned 90° in the same plane. Tuples of `Float`, not
    /// `SIMD3<Float>` (padded to 16 bytes): 28 bytes in all, 4-byte aligned.
    private let boresight: (Float, Float, Float)
    private let normal: (Float, Float, Float)
    /// 12 · (180 / (π · beamwidth in degrees))²: A_H = −min(attenuation · φ², A_max) with φ in
    /// radians. Rounded down to a `Float`, which only weakens the bound; 0 for an
    /// omnidirectional cell.
    private let attenuationPerSquaredRadian: Float

    /// Shortening of the chord k against rounding, radians.
    static let angleMarginRad = 1e-6
    /// Smallest ρ (unit-sphere distance) at which the bound is more than 0 dB.
    static let nearestDirectionalRho = 1e-8

    /// - Parameters:
    ///   - lon, lat: the cell's position, WGS84 degrees.
    ///   - antenna: its azimuth (degrees clockwise from north; nil for omnidirectional) and
    ///     beamwidth (degrees).
    init(lon: Double, lat: Double, antenna: SectorAntenna) {
        guard let azimuthDeg = antenna.azimuthDeg else {
            boresight = (0, 0, 0)
            normal = (0, 0, 0)
            attenuationPerSquaredRadian = 0
            return
        }
        let phi = lat * (Double.pi / 180)
        let lambda = lon * (Double.pi / 180)
        let east = SIMD3(-sin(lambda), cos(lambda), 0)
        let north = SIMD3(-sin(phi) * cos(lambda), -sin(phi) * sin(lambda), cos(phi))
        let azimuth = azimuthDeg * (Double.pi / 180)
        let b = sin(azimuth) * east + cos(azimuth) * north
        let a = cos(azimuth) * east - sin(azimuth) * north
        boresight = (Float(b.x), Float(b.y), Float(b.z))
        normal = (Float(a.x), Float(a.y), Float(a.z))
        let lobeScale = 180 / (Double.pi * antenna.beamwidthDeg)
        attenuationPerSquaredRadian = Self.roundedDown(12 * lobeScale * lobeScale)
    }

    /// The largest `Float` not above `value` (finite, ≥ 0).
    private static func roundedDown(_ value: Double) -> Float {
        let nearest = Float(value)
        return Double(nearest) > value ? nearest.nextDown : nearest
    }

    /// The bounds of `cells`, in their order.
    static func of(_ cells: some Collection<Cell>) -> [SectorGainBound] {
        cells.map { SectorGainBound(lon: $0.lon, lat: $0.lat, antenna: SectorAntenna(azimuthDeg: $0.azimuthDeg, beamwidthDeg: $0.beamwidthDeg)) }
    }

    /// The bound on A_H toward the village at offset `offset` = village − cell (unit vectors,
    /// earth-centred), dB (≤ 0).
    @inline(__always)
    func gainBoundDB(towardOffset offset: SIMD3<Double>) -> Double {
        let along = offset.x * Double(boresight.0) + offset.y * Double(boresight.1) + offset.z * Double(boresight.2)
        let across = offset.x * Double(normal.0) + offset.y * Double(normal.1) + offset.z * Double(normal.2)
        let rhoSquared = along * along + across * across
        guard rhoSquared >= Self.nearestDirectionalRho * Self.nearestDirectionalRho else { return 0 }
        // k² = |(cos φ, sin φ) − (1, 0)|² = 2 − 2 cos φ; shortening k by the margin m takes at
        // most 2 k m ≤ 4 m from k² (k ≤ 2).
        let chordSquared = max(0, 2 - 2 * along / rhoSquared.squareRoot() - 4 * Self.angleMarginRad)
        return -min(chordSquared * Double(attenuationPerSquaredRadian), SectorAntenna.maximumAttenuationDB)
    }
}
