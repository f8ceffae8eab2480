import Foundation

/// 3GPP TR 38.901 Table 7.4.1-1, Rural Macro (RMa), as docs/specs/radio-model.md §5.5 writes it:
///
///     dBP    = 2 pi hBS hUT fc 1e9 / c
///     PL1(d) = 20 log(40 pi d fc / 3) + min(0.03 h^1.72, 10) log d - min(0.044 h^1.72, 14.77)
///              + 0.002 log(h) d
///     LOS    = PL1(d3D) if d2D <= dBP, else PL1(dBP) + 40 log(d3D / dBP)
///     NLOS'  = 161.04 - 7.1 log W + 7.5 log h - (24.37 - 3.7 (h/hBS)^2) log hBS
///              + (43.42 - 3.1 log hBS)(log d3D - 3) + 20 log fc - (3.2 (log(11.75 hUT))^2 - 4.97)
///     NLOS   = max(LOS, NLOS')
///
/// Units: frequency in MHz (`fc` = f / 1000 GHz), heights, widths and distances in metres, loss
/// in dB. The table's validity: 0.5–30 GHz, 10 m ≤ hBS ≤ 150 m, 1 m ≤ hUT ≤ 10 m,
/// 5 m ≤ h ≤ 50 m, 5 m ≤ W ≤ 50 m, 10 m ≤ d2D ≤ 10 km (LOS) / 5 km (NLOS); the spec uses
/// the formulas as written outside it. Defaults h = 5 m, W = 20 m; c = 3.0e8 m/s.
public struct TR38901RMa: Sendable, Hashable {
    /// dBP, metres.
    public let breakpointDistanceM: Double
    /// fc, GHz.
    @usableFromInline let fcGHz: Double
    /// `min(0.03 h^1.72, 10)`, dB per decade.
    @usableFromInline let pl1LogCoefficientDB: Double
    /// `min(0.044 h^1.72, 14.77)`, dB.
    @usableFromInline let pl1OffsetDB: Double
    /// `0.002 log(h)`, dB per metre.
    @usableFromInline let pl1LinearCoefficientDB: Double
    /// PL1(dBP), dB.
    @usableFromInline let pl1AtBreakpointDB: Double
    /// `161.04 - 7.1 log W + 7.5 log h - (24.37 - 3.7 (h/hBS)^2) log hBS`, dB.
    @usableFromInline let nlosInterceptDB: Double
    /// `43.42 - 3.1 log hBS`, dB per decade.
    @usableFromInline let nlosSlopeDB: Double
    /// `20 log fc`, dB.
    @usableFromInline let frequencyTermDB: Double
    /// `3.2 (log(11.75 hUT))^2 - 4.97`, dB.
    @usableFromInline let userHeightTermDB: Double

    public init(
        frequencyMHz: Double, baseStationHeightM: Double, userHeightM: Double,
        buildingHeightM: Double = 5, streetWidthM: Double = 20
    ) {
        fcGHz = frequencyMHz / 1000
        breakpointDistanceM = 2 * Double.pi * baseStationHeightM * userHeightM * fcGHz * 1e9 / TR38901.speedOfLightMPerS
        let heightPower = pow(buildingHeightM, 1.72)
        pl1LogCoefficientDB = min(0.03 * heightPower, 10)
        pl1OffsetDB = min(0.044 * heightPower, 14.77)
        pl1LinearCoefficientDB = 0.002 * log10(buildingHeightM)
        let heightRatio = buildingHeightM / baseStationHeightM
        let logHBS = log10(baseStationHeightM)
        nlosInterceptDB = 161.04 - 7.1 * log10(streetWidthM) + 7.5 * log10(buildingHeightM)
            - (24.37 - 3.7 * (heightRatio * heightRatio)) * logHBS
        nlosSlopeDB = 43.42 - 3.1 * logHBS
        frequencyTermDB = 20 * log10(fcGHz)
        let logUser = log10(11.75 * userHeightM)
        userHeightTermDB = 3.2 * (logUser * logUser) - 4.97
        pl1AtBreakpointDB = Self.pl1(
            breakpointDistanceM, logDistance: log10(breakpointDistanceM), fcGHz: fcGHz,
            logCoefficientDB: pl1LogCoefficientDB, offsetDB: pl1OffsetDB, linearCoefficientDB: pl1LinearCoefficientDB
        )
    }

    /// PL1(d), dB, at distance `d` (metres).
    @inlinable
    public func pl1(_ distanceM: Double) -> Double {
        pl1(distanceM, logDistance: log10(distanceM))
    }

    /// LOS loss, dB, at ground distance `distance2DM` and 3-D distance `distance3DM` (metres).
    @inlinable
    public func losPathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        losPathLossDB(distance2DM: distance2DM, distance3DM: distance3DM, logDistance3D: log10(distance3DM))
    }

    /// NLOS' (before the max with LOS), dB, at 3-D distance `distance3DM` (metres).
    @inlinable
    public func nlosPrimePathLossDB(distance3DM: Double) -> Double {
        nlosPrimePathLossDB(logDistance3D: log10(distance3DM))
    }

    /// NLOS loss `max(LOS, NLOS')`, dB — the spec's RMa path loss.
    @inlinable
    public func pathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        let logDistance3D = log10(distance3DM)
        return max(
            losPathLossDB(distance2DM: distance2DM, distance3DM: distance3DM, logDistance3D: logDistance3D),
            nlosPrimePathLossDB(logDistance3D: logDistance3D)
        )
    }

    @inlinable
    func pl1(_ distanceM: Double, logDistance: Double) -> Double {
        Self.pl1(
            distanceM, logDistance: logDistance, fcGHz: fcGHz, logCoefficientDB: pl1LogCoefficientDB,
            offsetDB: pl1OffsetDB, linearCoefficientDB: pl1LinearCoefficientDB
        )
    }

    /// PL1 with its coefficients passed in; `logDistance` is `log10(distanceM)`.
    @inlinable
    static func pl1(
        _ distanceM: Double, logDistance: Double, fcGHz: Double,
        logCoefficientDB: Double, offsetDB: Double, linearCoefficientDB: Double
    ) -> Double {
        20 * log10(40 * Double.pi * distanceM * fcGHz / 3) + logCoefficientDB * logDistance - offsetDB
            + linearCoefficientDB * distanceM
    }

    @inlinable
    func losPathLossDB(distance2DM: Double, distance3DM: Double, logDistance3D: Double) -> Double {
        if distance2DM <= breakpointDistanceM {
            return pl1(distance3DM, logDistance: logDistance3D)
        }
        return pl1AtBreakpointDB + 40 * log10(distance3DM / breakpointDistanceM)
    }

    @inlinable
    func nlosPrimePathLossDB(logDistance3D: Double) -> Double {
        nlosInterceptDB + nlosSlopeDB * (logDistance3D - 3) + frequencyTermDB - userHeightTermDB
    }
}
