import Foundation

/// 3GPP TR 38.901 Table 7.4.1-1, Urban Macro (UMa), as docs/specs/radio-model.md §5.5 writes it:
///
///     d'BP  = 4 (hBS - hE)(hUT - hE) fc 1e9 / c
///     LOS   = 28 + 22 log d3D + 20 log fc                                  if d2D <= d'BP
///           = 28 + 40 log d3D + 20 log fc - 9 log(d'BP^2 + (hBS - hUT)^2)  otherwise
///     NLOS' = 13.54 + 39.08 log d3D + 20 log fc - 0.6 (hUT - 1.5)
///     NLOS  = max(LOS, NLOS')
///
/// Units: frequency in MHz (`fc` = f / 1000 GHz), heights and distances in metres, loss in dB.
/// The table's validity: 0.5–100 GHz, hBS = 25 m, 1.5 m ≤ hUT ≤ 22.5 m, 10 m ≤ d2D ≤ 5 km;
/// the spec uses the formulas as written outside it. hE = 1 m (the table's value for
/// hUT < 13 m), c = 3.0e8 m/s.
public struct TR38901UMa: Sendable, Hashable {
    /// d'BP, metres.
    public let breakpointDistanceM: Double
    /// `20 log fc`, dB.
    @usableFromInline let frequencyTermDB: Double
    /// `9 log(d'BP^2 + (hBS - hUT)^2)`, dB.
    @usableFromInline let farLOSOffsetDB: Double
    /// `0.6 (hUT - 1.5)`, dB.
    @usableFromInline let userHeightTermDB: Double

    public init(frequencyMHz: Double, baseStationHeightM: Double, userHeightM: Double, environmentHeightM: Double = 1) {
        let fcGHz = frequencyMHz / 1000
        breakpointDistanceM = 4 * (baseStationHeightM - environmentHeightM) * (userHeightM - environmentHeightM)
            * fcGHz * 1e9 / TR38901.speedOfLightMPerS
        let heightDifference = baseStationHeightM - userHeightM
        frequencyTermDB = 20 * log10(fcGHz)
        farLOSOffsetDB = 9 * log10(breakpointDistanceM * breakpointDistanceM + heightDifference * heightDifference)
        userHeightTermDB = 0.6 * (userHeightM - 1.5)
    }

    /// LOS loss, dB, at ground distance `distance2DM` and 3-D distance `distance3DM` (metres).
    @inlinable
    public func losPathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        losPathLossDB(distance2DM: distance2DM, logDistance3D: log10(distance3DM))
    }

    /// NLOS' (the NLOS formula before the max with LOS), dB, at 3-D distance `distance3DM` (metres).
    @inlinable
    public func nlosPrimePathLossDB(distance3DM: Double) -> Double {
        nlosPrimePathLossDB(logDistance3D: log10(distance3DM))
    }

    /// NLOS loss `max(LOS, NLOS')`, dB — the spec's UMa path loss.
    @inlinable
    public func pathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        let logDistance3D = log10(distance3DM)
        return max(
            losPathLossDB(distance2DM: distance2DM, logDistance3D: logDistance3D),
            nlosPrimePathLossDB(logDistance3D: logDistance3D)
        )
    }

    @inlinable
    func losPathLossDB(distance2DM: Double, logDistance3D: Double) -> Double {
        if distance2DM <= breakpointDistanceM {
            return 28 + 22 * logDistance3D + frequencyTermDB
        }
        return 28 + 40 * logDistance3D + frequencyTermDB - farLOSOffsetDB
    }

    @inlinable
    func nlosPrimePathLossDB(logDistance3D: Double) -> Double {
        13.54 + 39.08 * logDistance3D + frequencyTermDB - userHeightTermDB
    }
}
