/// One cell → village link evaluated by the reference model, with its intermediate values
/// (docs/specs/radio-model.md §1: geometry, antenna, path loss, floor, received power).
public struct RadioLink: Sendable, Hashable {
    /// Great-circle ground distance, metres, before the clamp (the value the range check uses).
    public var distance2DM: Double
    /// Ground distance after the clamp to the minimum distance, metres (what the formulas use).
    public var clampedDistance2DM: Double
    /// `sqrt(clamped d2D^2 + (hBS - hUT)^2)`, metres.
    public var distance3DM: Double
    /// Initial bearing from the cell to the village, degrees clockwise from north; nil for an
    /// omnidirectional cell (its gain does not depend on it).
    public var bearingDeg: Double?
    /// A_H, dB (≤ 0).
    public var antennaGainDB: Double
    /// The model the policy chose for the cell's band and the village's area type.
    public var modelKind: PathLossModelKind
    /// That model's loss, dB, before the floor.
    public var modelPathLossDB: Double
    /// Free-space loss at d3D, dB.
    public var freeSpacePathLossDB: Double
    /// `max(model, free space)`, dB.
    public var pathLossDB: Double
    /// `rs_eirp_dbm + A_H - PL - extra_loss_db`, dBm.
    public var rsrpDBm: Double

    public init(
        distance2DM: Double, clampedDistance2DM: Double, distance3DM: Double, bearingDeg: Double?,
        antennaGainDB: Double, modelKind: PathLossModelKind, modelPathLossDB: Double,
        freeSpacePathLossDB: Double, pathLossDB: Double, rsrpDBm: Double
    ) {
        self.distance2DM = distance2DM
        self.clampedDistance2DM = clampedDistance2DM
        self.distance3DM = distance3DM
        self.bearingDeg = bearingDeg
        self.antennaGainDB = antennaGainDB
        self.modelKind = modelKind
        self.modelPathLossDB = modelPathLossDB
        self.freeSpacePathLossDB = freeSpacePathLossDB
        self.pathLossDB = pathLossDB
        self.rsrpDBm = rsrpDBm
    }
}
