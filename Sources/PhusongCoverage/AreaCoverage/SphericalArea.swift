import Foundation
import GEOSKit

/// Areas on the sphere of radius ``Geodesy/earthRadiusM`` (6,371,008.8 m) of polygons given
/// in lon/lat degrees: the equal-area basis of area coverage.
///
/// Boundary files and GEOS treat polygons in the lon/lat plane, so a polygon's edges are
/// straight lines in (λ, φ) (area coverage measures each province's land with this; its
/// covered areas are measured by `AreaScan` on the same basis). The area on the sphere of
/// such a region is exactly
/// A = R² ∬ cos φ dλ dφ = R² |∮ sin φ dλ| (Green's theorem), and along an edge from
/// (λ1, φ1) to (λ2, φ2), straight in (λ, φ),
/// ∫ sin φ dλ = Δλ (cos φ1 − cos φ2) / Δφ = Δλ · sin φm · sin(Δφ/2) / (Δφ/2),
/// φm = (φ1 + φ2) / 2 (the second form is used: it has no cancellation for small Δφ and tends
/// to Δλ sin φ1 when Δφ → 0). So no projection is involved: the result is the area on the
/// sphere of exactly the polygon given, with no distortion; a lon/lat box gets
/// R² Δλ (sin φ2 − sin φ1) (tested). Each ring is summed relative to its first latitude
/// (∮ dλ = 0 on a ring that does not wind around a pole), which keeps rounding small.
///
/// Limits: rings must be continuous in longitude (footprints are: a ring that crosses ±180°
/// keeps longitudes beyond it) and must not enclose a pole (true of Vietnam; a footprint
/// around a pole gets no exact area).
public enum SphericalArea {
    /// The area enclosed by a closed ring of flat lon/lat pairs `[λ0, φ0, λ1, φ1, …]`
    /// (degrees; last position equal to the first), m²; positive whatever the orientation.
    public static func ringAreaM2(_ xy: [Double]) -> Double {
        let count = xy.count / 2
        guard count >= 4 else { return 0 }
        let toRadians = Double.pi / 180
        let referenceSin = sin(xy[1] * toRadians)
        var sum = 0.0
        var lambda1 = xy[0] * toRadians
        var phi1 = xy[1] * toRadians
        for index in 1..<count {
            let lambda2 = xy[2 * index] * toRadians
            let phi2 = xy[2 * index + 1] * toRadians
            let halfDPhi = (phi2 - phi1) / 2
            let sinc = halfDPhi == 0 ? 1 : sin(halfDPhi) / halfDPhi
            sum += (lambda2 - lambda1) * (sin((phi1 + phi2) / 2) * sinc - referenceSin)
            lambda1 = lambda2
            phi1 = phi2
        }
        return abs(sum) * Geodesy.earthRadiusM * Geodesy.earthRadiusM
    }

    /// The area of polygons given as rings (polygons → exterior then holes → flat lon/lat
    /// pairs, as GEOSKit's `Geometry.polygonRings()` returns them), m²: exteriors minus holes.
    public static func areaM2(polygons: [[[Double]]]) -> Double {
        var total = 0.0
        for rings in polygons {
            for (position, ring) in rings.enumerated() {
                total += position == 0 ? ringAreaM2(ring) : -ringAreaM2(ring)
            }
        }
        return total
    }

    /// The area of the polygonal parts of a lon/lat `geometry` (points and lines count 0), m².
    public static func areaM2(of geometry: Geometry) throws(GEOSError) -> Double {
        areaM2(polygons: try geometry.polygonRings())
    }
}
