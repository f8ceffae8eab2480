import Foundation

/// Great-circle geometry on a sphere, as fixed by docs/specs/radio-model.md ("Geometry").
public enum Geodesy {
    /// Mean Earth radius, metres (IUGG R1 = 6,371,008.8 m; docs/specs/radio-model.md).
    public static let earthRadiusM = 6_371_008.8

    /// Haversine great-circle distance between two lon/lat points (degrees), metres.
    @inlinable
    public static func distanceM(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = lat1 * toRadians
        let phi2 = lat2 * toRadians
        let dPhi = (lat2 - lat1) * toRadians
        let dLambda = (lon2 - lon1) * toRadians
        let sinPhi = sin(dPhi / 2)
        let sinLambda = sin(dLambda / 2)
        let h = sinPhi * sinPhi + cos(phi1) * cos(phi2) * sinLambda * sinLambda
        return 2 * earthRadiusM * asin(min(1, sqrt(h)))
    }

    /// Initial great-circle bearing from point 1 to point 2, degrees clockwise from north in
    /// [0, 360). Identical points give 0 (atan2(0, 0) = 0, docs/specs/radio-model.md).
    @inlinable
    public static func bearingDeg(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = lat1 * toRadians
        let phi2 = lat2 * toRadians
        let dLambda = (lon2 - lon1) * toRadians
        let y = sin(dLambda) * cos(phi2)
        let x = cos(phi1) * sin(phi2) - sin(phi1) * cos(phi2) * cos(dLambda)
        let degrees = atan2(y, x) * 180 / Double.pi
        return degrees < 0 ? degrees + 360 : degrees
    }
}
