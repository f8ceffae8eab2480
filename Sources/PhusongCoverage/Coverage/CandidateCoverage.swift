import PhusongSupport

/// Which villages hypothetical cells would cover: the coverage sets of candidate actions
/// (a 5G upgrade of a site, a new site), computed with the radio model of the engine.
public enum CandidateCoverage {
    /// For each candidate (a group of cells, e.g. the three sectors of a new site), the
    /// villages among `villageSubset` (indices into `villages`) where the best of its cells
    /// reaches the threshold of the cells' technology (so a 4G candidate covers 4G), in
    /// ascending order. Computed in parallel over candidates; results do not depend on
    /// `threads`.
    ///
    /// With `terrain`, a village is covered when a cell's terrain RSRP reaches the threshold
    /// (docs/specs/terrain-model.md). With `combine = "max"` the terrain RSRP is at most the
    /// empirical one, so only villages within the empirical reach whose empirical RSRP reaches
    /// the threshold get a profile; with `combine = "itm"` every village within `max_range_m`
    /// does.
    /// - Throws: ``TerrainError`` when a tile cannot be read, or pairs leave the terrain under
    ///   the `stop` policy.
    public static func coveredVillages(
        candidates: [[Cell]], villages: [Village], villageSubset: [Int]? = nil,
        parameters: RadioModelParameters, terrain: TerrainModel? = nil, threads: Int
    ) async throws -> [[Int32]] {
        let index = VillageIndex(villages: villages, subset: villageSubset)
        let receivers = villages.map { ReceiverPoint($0) }
        let chunks = try await TaskPool.mapChunks(count: candidates.count, threads: threads, minimumChunk: 64) { range in
            var heights: [Double] = []
            var statistics = TerrainStatistics()
            let sets = range.map { candidate in
                covered(by: candidates[candidate], index: index, receivers: receivers, parameters: parameters, terrain: terrain,
                        heights: &heights, statistics: &statistics)
            }
            return (sets: sets, statistics: statistics)
        }
        var total = TerrainStatistics()
        for chunk in chunks { total.add(chunk.statistics) }
        try terrain?.check(total)
        return chunks.flatMap(\.sets)
    }

    private static func covered(
        by cells: [Cell], index: VillageIndex, receivers: [ReceiverPoint], parameters: RadioModelParameters,
        terrain: TerrainModel?, heights: inout [Double], statistics: inout TerrainStatistics
    ) -> [Int32] {
        var covered = Set<Int32>()
        let bounded = terrain?.empiricalBoundsHold ?? true
        for cell in cells {
            let prepared = PreparedCell(cell, parameters: parameters)
            let threshold = parameters.coverageThresholdDBm(for: cell.technology)
            let reach = bounded ? prepared.reachM(threshold: threshold, maxRangeM: parameters.maxRangeM) : parameters.maxRangeM
            guard reach >= 0 else { continue }
            for (village, distance) in index.villages(within: reach, lon: cell.lon, lat: cell.lat) {
                let receiver = receivers[village]
                if bounded, prepared.rsrpDBm(at: receiver, distance2DM: distance) < threshold { continue }
                if let terrain, covered.contains(Int32(village)) == false, terrain.rsrpDBm(
                    prepared, at: receiver, distance2DM: distance, userHeightM: parameters.userHeightM, heights: &heights,
                    statistics: &statistics) < threshold { continue }
                covered.insert(Int32(village))
            }
        }
        return covered.sorted()
    }
}

extension PreparedCell {
    /// The largest ground distance, metres (at most `maxRangeM`), at which this cell's main
    /// lobe reaches `threshold` for a receiver of some area type; −1 when it reaches it
    /// nowhere. Path loss does not decrease with distance (see `ReachBounds`), so beyond this
    /// distance no receiver can be covered; found by bisection to 1 m, then widened by 1 m.
    func reachM(threshold: Double, maxRangeM: Double) -> Double {
        let reaches: (Double) -> Bool = { distance in
            AreaType.allCases.contains { self.unobstructedRSRPdBm(distance2DM: distance, areaType: $0) >= threshold }
        }
        guard reaches(0) else { return -1 }
        if reaches(maxRangeM) { return maxRangeM }
        var inside = 0.0
        var outside = maxRangeM
        while outside - inside > 1 {
            let middle = (inside + outside) / 2
            if reaches(middle) { inside = middle } else { outside = middle }
        }
        return min(maxRangeM, outside + 1)
    }
}
