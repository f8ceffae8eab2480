import Foundation

/// A lon/lat point with the sine and cosine of its latitude computed once, for evaluating
/// ``Geodesy`` distances and bearings between many pairs of points.
///
/// ``distanceM(to:)`` and ``bearingDeg(to:)`` perform exactly the operations of
/// ``Geodesy/distanceM(lon1:lat1:lon2:lat2:)`` and ``Geodesy/bearingDeg(lon1:lat1:lon2:lat2:)``
/// in the same order, with the latitude terms taken from here instead of being recomputed:
/// the results are bit-identical (tested).
public struct PreparedLocation: Sendable, Hashable {
    /// Longitude, WGS84 degrees.
    public let lonDeg: Double
    /// Latitude, WGS84 degrees.
    public let latDeg: Double
    @usableFromInline let sinLat: Double
    @usableFromInline let cosLat: Double

    public init(lon: Double, lat: Double) {
        lonDeg = lon
        latDeg = lat
        let phi = lat * (Double.pi / 180)
        sinLat = sin(phi)
        cosLat = cos(phi)
    }

    /// Haversine great-circle distance to `other`, metres (sphere of radius
    /// ``Geodesy/earthRadiusM``).
    @inlinable
    public func distanceM(to other: PreparedLocation) -> Double {
        let toRadians = Double.pi / 180
        let dPhi = (other.latDeg - latDeg) * toRadians
        let dLambda = (other.lonDeg - lonDeg) * toRadians
        let sinPhi = sin(dPhi / 2)
        let sinLambda = sin(dLambda / 2)
        let h = sinPhi * sinPhi + cosLat * other.cosLat * sinLambda * sinLambda
        return 2 * Geodesy.earthRadiusM * asin(min(1, sqrt(h)))
    }

    /// Initial great-circle bearing to `other`, degrees clockwise from north in [0, 360);
    /// 0 for the same point (atan2(0, 0)).
    @inlinable
    public func bearingDeg(to other: PreparedLocation) -> Double {
        let dLambda = (other.lonDeg - lonDeg) * (Double.pi / 180)
        let y = sin(dLambda) * other.cosLat
        let x = cosLat * other.sinLat - sinLat * other.cosLat * cos(dLambda)
        let degrees = atan2(y, x) * 180 / Double.pi
        return degrees < 0 ? degrees + 360 : degrees
    }
}
