import Foundation

/// The path geometry the terrain contract pins (docs/specs/terrain-model.md, "Profile from cell
/// (transmitter) to village (receiver)"): the haversine distance exactly as written there, the
/// number of intervals and the wrapped longitude difference. Pinned because ITM takes whole-number
/// parts of distance ratios, so a last-bit change of the spacing can move a loss by several dB.
public enum ProfileGeometry {
    /// The earth radius of the contract's haversine, m.
    public static let earthRadiusM = 6_371_008.8
    /// The shortest distance a profile is given, m.
    public static let minimumDistanceM = 10.0

    /// `a = sin²((φ2 − φ1)/2) + cos φ1 · cos φ2 · sin²((λ2 − λ1)/2)`,
    /// `d = 2 · 6,371,008.8 · asin(√a)` in radians and double precision, clamped below at 10 m.
    /// (√a is capped at 1, which only replaces the NaN a rounding above 1 would give for
    /// antipodal points.)
    /// - Parameters:
    ///   - latitude1: φ1, degrees.
    ///   - longitude1: λ1, degrees.
    ///   - latitude2: φ2, degrees.
    ///   - longitude2: λ2, degrees.
    /// - Returns: d, m.
    public static func distanceM(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let phi1 = latitude1 * Double.pi / 180
        let phi2 = latitude2 * Double.pi / 180
        let lambda1 = longitude1 * Double.pi / 180
        let lambda2 = longitude2 * Double.pi / 180
        let sinHalfPhi = sin((phi2 - phi1) / 2)
        let sinHalfLambda = sin((lambda2 - lambda1) / 2)
        let a = sinHalfPhi * sinHalfPhi + cos(phi1) * cos(phi2) * (sinHalfLambda * sinHalfLambda)
        let d = 2 * earthRadiusM * asin(min(1, a.squareRoot()))
        return max(d, minimumDistanceM)
    }

    /// n = max(2, ⌈d / s⌉), the number of intervals.
    /// - Parameters:
    ///   - distanceM: d, m (at least 10 m).
    ///   - stepM: s, `profile_step_m`, m (positive).
    /// - Returns: n; capped at 10 million intervals (a 900 km path at 90 m uses 10,000).
    public static func intervals(distanceM: Double, stepM: Double) -> Int {
        let ratio = (distanceM / stepM).rounded(.up)
        guard ratio < 10_000_000 else { return 10_000_000 }
        return max(2, ratio >= 2 ? Int(ratio) : 2)
    }

    /// λ_rx − λ_tx wrapped to (−180, 180], degrees.
    /// - Parameters:
    ///   - from: λ_tx, degrees.
    ///   - to: λ_rx, degrees.
    /// - Returns: the difference, degrees.
    public static func longitudeDifference(from: Double, to: Double) -> Double {
        var difference = to - from
        if difference > 180 { difference -= 360 }
        if difference <= -180 { difference += 360 }
        return difference
    }

    /// A longitude brought back into −180 … 180 after adding a wrapped difference.
    static func normalizedLongitude(_ longitude: Double) -> Double {
        if longitude > 180 { return longitude - 360 }
        if longitude < -180 { return longitude + 360 }
        return longitude
    }
}
