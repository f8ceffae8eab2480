import Foundation

/// A scenario of 3GPP TR 38.901 Table 7.4.1-1 (UMa, RMa, UMi-Street Canyon): each gives its LOS
/// and NLOS' formulas, and the NLOS path loss is `max(LOS, NLOS')` for all of them
/// (docs/specs/radio-model.md §5.5). The public forms below are written once for every scenario;
/// the requirements take `log10(d3D)` so that it is computed once per link.
///
/// Units: distances in metres, losses in dB.
public protocol TR38901Scenario: Sendable {
    /// LOS loss, dB, at ground distance `distance2DM` and 3-D distance `distance3DM` (metres),
    /// with `logDistance3D = log10(distance3DM)`.
    func losPathLossDB(distance2DM: Double, distance3DM: Double, logDistance3D: Double) -> Double
    /// NLOS' (the NLOS formula before the max with LOS), dB, with `logDistance3D = log10(d3D)`.
    func nlosPrimePathLossDB(logDistance3D: Double) -> Double
}

extension TR38901Scenario {
    /// LOS loss, dB, at ground distance `distance2DM` and 3-D distance `distance3DM` (metres).
    @inlinable
    public func losPathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        losPathLossDB(distance2DM: distance2DM, distance3DM: distance3DM, logDistance3D: log10(distance3DM))
    }

    /// NLOS' (the NLOS formula before the max with LOS), dB, at 3-D distance `distance3DM` (metres).
    @inlinable
    public func nlosPrimePathLossDB(distance3DM: Double) -> Double {
        nlosPrimePathLossDB(logDistance3D: log10(distance3DM))
    }

    /// NLOS loss `max(LOS, NLOS')`, dB: the scenario's path loss in the spec.
    @inlinable
    public func pathLossDB(distance2DM: Double, distance3DM: Double) -> Double {
        let logDistance3D = log10(distance3DM)
        return max(
            losPathLossDB(distance2DM: distance2DM, distance3DM: distance3DM, logDistance3D: logDistance3D),
            nlosPrimePathLossDB(logDistance3D: logDistance3D)
        )
    }
}
