/// The best-server search over the terrain when the empirical bounds hold (`combine = "max"`):
/// a pair's terrain RSRP is never above its empirical RSRP (``TerrainModel/empiricalBoundsHold``),
/// so profiles are spent only where they can change the answer.
extension CoverageEngine {
    /// A chunk's reusable buffers: the profile heights and the best-server candidates (each grows
    /// to its largest size once, then sampling and sorting allocate nothing).
    struct TerrainScratch {
        var heights: [Double] = []
        var candidates: [Candidate] = []

        /// A cell that might be the best server, with its empirical RSRP (dBm), an upper bound of
        /// its terrain RSRP, and its measured ground distance (m).
        struct Candidate {
            let rsrpDBm: Double
            let cell: Int
            let distanceM: Double
        }
    }

    /// The exact best server over the terrain (ties: smallest cell id), in three steps:
    /// 1. the empirical best server E (the usual search, no profile); its terrain RSRP T_E is
    ///    reached by some cell, so the terrain best B ≥ T_E;
    /// 2. every cell whose empirical RSRP is at least T_E (the same tree search and bounds, with
    ///    T_E in place of the best so far); no other cell can reach B;
    /// 3. those cells in decreasing empirical RSRP (then increasing id): each is profiled until
    ///    the next one's empirical RSRP, its upper bound, is below the best terrain RSRP found
    ///    (or equal with a larger id): no later cell can win.
    /// Only cells whose empirical RSRP is above the final best terrain RSRP get a profile, the
    /// fewest any exact search with these bounds needs. Evaluated cells that reach the
    /// threshold mark their operator as covering.
    func boundedTerrainBestServer(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: SIMD3<Double>, technology: Int, model: TerrainModel,
        covered: inout UInt64, scratch: inout TerrainScratch, cache: inout TerrainPairCache, statistics: inout SearchStatistics
    ) -> VillageCoverage.BestServer? {
        var empiricalCovered: UInt64 = 0
        var unused: [TerrainPairCache] = []
        guard let empirical = bestServer(
            group, receiver: receiver, vector: vector, technology: technology, model: nil, covered: &empiricalCovered,
            heights: &scratch.heights, cache: &unused, village: 0, statistics: &statistics)
        else { return nil }
        let threshold = threshold(technology)
        var bestCell = empirical.cellIndex
        var bestRSRP = terrainRSRPdBm(
            bestCell, at: receiver, distance2DM: cells.distanceM(bestCell, to: receiver), model: model, heights: &scratch.heights,
            cache: &cache, statistics: &statistics.terrain)
        if bestRSRP >= threshold { covered |= 1 << UInt64(2 * Int(cellOperator[bestCell]) + technology) }
        collectCandidates(group, receiver: receiver, vector: vector, floorDBm: bestRSRP, into: &scratch.candidates, statistics: &statistics)
        var remaining = scratch.candidates.count
        while remaining > 0 {
            var top = 0
            for index in 1..<remaining {
                let candidate = scratch.candidates[index], leader = scratch.candidates[top]
                if candidate.rsrpDBm > leader.rsrpDBm || (candidate.rsrpDBm == leader.rsrpDBm && idPrecedes(candidate.cell, leader.cell)) {
                    top = index
                }
            }
            let next = scratch.candidates[top]
            scratch.candidates.swapAt(top, remaining - 1)
            remaining -= 1
            if next.cell == bestCell { continue }
            if next.rsrpDBm < bestRSRP || (next.rsrpDBm == bestRSRP && !idPrecedes(next.cell, bestCell)) { break }
            let rsrp = terrainRSRPdBm(next.cell, at: receiver, distance2DM: next.distanceM, model: model, heights: &scratch.heights,
                                      cache: &cache, statistics: &statistics.terrain)
            if rsrp >= threshold { covered |= 1 << UInt64(2 * Int(cellOperator[next.cell]) + technology) }
            if rsrp > bestRSRP || (rsrp == bestRSRP && idPrecedes(next.cell, bestCell)) {
                bestRSRP = rsrp
                bestCell = next.cell
            }
        }
        return .init(cellIndex: bestCell, rsrpDBm: bestRSRP)
    }

    /// Every cell of the group in range whose empirical RSRP is at least `floorDBm`, with the
    /// node and cell bounds of the empirical search pruning against the floor.
    private func collectCandidates(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: SIMD3<Double>, floorDBm: Double,
        into candidates: inout [TerrainScratch.Candidate], statistics: inout SearchStatistics
    ) {
        candidates.removeAll(keepingCapacity: true)
        let maxRange = parameters.maxRangeM
        let areaType = receiver.areaType
        group.tree.search(vector) { lowerBound, node in
            lowerBound <= maxRange && group.nodeBounds.upperBoundDBm(node: node, areaType: areaType, atLeastM: lowerBound) >= floorDBm
        } visit: { position in
            statistics.cellsVisited += 1
            let offset = group.tree.vectors.offset(position, from: vector)
            let chordSquared = (offset * offset).sum()
            guard chordSquared <= rangeChordSquared, group.reaches[position].upperBoundDBm(
                towardOffset: offset, areaType: areaType, atLeastM: UnitVectors.distanceLowerBoundM(chordSquared: chordSquared),
                losses: losses) >= floorDBm else { return }
            let cell = Int(group.tree.entries[position])
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            guard distance <= maxRange else { return }
            let rsrp = cells.rsrpDBm(cell, at: receiver, distance2DM: distance)
            statistics.rsrpEvaluations += 1
            if rsrp >= floorDBm { candidates.append(.init(rsrpDBm: rsrp, cell: cell, distanceM: distance)) }
        }
    }
}
