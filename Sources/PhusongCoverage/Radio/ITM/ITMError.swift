import PhusongSupport

/// An input outside the Irregular Terrain Model's domain, or an intermediate value ITM refuses
/// (NTIA ITM v1.4 `ValidateInputs` and `LongleyRice`, error codes 1000–1022). ITM then returns
/// no loss; the terrain model falls back to the empirical model and counts the pair
/// (docs/specs/terrain-model.md, "Path loss").
public struct ITMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which input or intermediate value is out of range.
    public enum Parameter: String, Sendable, Hashable, CaseIterable {
        /// Transmitter structural height, m (NTIA error 1000).
        case txHeight = "transmitter height (m)"
        /// Receiver structural height, m (1001).
        case rxHeight = "receiver height (m)"
        /// Radio climate code (1002).
        case climate = "radio climate"
        /// Time percentage (1003).
        case time = "time (%)"
        /// Location percentage (1004).
        case location = "location (%)"
        /// Situation percentage (1005).
        case situation = "situation (%)"
        /// Surface refractivity at sea level N_0, N-units (1008).
        case refractivity = "refractivity N_0 (N-units)"
        /// Frequency, MHz (1009).
        case frequency = "frequency (MHz)"
        /// Relative permittivity of the ground (1011).
        case permittivity = "relative permittivity epsilon"
        /// Ground conductivity, S/m (1012).
        case conductivity = "conductivity sigma (S/m)"
        /// The ground impedance's imaginary part is not smaller than its real part (1013).
        case groundImpedance = "ground impedance Re(Z_g) - |Im(Z_g)|"
        /// Mode of variability code (1014).
        case variabilityMode = "mode of variability mdvar"
        /// Effective earth radius computed from N_s, m (1016).
        case effectiveEarthRadius = "effective earth radius (m)"
        /// Surface refractivity N_s computed for the path's mean height, N-units (1021, 1022).
        case surfaceRefractivity = "surface refractivity N_s (N-units)"
        /// The profile: number of intervals (phusong's own check: ITM indexes the profile by it).
        case profileIntervals = "profile intervals"
        /// The profile: spacing between points, m (phusong's own check).
        case profileSpacing = "profile spacing (m)"
        /// The profile: a height that is not a finite number, m (phusong's own check).
        case profileHeight = "profile height (m)"
    }

    /// The input or intermediate value out of range.
    public let parameter: Parameter
    /// Its value, in the parameter's unit.
    public let value: Double
    /// The allowed values, in words (e.g. `0.5–3000`).
    public let allowed: String

    /// An error for `parameter` with its value and allowed range.
    /// - Parameters:
    ///   - parameter: the input or intermediate value.
    ///   - value: its value.
    ///   - allowed: the allowed values, in words.
    public init(_ parameter: Parameter, value: Double, allowed: String) {
        self.parameter = parameter
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        "ITM: \(parameter.rawValue) \(NumberText.shortest(value)) is outside ITM's domain (allowed: \(allowed))"
    }
}
