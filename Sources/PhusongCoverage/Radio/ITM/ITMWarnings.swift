/// ITM's warning flags: the result is computed but an input or an intermediate value lies near
/// the edge of the model's domain (NTIA ITM v1.4, `Warnings.h`; the same bit values, so a
/// flag word compares with the reference implementation's output, e.g. `0x0000`).
public struct ITMWarnings: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    /// A flag word from NTIA's bit values.
    /// - Parameter rawValue: the flag bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Transmitter structural height outside 1–1,000 m.
    public static let txTerminalHeight = ITMWarnings(rawValue: 0x0001)
    /// Receiver structural height outside 1–1,000 m.
    public static let rxTerminalHeight = ITMWarnings(rawValue: 0x0002)
    /// Frequency outside 40–10,000 MHz.
    public static let frequency = ITMWarnings(rawValue: 0x0004)
    /// Path longer than 1,000 km.
    public static let pathDistanceTooBig1 = ITMWarnings(rawValue: 0x0008)
    /// Path longer than 2,000 km.
    public static let pathDistanceTooBig2 = ITMWarnings(rawValue: 0x0010)
    /// Path shorter than |h_e,tx − h_e,rx| / 0.2 (a steep path).
    public static let pathDistanceTooSmall1 = ITMWarnings(rawValue: 0x0020)
    /// Path shorter than 1 km.
    public static let pathDistanceTooSmall2 = ITMWarnings(rawValue: 0x0040)
    /// |θ_hzn,tx| above 200 mrad: the small-angle approximations may break down.
    public static let txHorizonAngle = ITMWarnings(rawValue: 0x0080)
    /// |θ_hzn,rx| above 200 mrad.
    public static let rxHorizonAngle = ITMWarnings(rawValue: 0x0100)
    /// Transmitter horizon closer than a tenth of its smooth-earth horizon.
    public static let txHorizonDistance1 = ITMWarnings(rawValue: 0x0200)
    /// Receiver horizon closer than a tenth of its smooth-earth horizon.
    public static let rxHorizonDistance1 = ITMWarnings(rawValue: 0x0400)
    /// Transmitter horizon farther than three times its smooth-earth horizon.
    public static let txHorizonDistance2 = ITMWarnings(rawValue: 0x0800)
    /// Receiver horizon farther than three times its smooth-earth horizon.
    public static let rxHorizonDistance2 = ITMWarnings(rawValue: 0x1000)
    /// A time, location or situation deviate beyond 3.10 standard deviations.
    public static let extremeVariabilities = ITMWarnings(rawValue: 0x2000)
    /// Surface refractivity N_s below 250 N-units.
    public static let surfaceRefractivity = ITMWarnings(rawValue: 0x4000)

    /// Every flag with the name the summary counts it under, in bit order.
    public static let named: [(flag: ITMWarnings, name: String)] = [
        (.txTerminalHeight, "tx_terminal_height"), (.rxTerminalHeight, "rx_terminal_height"),
        (.frequency, "frequency"), (.pathDistanceTooBig1, "path_distance_too_big_1"),
        (.pathDistanceTooBig2, "path_distance_too_big_2"), (.pathDistanceTooSmall1, "path_distance_too_small_1"),
        (.pathDistanceTooSmall2, "path_distance_too_small_2"), (.txHorizonAngle, "tx_horizon_angle"),
        (.rxHorizonAngle, "rx_horizon_angle"), (.txHorizonDistance1, "tx_horizon_distance_1"),
        (.rxHorizonDistance1, "rx_horizon_distance_1"), (.txHorizonDistance2, "tx_horizon_distance_2"),
        (.rxHorizonDistance2, "rx_horizon_distance_2"), (.extremeVariabilities, "extreme_variabilities"),
        (.surfaceRefractivity, "surface_refractivity"),
    ]
}
