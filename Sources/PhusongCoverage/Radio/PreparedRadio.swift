import Foundation

/// The part of a prepared cell that depends only on its band and antenna height (and the
/// model's parameters): the path-loss model its band gets in each area type, with every
/// constant (logarithms of frequency and height, breakpoint distances, …) computed once, and
/// the clamp and free-space floor of docs/specs/radio-model.md §1. Cells that share band and height share
/// one radio, so a scenario of 341,154 cells needs only 856 of them.
public struct PreparedRadio: Sendable, Hashable {
    /// Carrier frequency, MHz.
    public let frequencyMHz: Double
    /// Antenna height above ground, m (the terrain model's h_tx).
    public let antennaHeightM: Double
    /// The path-loss model for each area type of village.
    public let pathLoss: ByAreaType<PathLossModel>
    /// `(hBS - hUT)^2`, m².
    @usableFromInline let heightDifferenceSquaredM2: Double
    @usableFromInline let maxRangeM: Double
    @usableFromInline let minDistanceM: Double
    @usableFromInline let extraLossDB: Double

    /// - Parameters:
    ///   - bandMHz: carrier frequency, MHz.
    ///   - heightM: antenna height above ground, metres.
    ///   - parameters: the radio model (path-loss model per band and area type, heights,
    ///     range, extra loss).
    public init(bandMHz: Double, heightM: Double, parameters: RadioModelParameters) {
        frequencyMHz = bandMHz
        antennaHeightM = heightM
        pathLoss = parameters.propagation.models(bandMHz: bandMHz).map { areaType, kind in
            PathLossModel(
                kind: kind, frequencyMHz: bandMHz, baseStationHeightM: heightM,
                userHeightM: parameters.userHeightM, areaType: areaType, policy: parameters.propagation
            )
        }
        let heightDifference = heightM - parameters.userHeightM
        heightDifferenceSquaredM2 = heightDifference * heightDifference
        maxRangeM = parameters.maxRangeM
        minDistanceM = parameters.minDistanceM
        extraLossDB = parameters.extraLossDB
    }

    /// The path loss toward a receiver of `areaType` at unclamped ground distance
    /// `distance2DM` (metres): the clamp, d3D, the model's loss, the free-space floor and their
    /// maximum (dB).
    @inlinable
    func pathLoss(distance2DM: Double, areaType: AreaType)
        -> (clampedDistance2DM: Double, distance3DM: Double, modelDB: Double, freeSpaceDB: Double, pathLossDB: Double) {
        let clampedDistance2DM = max(distance2DM, minDistanceM)
        let distance3DM = sqrt(clampedDistance2DM * clampedDistance2DM + heightDifferenceSquaredM2)
        let modelDB = pathLoss[areaType].pathLossDB(distance2DM: clampedDistance2DM, distance3DM: distance3DM)
        let freeSpaceDB = FreeSpacePathLoss.pathLossDB(distance3DM: distance3DM, frequencyMHz: frequencyMHz)
        return (clampedDistance2DM, distance3DM, modelDB, freeSpaceDB, max(modelDB, freeSpaceDB))
    }

    /// RSRP = rs_eirp_dbm + A_H − PL − extra_loss_db (docs/specs/radio-model.md §1, in that order), dBm,
    /// for a cell of this radio at `location` with `antenna` and `rsEIRPdBm` (dBm), toward
    /// `receiver` at unclamped ground distance `distance2DM` (metres, already measured).
    @inlinable
    func rsrpDBm(
        rsEIRPdBm: Double, antenna: SectorAntenna, location: PreparedLocation, receiver: ReceiverPoint, distance2DM: Double
    ) -> Double {
        let antennaGainDB = antenna.azimuthDeg == nil ? 0 : antenna.gainDB(towardBearingDeg: location.bearingDeg(to: receiver.location))
        return rsEIRPdBm + antennaGainDB - pathLoss(distance2DM: distance2DM, areaType: receiver.areaType).pathLossDB - extraLossDB
    }

    /// The RSRP at the main-lobe peak (A_H = 0) of a cell of this radio with `rsEIRPdBm` (dBm),
    /// for a receiver of `areaType` at ground distance `distance2DM` (unclamped, metres), dBm:
    /// an upper bound on what the cell delivers there.
    func unobstructedRSRPdBm(rsEIRPdBm: Double, distance2DM: Double, areaType: AreaType) -> Double {
        rsEIRPdBm - pathLoss(distance2DM: distance2DM, areaType: areaType).pathLossDB - extraLossDB
    }
}
