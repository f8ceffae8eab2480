import Foundation

/// Okumura-Hata path loss (M. Hata, "Empirical formula for propagation loss in land mobile
/// radio services", IEEE Trans. Veh. Technol. VT-29(3), 1980), as docs/specs/radio-model.md §5.3 writes it:
///
///     Lu = 69.55 + 26.16 log f - 13.82 log hb - a(hm) + (44.9 - 6.55 log hb) log d
///
/// with the medium-city a(hm) and the urban / suburban / open-rural variants of
/// ``HataEnvironmentCorrection``.
///
/// Units: `f` in MHz, `hb` (base station) and `hm` (mobile) in metres, `d` = d2D in **km**
/// (``pathLossDB(distance2DM:)`` takes metres and divides by 1000), loss in dB. Hata's validity
/// range is 150–1500 MHz, hb 30–200 m, hm 1–10 m, d 1–20 km; the spec uses the formula as
/// written outside it (the caller clamps d2D to 10 m and the floor at FSPL is applied by the
/// link budget, not here).
public struct OkumuraHata: Sendable, Hashable {
    public let correction: HataEnvironmentCorrection
    /// `69.55 + 26.16 log f - 13.82 log hb - a(hm)`, dB, evaluated left to right.
    @usableFromInline let interceptDB: Double
    /// `44.9 - 6.55 log hb`, dB per decade of distance.
    @usableFromInline let slopeDB: Double

    public init(frequencyMHz: Double, baseStationHeightM: Double, mobileHeightM: Double, environment: HataEnvironment) {
        correction = HataEnvironmentCorrection(environment: environment, frequencyMHz: frequencyMHz)
        let logF = log10(frequencyMHz)
        let logHb = log10(baseStationHeightM)
        let aHm = HataEnvironment.mobileHeightCorrectionDB(frequencyMHz: frequencyMHz, mobileHeightM: mobileHeightM)
        interceptDB = 69.55 + 26.16 * logF - 13.82 * logHb - aHm
        slopeDB = 44.9 - 6.55 * logHb
    }

    /// The urban-form loss Lu, dB, at the ground distance `distance2DM` (metres).
    @inlinable
    public func urbanLossDB(distance2DM: Double) -> Double {
        interceptDB + slopeDB * log10(distance2DM / 1000)
    }

    /// The loss of this environment, dB, at the ground distance `distance2DM` (metres).
    @inlinable
    public func pathLossDB(distance2DM: Double) -> Double {
        correction.apply(to: urbanLossDB(distance2DM: distance2DM))
    }
}
