import Foundation

/// COST-231 Hata path loss (COST Action 231, "Digital mobile radio towards future generation
/// systems", final report, 1999, §4.4.1), as docs/specs/radio-model.md §5.4 writes it:
///
///     Lc(Cm) = 46.3 + 33.9 log f - 13.82 log hb - a(hm) + (44.9 - 6.55 log hb) log d + Cm
///
/// urban: `Lc(3)`; suburban and open/rural: `Lc(0)` with the Hata environment corrections of
/// ``HataEnvironmentCorrection`` (the spec's choice; COST-231 itself defines only Cm = 0 / 3).
///
/// Units: `f` in MHz, `hb` and `hm` in metres, `d` = d2D in **km** (``pathLossDB(distance2DM:)``
/// takes metres), loss in dB. COST-231's validity range is 1500–2000 MHz, hb 30–200 m,
/// hm 1–10 m, d 1–20 km; the spec uses it as written up to 2700 MHz and at any distance.
public struct Cost231Hata: Sendable, Hashable {
    public let correction: HataEnvironmentCorrection
    /// Cm, dB: 3 for urban, 0 otherwise.
    public let metropolitanCorrectionDB: Double
    /// `46.3 + 33.9 log f - 13.82 log hb - a(hm)`, dB, evaluated left to right.
    @usableFromInline let interceptDB: Double
    /// `44.9 - 6.55 log hb`, dB per decade of distance.
    @usableFromInline let slopeDB: Double

    public init(frequencyMHz: Double, baseStationHeightM: Double, mobileHeightM: Double, environment: HataEnvironment) {
        correction = HataEnvironmentCorrection(environment: environment, frequencyMHz: frequencyMHz)
        metropolitanCorrectionDB = environment == .urban ? 3 : 0
        let logF = log10(frequencyMHz)
        let logHb = log10(baseStationHeightM)
        let aHm = HataEnvironment.mobileHeightCorrectionDB(frequencyMHz: frequencyMHz, mobileHeightM: mobileHeightM)
        interceptDB = 46.3 + 33.9 * logF - 13.82 * logHb - aHm
        slopeDB = 44.9 - 6.55 * logHb
    }

    /// `Lc(Cm)`, dB, at the ground distance `distance2DM` (metres), for any `cmDB`.
    @inlinable
    public func basicLossDB(distance2DM: Double, cmDB: Double) -> Double {
        interceptDB + slopeDB * log10(distance2DM / 1000) + cmDB
    }

    /// The loss of this environment, dB, at the ground distance `distance2DM` (metres).
    @inlinable
    public func pathLossDB(distance2DM: Double) -> Double {
        correction.apply(to: basicLossDB(distance2DM: distance2DM, cmDB: metropolitanCorrectionDB))
    }
}
