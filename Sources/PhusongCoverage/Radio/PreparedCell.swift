import Foundation

/// A cell prepared for RSRP evaluation by the reference model (docs/specs/radio-model.md §1): its location
/// terms, antenna, EIRP, and its ``PreparedRadio`` (the path-loss model its band gets in each
/// area type, with every per-cell constant computed once).
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
    /// The band-and-height part: path-loss models, clamp and free-space floor.
    public let radio: PreparedRadio

    /// Carrier frequency, MHz.
    public var frequencyMHz: Double { radio.frequencyMHz }
    /// The path-loss model for each area type of village.
    public var pathLoss: ByAreaType<PathLossModel> { radio.pathLoss }

    public init(_ cell: Cell, parameters: RadioModelParameters) {
        self.init(cell, radio: PreparedRadio(bandMHz: cell.bandMHz, heightM: cell.heightM, parameters: parameters))
    }

    /// A cell with its radio already prepared (`radio` must be the one of the cell's band and
    /// height under the same parameters).
    init(_ cell: Cell, radio: PreparedRadio) {
        location = PreparedLocation(lon: cell.lon, lat: cell.lat)
        antenna = SectorAntenna(azimuthDeg: cell.azimuthDeg, beamwidthDeg: cell.beamwidthDeg)
        rsEIRPdBm = cell.rsEIRPdBm
        self.radio = radio
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
        guard distance2DM <= radio.maxRangeM else { return nil }
        return link(to: receiver, distance2DM: distance2DM)
    }

    /// The link to `receiver` at a ground distance already measured (unclamped d2D, metres),
    /// with no range check: for searches that measure distances first.
    @inlinable
    public func link(to receiver: ReceiverPoint, distance2DM: Double) -> RadioLink {
        let bearingDeg = antenna.azimuthDeg == nil ? nil : location.bearingDeg(to: receiver.location)
        let antennaGainDB = bearingDeg.map { antenna.gainDB(towardBearingDeg: $0) } ?? 0
        let loss = radio.pathLoss(distance2DM: distance2DM, areaType: receiver.areaType)
        return RadioLink(
            distance2DM: distance2DM, clampedDistance2DM: loss.clampedDistance2DM, distance3DM: loss.distance3DM,
            bearingDeg: bearingDeg, antennaGainDB: antennaGainDB, modelKind: radio.pathLoss[receiver.areaType].kind,
            modelPathLossDB: loss.modelDB, freeSpacePathLossDB: loss.freeSpaceDB, pathLossDB: loss.pathLossDB,
            rsrpDBm: rsEIRPdBm + antennaGainDB - loss.pathLossDB - radio.extraLossDB
        )
    }

    /// RSRP at `receiver` at a ground distance already measured, dBm (no range check).
    @inlinable
    public func rsrpDBm(at receiver: ReceiverPoint, distance2DM: Double) -> Double {
        radio.rsrpDBm(rsEIRPdBm: rsEIRPdBm, antenna: antenna, location: location, receiver: receiver, distance2DM: distance2DM)
    }

    /// The RSRP at the main-lobe peak (A_H = 0) for a receiver of `areaType` at ground
    /// distance `distance2DM` (unclamped, metres), dBm: an upper bound on what this cell
    /// delivers there.
    func unobstructedRSRPdBm(distance2DM: Double, areaType: AreaType) -> Double {
        radio.unobstructedRSRPdBm(rsEIRPdBm: rsEIRPdBm, distance2DM: distance2DM, areaType: areaType)
    }
}
