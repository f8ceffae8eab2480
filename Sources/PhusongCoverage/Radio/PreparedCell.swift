import Foundation

/// A cell prepared for RSRP evaluation by the reference model (coverage-model.md): its location
/// terms, antenna, EIRP, and the path-loss model its band gets in each area type, with every
/// per-cell constant (logarithms of frequency and height, breakpoint distances, …) computed once.
///
/// ``rsrpDBm(at:)`` is the hot-loop entry point: no allocation, no hashing, two to three
/// `log10`, three to six trigonometric calls per link. It computes, in this order:
/// 1. d2D = haversine distance (``Geodesy``); out of range when d2D > `max_range_m` (nil);
/// 2. d2D raised to `min_distance_m`; d3D = sqrt(d2D² + (hBS − hUT)²);
/// 3. A_H toward the initial bearing (``SectorAntenna``), 0 for an omnidirectional cell;
/// 4. PL = max(model of the village's area type, FSPL at d3D);
/// 5. RSRP = rs_eirp_dbm + A_H − PL − extra_loss_db.
///
/// Every formula is evaluated term by term in the spec's left-to-right order; the precomputed
/// constants are the spec's own sub-expressions, so results are bit-identical to evaluating the
/// formulas in full with the same `log10`.
///
/// A prepared cell copies the parameters it needs; it does not change when they do.
public struct PreparedCell: Sendable, Hashable {
    public let location: PreparedLocation
    public let antenna: SectorAntenna
    /// Reference-signal EIRP, dBm.
    public let rsEIRPdBm: Double
    /// Carrier frequency, MHz.
    public let frequencyMHz: Double
    /// The path-loss model for each area type of village.
    public let pathLoss: ByAreaType<PathLossModel>
    /// `(hBS - hUT)^2`, m².
    @usableFromInline let heightDifferenceSquaredM2: Double
    @usableFromInline let maxRangeM: Double
    @usableFromInline let minDistanceM: Double
    @usableFromInline let extraLossDB: Double

    public init(_ cell: Cell, parameters: RadioModelParameters) {
        location = PreparedLocation(lon: cell.lon, lat: cell.lat)
        antenna = SectorAntenna(azimuthDeg: cell.azimuthDeg, beamwidthDeg: cell.beamwidthDeg)
        rsEIRPdBm = cell.rsEIRPdBm
        frequencyMHz = cell.bandMHz
        pathLoss = parameters.propagation.models(bandMHz: cell.bandMHz).map { areaType, kind in
            PathLossModel(
                kind: kind, frequencyMHz: cell.bandMHz, baseStationHeightM: cell.heightM,
                userHeightM: parameters.userHeightM, areaType: areaType, policy: parameters.propagation
            )
        }
        let heightDifference = cell.heightM - parameters.userHeightM
        heightDifferenceSquaredM2 = heightDifference * heightDifference
        maxRangeM = parameters.maxRangeM
        minDistanceM = parameters.minDistanceM
        extraLossDB = parameters.extraLossDB
    }

    /// RSRP at `receiver`, dBm, or nil when the receiver is beyond the maximum range.
    @inlinable
    public func rsrpDBm(at receiver: ReceiverPoint) -> Double? {
        link(to: receiver)?.rsrpDBm
    }

    /// The link to `receiver` with its intermediate values, or nil when the receiver is beyond
    /// the maximum range (unclamped d2D > `max_range_m`; the limit itself is in range).
    @inlinable
    public func link(to receiver: ReceiverPoint) -> RadioLink? {
        let distance2DM = location.distanceM(to: receiver.location)
        guard distance2DM <= maxRangeM else { return nil }
        return link(to: receiver, distance2DM: distance2DM)
    }

    /// The link to `receiver` at a ground distance already measured (unclamped d2D, metres),
    /// with no range check: for searches that measure distances first.
    @inlinable
    public func link(to receiver: ReceiverPoint, distance2DM: Double) -> RadioLink {
        let bearingDeg = antenna.azimuthDeg == nil ? nil : location.bearingDeg(to: receiver.location)
        let antennaGainDB = bearingDeg.map { antenna.gainDB(towardBearingDeg: $0) } ?? 0
        let loss = pathLoss(distance2DM: distance2DM, areaType: receiver.areaType)
        return RadioLink(
            distance2DM: distance2DM, clampedDistance2DM: loss.clampedDistance2DM, distance3DM: loss.distance3DM,
            bearingDeg: bearingDeg, antennaGainDB: antennaGainDB, modelKind: pathLoss[receiver.areaType].kind,
            modelPathLossDB: loss.modelDB, freeSpacePathLossDB: loss.freeSpaceDB, pathLossDB: loss.pathLossDB,
            rsrpDBm: rsEIRPdBm + antennaGainDB - loss.pathLossDB - extraLossDB
        )
    }

    /// RSRP at `receiver` at a ground distance already measured, dBm (no range check).
    @inlinable
    public func rsrpDBm(at receiver: ReceiverPoint, distance2DM: Double) -> Double {
        link(to: receiver, distance2DM: distance2DM).rsrpDBm
    }

    /// The path loss toward a receiver of `areaType` at unclamped ground distance
    /// `distance2DM`: the clamp, d3D, the model's loss, the free-space floor and their maximum.
    @inlinable
    func pathLoss(distance2DM: Double, areaType: AreaType)
        -> (clampedDistance2DM: Double, distance3DM: Double, modelDB: Double, freeSpaceDB: Double, pathLossDB: Double) {
        let clampedDistance2DM = max(distance2DM, minDistanceM)
        let distance3DM = sqrt(clampedDistance2DM * clampedDistance2DM + heightDifferenceSquaredM2)
        let modelDB = pathLoss[areaType].pathLossDB(distance2DM: clampedDistance2DM, distance3DM: distance3DM)
        let freeSpaceDB = FreeSpacePathLoss.pathLossDB(distance3DM: distance3DM, frequencyMHz: frequencyMHz)
        return (clampedDistance2DM, distance3DM, modelDB, freeSpaceDB, max(modelDB, freeSpaceDB))
    }
}
