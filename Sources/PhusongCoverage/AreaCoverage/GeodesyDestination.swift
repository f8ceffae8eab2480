import Foundation

extension Geodesy {
    /// The point reached from (`lon`, `lat`) by travelling `distanceM` metres along the great
    /// circle whose initial course is `bearingDeg` (degrees clockwise from north), on the
    /// sphere of radius ``earthRadiusM``; lon/lat in degrees.
    ///
    /// Spherical destination formula (e.g. Chris Veness, "Movable Type" navigation formulae):
    /// φ2 = asin(sin φ1 cos δ + cos φ1 sin δ cos θ),
    /// λ2 = λ1 + atan2(sin θ sin δ cos φ1, cos δ − sin φ1 sin φ2), δ = d / R.
    /// The initial bearing from the start to the result is `bearingDeg` and their haversine
    /// distance is `distanceM` (up to rounding), which is what makes a footprint vertex lie
    /// where its ray was solved.
    public static func destination(lon: Double, lat: Double, bearingDeg: Double, distanceM: Double)
        -> (lon: Double, lat: Double) {
        let theta = bearingDeg * (Double.pi / 180)
        let phi = lat * (Double.pi / 180)
        return destination(lon: lon, sinLat: sin(phi), cosLat: cos(phi),
                           sinBearing: sin(theta), cosBearing: cos(theta), distanceM: distanceM)
    }

    /// ``destination(lon:lat:bearingDeg:distanceM:)`` with the sines and cosines of the start
    /// latitude and of the bearing given, for tracing many rays from one point.
    static func destination(
        lon: Double, sinLat: Double, cosLat: Double, sinBearing: Double, cosBearing: Double, distanceM: Double
    ) -> (lon: Double, lat: Double) {
        let delta = distanceM / earthRadiusM
        let (sinDelta, cosDelta) = sineAndCosine(ofSmall: delta)
        let sinLat2 = min(1, max(-1, sinLat * cosDelta + cosLat * sinDelta * cosBearing))
        let lat2 = asin(sinLat2)
        let dLambda = atan2(sinBearing * sinDelta * cosLat, cosDelta - sinLat * sinLat2)
        return (lon + dLambda * (180 / Double.pi), lat2 * (180 / Double.pi))
    }

    /// sin δ and cos δ; for |δ| ≤ 0.01 rad (64 km on the Earth: every footprint ray) by their
    /// Taylor polynomials, whose first omitted terms (δ⁹/9!, δ¹⁰/10!) are below 3e-24, far
    /// under a rounding unit of the results: the same values to rounding, without two libm
    /// calls per footprint vertex (8 million nationally).
    @inline(__always)
    private static func sineAndCosine(ofSmall delta: Double) -> (sin: Double, cos: Double) {
        guard abs(delta) <= 0.01 else { return (sin(delta), cos(delta)) }
        let d2 = delta * delta
        let sine = delta * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)))
        let cosine = 1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30 * (1 - d2 / 56)))
        return (sine, cosine)
    }
}
