/// Upper bounds on the RSRP any cell of a ``CellTree`` node can deliver at a distance, for
/// each node of one search group: what lets a search pass over a whole box of cells.
///
/// For a cell, RSRP ≤ peak − PL_radio(D) with peak = EIRP − extra loss (``CellReach``) and
/// D any distance up to the true one (every path-loss model is non-decreasing in distance,
/// ``ReachBounds``). Over a node's cells this is at most the node's largest peak minus the
/// smallest loss at D among the radios of the bands present in the node. That loss envelope
/// depends only on the set of bands, so it is tabulated once per distinct set (a node of a
/// city, holding only 1800 MHz cells, is bounded by the 1800 MHz losses and not by the 700 MHz
/// cells of the countryside, which reach much further). Groups with more than 16 bands use one
/// envelope over all their radios.
struct NodeBounds: Sendable {
    /// Per node: the largest peak of its cells (dBm, a `Float` rounded up as in
    /// ``CellReach``) and the index of its bands' loss envelope.
    private let peaks: [Float]
    private let envelopeOfNode: [Int32]
    /// `envelopes[(e × 4 + areaType.ordinal) × binCount + k]`: the smallest path loss at
    /// distance `k × step` of the radios of envelope `e`'s bands, dB.
    private let envelopes: [Double]
    private let binCount: Int

    init(tree: CellTree, reaches: [CellReach], radios: [PreparedRadio], losses: ReachBounds.LossTable) {
        binCount = losses.binCount
        // The group's bands, one bit each (all bits when there are more than 16).
        let groupRadios = Set(reaches.map(\.radio)).sorted()
        let bands = Set(groupRadios.map { radios[Int($0)].frequencyMHz }).sorted()
        let bandBit = Dictionary(uniqueKeysWithValues: bands.enumerated().map { ($0.element, UInt16(1) << UInt16($0.offset)) })
        func bits(_ radio: Int32) -> UInt16 { bands.count > 16 ? .max : bandBit[radios[Int(radio)].frequencyMHz] ?? .max }
        // Nodes are listed parents first, so children are done before parents when walked backwards.
        var masks = [UInt16](repeating: 0, count: tree.nodes.count)
        var peaks = [Float](repeating: -.infinity, count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() {
            let node = tree.nodes[index]
            if node.firstChild < 0 {
                for reach in reaches[Int(node.start)..<Int(node.end)] {
                    masks[index] |= bits(reach.radio)
                    peaks[index] = max(peaks[index], reach.peakDBm)
                }
            } else {
                let first = Int(node.firstChild)
                masks[index] = masks[first] | masks[first + 1]
                peaks[index] = max(peaks[first], peaks[first + 1])
            }
        }
        var envelopeIndex: [UInt16: Int32] = [:]
        var envelopes: [Double] = []
        let slots = AreaType.allCases.count * losses.binCount
        envelopeOfNode = masks.map { mask in
            if let known = envelopeIndex[mask] { return known }
            var envelope = [Double](repeating: .infinity, count: slots)
            for radio in groupRadios where bits(radio) & mask != 0 {
                for slot in 0..<slots {
                    envelope[slot] = min(envelope[slot], losses.values[Int(radio) * slots + slot])
                }
            }
            let index = Int32(envelopeIndex.count)
            envelopeIndex[mask] = index
            envelopes += envelope
            return index
        }
        self.peaks = peaks
        self.envelopes = envelopes
    }

    /// The bound for node `node` toward a village of `areaType` at least `distanceM` metres
    /// (finite, ≥ 0) from every cell of the node, dBm.
    @inline(__always)
    func upperBoundDBm(node: Int, areaType: AreaType, atLeastM distanceM: Double) -> Double {
        let bin = min(Int(distanceM / ReachBounds.stepM), binCount - 1)
        let envelope = Int(envelopeOfNode[node])
        return Double(peaks[node]) - envelopes[(envelope * AreaType.allCases.count + areaType.ordinal) * binCount + bin]
    }
}
