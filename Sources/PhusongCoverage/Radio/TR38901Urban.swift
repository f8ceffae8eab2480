import Foundation

/// The urban scenarios of 3GPP TR 38.901 Table 7.4.1-1, Urban Macro (UMa) and Urban Micro
/// street canyon (UMi-Street Canyon), which share one form (docs/specs/radio-model.md §5.5):
///
///     d'BP  = 4 (hBS - hE)(hUT - hE) fc 1e9 / c
///     LOS   = a + b log d3D + 20 log fc                        if d2D <= d'BP
///           = a + 40 log d3D + 20 log fc - k log(d'BP^2 + (hBS - hUT)^2)  otherwise
///     NLOS' = e + g log d3D + j log fc - m (hUT - 1.5)
///     NLOS  = max(LOS, NLOS')
///
/// with, from the table,
///
///     UMa:                a = 28,   b = 22, k = 9,   e = 13.54, g = 39.08, j = 20,   m = 0.6
///     UMi-Street Canyon:  a = 32.4, b = 21, k = 9.5, e = 22.4,  g = 35.3,  j = 21.3, m = 0.3
///
/// UMa is the spec's model above the upper band edge; UMi-Street Canyon is not part of the
/// spec's default selection and is available to a propagation policy. Units: frequency in MHz
/// (`fc` = f / 1000 GHz), heights and distances in metres, loss in dB. The table's validity:
/// 0.5–100 GHz, hBS = 25 m (UMa) or 10 m (UMi), 1.5 m ≤ hUT ≤ 22.5 m, 10 m ≤ d2D ≤ 5 km; the
/// spec uses the formulas as written outside it. hE = 1 m (the table's value for hUT < 13 m),
/// c = 3.0e8 m/s.
public struct TR38901Urban: TR38901Scenario, Hashable {
    /// The coefficients of one urban scenario (the letters of the form above).
    public struct Coefficients: Sendable, Hashable {
        /// `a`, dB.
        public let losInterceptDB: Double
        /// `b`, dB per decade of d3D, before the breakpoint.
        public let losSlopeDB: Double
        /// `k`, the factor of `log(d'BP^2 + (hBS - hUT)^2)` beyond the breakpoint.
        public let farLOSOffsetFactor: Double
        /// `e`, dB.
        public let nlosInterceptDB: Double
        /// `g`, dB per decade of d3D.
        public let nlosSlopeDB: Double
        /// `j`, dB per decade of fc in GHz.
        public let nlosFrequencyFactor: Double
        /// `m`, dB per metre of hUT above 1.5 m.
        public let userHeightFactor: Double

        /// Urban Macro (UMa).
        public static let macro = Coefficients(
            losInterceptDB: 28, losSlopeDB: 22, farLOSOffsetFactor: 9,
            nlosInterceptDB: 13.54, nlosSlopeDB: 39.08, nlosFrequencyFactor: 20, userHeightFactor: 0.6)
        /// Urban Micro street canyon (UMi-Street Canyon).
        public static let microStreetCanyon = Coefficients(
            losInterceptDB: 32.4, losSlopeDB: 21, farLOSOffsetFactor: 9.5,
            nlosInterceptDB: 22.4, nlosSlopeDB: 35.3, nlosFrequencyFactor: 21.3, userHeightFactor: 0.3)
    }

    /// The scenario's coefficients.
    public let coefficients: Coefficients
    /// d'BP, metres.
    public let breakpointDistanceM: Double
    /// `20 log fc`, dB (LOS).
    @usableFromInline let losFrequencyTermDB: Double
    /// `j log fc`, dB (NLOS').
    @usableFromInline let nlosFrequencyTermDB: Double
    /// `k log(d'BP^2 + (hBS - hUT)^2)`, dB.
    @usableFromInline let farLOSOffsetDB: Double
    /// `m (hUT - 1.5)`, dB.
    @usableFromInline let userHeightTermDB: Double

    public init(
        _ coefficients: Coefficients, frequencyMHz: Double, baseStationHeightM: Double, userHeightM: Double,
        environmentHeightM: Double = 1
    ) {
        self.coefficients = coefficients
        let fcGHz = frequencyMHz / 1000
        breakpointDistanceM = 4 * (baseStationHeightM - environmentHeightM) * (userHeightM - environmentHeightM)
            * fcGHz * 1e9 / TR38901.speedOfLightMPerS
        let heightDifference = baseStationHeightM - userHeightM
        losFrequencyTermDB = 20 * log10(fcGHz)
        nlosFrequencyTermDB = coefficients.nlosFrequencyFactor * log10(fcGHz)
        farLOSOffsetDB = coefficients.farLOSOffsetFactor
            * log10(breakpointDistanceM * breakpointDistanceM + heightDifference * heightDifference)
        userHeightTermDB = coefficients.userHeightFactor * (userHeightM - 1.5)
    }

    @inlinable
    public func losPathLossDB(distance2DM: Double, distance3DM: Double, logDistance3D: Double) -> Double {
        if distance2DM <= breakpointDistanceM {
            return coefficients.losInterceptDB + coefficients.losSlopeDB * logDistance3D + losFrequencyTermDB
        }
        return coefficients.losInterceptDB + 40 * logDistance3D + losFrequencyTermDB - farLOSOffsetDB
    }

    @inlinable
    public func nlosPrimePathLossDB(logDistance3D: Double) -> Double {
        coefficients.nlosInterceptDB + coefficients.nlosSlopeDB * logDistance3D + nlosFrequencyTermDB - userHeightTermDB
    }
}
