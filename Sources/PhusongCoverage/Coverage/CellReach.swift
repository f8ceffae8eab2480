/// What bounds one cell's RSRP in a coverage search: everything of its link budget that does
/// not depend on the village's position (EIRP, extra loss, the radio whose path loss applies)
/// and its ``SectorGainBound``. Kept in a search group's tree order, beside the cells' unit
/// vectors, so a search reads both sequentially: 36 bytes a cell.
struct CellReach: Sendable {
    let gain: SectorGainBound
    /// EIRP − `extra_loss_db` + ``ReachBounds/marginDB``, dBm, rounded up to a `Float`
    /// (which only weakens the bound).
    let peakDBm: Float
    /// Index of the cell's radio in ``SearchCells/radios`` (and in the loss table).
    let radio: Int32

    init(_ entry: SearchCells.Entry, gain: SectorGainBound, extraLossDB: Double) {
        self.gain = gain
        let peak = entry.rsEIRPdBm - extraLossDB + ReachBounds.marginDB
        let nearest = Float(peak)
        peakDBm = Double(nearest) < peak ? nearest.nextUp : nearest
        radio = entry.radio
    }

    /// An upper bound on the cell's RSRP at a village of `areaType` at offset `offset` from
    /// it (unit vectors) and at least `distanceM` metres away, dBm: for the true link budget
    /// RSRP = EIRP + A_H − PL(d) − extra loss (docs/specs/radio-model.md §1), A_H is at most
    /// the gain bound and PL(d) at least the radio's loss at the table distance below d
    /// (every model is non-decreasing in distance, ``ReachBounds``).
    @inline(__always)
    func upperBoundDBm(towardOffset offset: SIMD3<Double>, areaType: AreaType, atLeastM distanceM: Double,
                       losses: ReachBounds.LossTable) -> Double {
        Double(peakDBm) + gain.gainBoundDB(towardOffset: offset) - losses.lossDB(radio: Int(radio), areaType: areaType, atLeastM: distanceM)
    }
}
