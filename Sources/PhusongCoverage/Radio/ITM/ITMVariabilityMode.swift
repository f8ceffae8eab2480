/// ITM's mode of variability `mdvar` (Hufford, Longley and Kissick, "A guide to the use of the
/// ITS Irregular Terrain Model in the area prediction mode", NTIA Report 82-100 (1982), §4;
/// the Algorithm, §5).
///
/// NTIA's code is `base + 10·(location variability eliminated) + 20·(direct situation
/// variability eliminated)`, so the valid codes are 0–3, 10–13, 20–23 and 30–33.
public struct ITMVariabilityMode: Sendable, Hashable {
    /// How time, location and situation variability are combined.
    public enum Base: Int, Sendable, Hashable, CaseIterable {
        /// Single-message mode: one variable, the confidence.
        case singleMessage = 0
        /// Accidental mode: time variability is the reliability, location goes with situation.
        case accidental = 1
        /// Mobile mode: location variability goes with time.
        case mobile = 2
        /// Broadcast mode: time, location and situation apart.
        case broadcast = 3
    }

    /// The combination of variabilities.
    public var base: Base
    /// `+10`: location variability is eliminated (point-to-point links with known ends).
    public var eliminatesLocationVariability: Bool
    /// `+20`: direct situation variability is eliminated (interference studies).
    public var eliminatesSituationVariability: Bool

    /// A mode from its parts.
    /// - Parameters:
    ///   - base: how the variabilities are combined.
    ///   - eliminatesLocationVariability: NTIA's `+10`.
    ///   - eliminatesSituationVariability: NTIA's `+20`.
    public init(base: Base, eliminatesLocationVariability: Bool = false, eliminatesSituationVariability: Bool = false) {
        self.base = base
        self.eliminatesLocationVariability = eliminatesLocationVariability
        self.eliminatesSituationVariability = eliminatesSituationVariability
    }

    /// The mode that NTIA's integer code names.
    /// - Parameter code: `mdvar`, one of 0–3, 10–13, 20–23, 30–33.
    /// - Throws: ``ITMError`` (``ITMError/Parameter/variabilityMode``) for any other code.
    public init(code: Int) throws(ITMError) {
        let situation = code >= 20 && code <= 33
        let rest = situation ? code - 20 : code
        let location = rest >= 10 && rest <= 13
        guard let base = Base(rawValue: location ? rest - 10 : rest) else {
            throw ITMError(.variabilityMode, value: Double(code), allowed: "0–3, 10–13, 20–23 or 30–33")
        }
        self.init(base: base, eliminatesLocationVariability: location, eliminatesSituationVariability: situation)
    }

    /// NTIA's integer code of this mode.
    public var code: Int {
        base.rawValue + (eliminatesLocationVariability ? 10 : 0) + (eliminatesSituationVariability ? 20 : 0)
    }
}
