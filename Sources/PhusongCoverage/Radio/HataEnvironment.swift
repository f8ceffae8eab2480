import Foundation

/// The environment variants shared by Okumura-Hata and COST-231 Hata (docs/specs/radio-model.md §5.2,
/// "Path loss" 1 and 2): urban, suburban, and open/rural (the "open area" correction).
public enum HataEnvironment: Sendable, Hashable {
    case urban, suburban, openRural

    /// The variant used for a village's area type: rural and open villages both take the
    /// open-area correction.
    public init(_ areaType: AreaType) {
        switch areaType {
        case .urban: self = .urban
        case .suburban: self = .suburban
        case .rural, .open: self = .openRural
        }
    }

    /// The medium-city mobile-antenna height correction a(hm), dB (Hata 1980, eq. 4;
    /// docs/specs/radio-model.md §5.2): `(1.1 log f - 0.7) hm - (1.56 log f - 0.8)`, `f` in MHz, `hm` in
    /// metres. The spec uses it in every environment, urban included.
    @inlinable
    public static func mobileHeightCorrectionDB(frequencyMHz: Double, mobileHeightM: Double) -> Double {
        let logF = log10(frequencyMHz)
        return (1.1 * logF - 0.7) * mobileHeightM - (1.56 * logF - 0.8)
    }
}

/// The environment term of the Hata family, precomputed for one frequency, applied to the
/// urban loss `L` (dB):
/// - urban: `L`;
/// - suburban: `L - 2 (log(f/28))^2 - 5.4`;
/// - open/rural: `L - 4.78 (log f)^2 + 18.33 log f - 40.94`.
///
/// The frequency terms are stored as the spec's sub-expressions and subtracted/added in the
/// spec's left-to-right order, so the result is bit-identical to evaluating the formula in full.
public struct HataEnvironmentCorrection: Sendable, Hashable {
    public let environment: HataEnvironment
    /// Suburban: `2 (log(f/28))^2`; open/rural: `4.78 (log f)^2`; urban: 0 (unused).
    @usableFromInline let quadraticTermDB: Double
    /// Open/rural: `18.33 log f`; otherwise 0 (unused).
    @usableFromInline let linearTermDB: Double

    /// The correction for `environment` at `frequencyMHz` (MHz).
    public init(environment: HataEnvironment, frequencyMHz: Double) {
        self.environment = environment
        switch environment {
        case .urban:
            quadraticTermDB = 0
            linearTermDB = 0
        case .suburban:
            let logRatio = log10(frequencyMHz / 28)
            quadraticTermDB = 2 * (logRatio * logRatio)
            linearTermDB = 0
        case .openRural:
            let logF = log10(frequencyMHz)
            quadraticTermDB = 4.78 * (logF * logF)
            linearTermDB = 18.33 * logF
        }
    }

    /// The environment's loss, dB, from the urban-form loss `urbanLossDB`.
    @inlinable
    public func apply(to urbanLossDB: Double) -> Double {
        switch environment {
        case .urban: urbanLossDB
        case .suburban: urbanLossDB - quadraticTermDB - 5.4
        case .openRural: urbanLossDB - quadraticTermDB + linearTermDB - 40.94
        }
    }
}
