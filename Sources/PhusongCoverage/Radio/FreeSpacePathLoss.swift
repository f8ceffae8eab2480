import Foundation

/// Free-space basic transmission loss, ITU-R P.525-4 §2.2:
/// `FSPL = 20 log10(4π d f / c)`, here `20 log10(4π d3D f·1e6 / 299792458)` (docs/specs/radio-model.md §5.6,
/// "Floor").
///
/// Units: distance in metres, frequency in MHz, loss in dB. Valid for any positive distance and
/// frequency (it is the physical lower bound of every other model, hence the floor).
public enum FreeSpacePathLoss {
    /// Speed of light in vacuum, m/s (exact SI value), as P.525 and the spec use it.
    public static let speedOfLightMPerS = 299_792_458.0

    /// FSPL in dB at the 3-D distance `distance3DM` (metres) and frequency `frequencyMHz` (MHz).
    ///
    /// Evaluated left to right as the spec writes it: `((4π · d) · f) · 1e6 / c`.
    @inlinable
    public static func pathLossDB(distance3DM: Double, frequencyMHz: Double) -> Double {
        20 * log10(4 * Double.pi * distance3DM * frequencyMHz * 1e6 / speedOfLightMPerS)
    }
}
