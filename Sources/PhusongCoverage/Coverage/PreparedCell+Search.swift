/// Evaluation entry points for the coverage search.
extension PreparedCell {
    /// The RSRP at the main-lobe peak (A_H = 0) for a receiver of `areaType` at ground
    /// distance `distance2DM` (unclamped), dBm: an upper bound on what this cell delivers there.
    func unobstructedRSRPdBm(distance2DM: Double, areaType: AreaType) -> Double {
        rsEIRPdBm - pathLoss(distance2DM: distance2DM, areaType: areaType).pathLossDB - extraLossDB
    }
}
