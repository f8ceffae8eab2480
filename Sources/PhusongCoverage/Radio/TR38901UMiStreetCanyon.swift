import Foundation

/// 3GPP TR 38.901 Table 7.4.1-1, Urban Micro street canyon (UMi-Street Canyon). Not part of
/// the spec's default selection; available to a propagation policy:
///
///     d'BP  = 4 (hBS - hE)(hUT - hE) fc 1e9 / c
///     LOS   = 32.4 + 21 log d3D + 20 log fc                                    if d2D <= d'BP
///           = 32.4 + 40 log d3D + 20 log fc - 9.5 log(d'BP^2 + (hBS - hUT)^2)  otherwise
///     NLOS' = 35.3 log d3D + 22.4 + 21.3 log fc - 0.3 (hUT - 1.5)
///     NLOS  = max(LOS, NLOS')
///
/// Units: frequency in MHz (`fc` = f / 1000 GHz), heights and distances in metres, loss in dB.
/// The table's validity: 0.5–100 GHz, hBS = 10 m, 1.5 m ≤ hUT ≤ 22.5 m, 10 m ≤ d2D ≤ 5 km;
/// used as written outside it. hE = 1 m, c = 3.0e8 m/s.
public struct TR38901UMiStreetCanyon: TR38901Scenario, Hashable {
    /// d'BP, metres.
    public let breakpointDistanceM: Double
    /// `20 log fc`, dB (LOS).
    @usableFromInline let losFrequencyTermDB: Double
    /// `21.3 log fc`, dB (NLOS').
    @usableFromInline let nlosFrequencyTermDB: Double
    /// `9.5 log(d'BP^2 + (hBS - hUT)^2)`, dB.
    @usableFromInline let farLOSOffsetDB: Double
    /// `0.3 (hUT - 1.5)`, dB.
    @usableFromInline let userHeightTermDB: Double

    public init(frequencyMHz: Double, baseStationHeightM: Double, userHeightM: Double, environmentHeightM: Double = 1) {
        let fcGHz = frequencyMHz / 1000
        breakpointDistanceM = 4 * (baseStationHeightM - environmentHeightM) * (userHeightM - environmentHeightM)
            * fcGHz * 1e9 / TR38901.speedOfLightMPerS
        let heightDifference = baseStationHeightM - userHeightM
        losFrequencyTermDB = 20 * log10(fcGHz)
        nlosFrequencyTermDB = 21.3 * log10(fcGHz)
        farLOSOffsetDB = 9.5 * log10(breakpointDistanceM * breakpointDistanceM + heightDifference * heightDifference)
        userHeightTermDB = 0.3 * (userHeightM - 1.5)
    }

    @inlinable
    public func losPathLossDB(distance2DM: Double, distance3DM: Double, logDistance3D: Double) -> Double {
        if distance2DM <= breakpointDistanceM {
            return 32.4 + 21 * logDistance3D + losFrequencyTermDB
        }
        return 32.4 + 40 * logDistance3D + losFrequencyTermDB - farLOSOffsetDB
    }

    @inlinable
    public func nlosPrimePathLossDB(logDistance3D: Double) -> Double {
        35.3 * logDistance3D + 22.4 + nlosFrequencyTermDB - userHeightTermDB
    }
}
