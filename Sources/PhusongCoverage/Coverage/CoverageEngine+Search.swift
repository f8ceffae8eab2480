import PhusongSupport

/// The searches of ``CoverageEngine``: for each village, the best server of each technology,
/// each operator's coverage and the nearest site.
extension CoverageEngine {
    /// True when cell `a`'s id comes before cell `b`'s in UTF-8 byte order (the tie rule).
    func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        cellIDs[a].utf8.lexicographicallyPrecedes(cellIDs[b].utf8)
    }

    /// The coverage of every village, in village order.
    public func coverage(of villages: [Village], threads: Int) async throws -> [VillageCoverage] {
        try await coverageAndStatistics(of: villages, threads: threads).coverage
    }

    /// The coverage of every village, in village order, and how much searching it took (summed
    /// over the villages, so the same for every thread count).
    ///
    /// 64 chunks per thread (of at least 512 villages): a thread that finishes early (the
    /// villages of a city cost more than those of the mountains) takes the next chunk, and
    /// the last chunks are short, so neither thread waits long for the other at the end.
    /// Over terrain a village costs about a hundred times more (its profiles and ITM calls)
    /// and a chunk of mountain villages far more than its neighbours, so chunks are smaller
    /// (256 per thread, at least 64 villages), so that the last ones take a fraction of a
    /// second (docs/benchmarks.md, "Terrain"). Results do not depend on the chunks.
    /// - Parameters:
    ///   - villages: the receivers.
    ///   - threads: worker tasks.
    ///   - progress: counts the villages done, chunk by chunk, in its open stage (nil: none).
    /// - Returns: the coverage of each village, and the search's statistics.
    public func coverageAndStatistics(
        of villages: [Village], threads: Int, progress: ProgressReporter? = nil
    ) async throws -> (coverage: [VillageCoverage], statistics: SearchStatistics) {
        let (minimumChunk, chunksPerThread) = terrain == nil ? (512, 64) : (64, 256)
        var chunks = try await TaskPool.mapChunks(
            count: villages.count, threads: threads, minimumChunk: minimumChunk, chunksPerThread: chunksPerThread
        ) { range in
            defer { progress?.advance(by: range.count) }
            return coverage(of: villages[range])
        }
        var results: [VillageCoverage] = []
        results.reserveCapacity(villages.count)
        var total = SearchStatistics()
        for index in chunks.indices {
            results.append(contentsOf: chunks[index].coverage)
            total.add(chunks[index].statistics)
            // Each chunk is freed once copied, so the villages' results are not held twice
            // (176 MB each for 2 million villages: docs/benchmarks.md, "Peak memory").
            chunks[index].coverage = []
        }
        return (results, total)
    }

    /// The coverage of one village.
    public func coverage(of village: Village) -> VillageCoverage {
        coverage(of: [village][...]).coverage[0]
    }

    /// The coverage of a run of villages, group after group: each search group is taken out
    /// of `groups` once for the run (taking it retains it, and the parallel runs retaining the
    /// same group for every village would bounce its reference count between the cores'
    /// caches) and searched for every village while its tree is in cache.
    private func coverage(of villages: ArraySlice<Village>) -> (coverage: [VillageCoverage], statistics: SearchStatistics) {
        precondition(isSearchable, "a coverage search on an engine whose search index was released")
        var statistics = SearchStatistics()
        let receivers = villages.map { ReceiverPoint($0) }
        let vectors = villages.map { UnitVectors.vector(lon: $0.lon, lat: $0.lat) }
        var covered = [UInt64](repeating: 0, count: villages.count)
        var best: [[VillageCoverage.BestServer?]] = []
        // The terrain profiles of this run of villages, sampled one after the other into one
        // buffer (it grows to the longest profile once).
        var scratch = TerrainScratch()
        var caches = [TerrainPairCache](repeating: TerrainPairCache(), count: terrain == nil ? 0 : villages.count)
        for technology in 0..<2 {
            let group = groups[technology]
            best.append(receivers.indices.map { index in
                if let terrain, terrain.empiricalBoundsHold {
                    boundedTerrainBestServer(
                        group, receiver: receivers[index], vector: vectors[index], technology: technology, model: terrain,
                        covered: &covered[index], scratch: &scratch, cache: &caches[index], statistics: &statistics)
                } else {
                    bestServer(group, receiver: receivers[index], vector: vectors[index], technology: technology, model: terrain,
                               covered: &covered[index], heights: &scratch.heights, cache: &caches, village: index,
                               statistics: &statistics)
                }
            })
        }
        // An operator's own cells of a technology can cover a village only if the best server
        // of that technology does: where it does not, the operator's search is skipped.
        let coveredByTechnology = (0..<2).map { technology in
            best[technology].map { ($0?.rsrpDBm ?? -.infinity) >= threshold(technology) }
        }
        for index in 2..<groups.count {
            let group = groups[index]
            let bit: UInt64 = 1 << UInt64(index - 2)
            let technologyCovers = coveredByTechnology[index % 2]
            for village in receivers.indices where covered[village] & bit == 0 && technologyCovers[village] {
                if reachesThreshold(group, receiver: receivers[village], vector: vectors[village], technology: index % 2,
                                    heights: &scratch.heights, cache: &caches, village: village, statistics: &statistics) {
                    covered[village] |= bit
                }
            }
        }
        let cellSite = sites.cellSite
        let results = receivers.indices.map { index in
            let nearest = nearestCell(receiver: receivers[index], vector: vectors[index], statistics: &statistics)
            return VillageCoverage(
                best4G: best[0][index], best5G: best[1][index],
                covered4G: (best[0][index]?.rsrpDBm ?? -.infinity) >= parameters.coverageThreshold4GdBm,
                covered5G: (best[1][index]?.rsrpDBm ?? -.infinity) >= parameters.coverageThreshold5GdBm,
                nearestSite: nearest.map { .init(siteIndex: Int(cellSite[$0.cell]), distanceM: $0.distanceM) },
                operatorCoverage: covered[index]
            )
        }
        return (results, statistics)
    }

    func threshold(_ technology: Int) -> Double {
        technology == 0 ? parameters.coverageThreshold4GdBm : parameters.coverageThreshold5GdBm
    }

    /// The exact best server among the group's cells in range (ties: smallest cell id). Every
    /// evaluated cell that reaches the threshold also marks its operator as covering.
    ///
    /// With `model` (`combine = "itm"`: no empirical bound holds) every cell in range is
    /// evaluated over the terrain; `combine = "max"` goes through `boundedTerrainBestServer`.
    func bestServer(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: SIMD3<Double>, technology: Int, model terrain: TerrainModel?,
        covered: inout UInt64, heights: inout [Double], cache: inout [TerrainPairCache], village: Int,
        statistics: inout SearchStatistics
    ) -> VillageCoverage.BestServer? {
        guard !group.isEmpty else { return nil }
        let maxRange = parameters.maxRangeM
        let areaType = receiver.areaType
        let threshold = threshold(technology)
        let bounded = terrain?.empiricalBoundsHold ?? true
        var bestRSRP = -Double.infinity
        var bestCell = -1
        group.tree.search(vector) { lowerBound, node in
            lowerBound <= maxRange
                && (!bounded || bestCell < 0
                    || group.nodeBounds.upperBoundDBm(node: node, areaType: areaType, atLeastM: lowerBound) >= bestRSRP)
        } visit: { position in
            statistics.cellsVisited += 1
            let offset = group.tree.vectors.offset(position, from: vector)
            let chordSquared = (offset * offset).sum()
            guard chordSquared <= rangeChordSquared else { return }
            if bounded, bestCell >= 0, group.reaches[position].upperBoundDBm(
                towardOffset: offset, areaType: areaType, atLeastM: UnitVectors.distanceLowerBoundM(chordSquared: chordSquared),
                losses: losses) < bestRSRP { return }
            let cell = Int(group.tree.entries[position])
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            guard distance <= maxRange else { return }
            var rsrp = cells.rsrpDBm(cell, at: receiver, distance2DM: distance)
            statistics.rsrpEvaluations += 1
            if let terrain {
                rsrp = terrainRSRPdBm(cell, at: receiver, distance2DM: distance, model: terrain, heights: &heights,
                                      cache: &cache[village], statistics: &statistics.terrain)
            }
            if rsrp > bestRSRP || (rsrp == bestRSRP && idPrecedes(cell, bestCell)) {
                bestRSRP = rsrp
                bestCell = cell
            }
            if rsrp >= threshold { covered |= 1 << UInt64(2 * Int(cellOperator[cell]) + technology) }
        }
        return bestCell >= 0 ? .init(cellIndex: bestCell, rsrpDBm: bestRSRP) : nil
    }

    /// Whether any of the group's cells in range reaches the technology's threshold. With a
    /// terrain model whose empirical bounds hold, only cells whose empirical RSRP reaches the
    /// threshold get a profile (their terrain RSRP is at most the empirical one); with
    /// `combine = "itm"` every cell in range may be evaluated.
    private func reachesThreshold(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: SIMD3<Double>, technology: Int,
        heights: inout [Double], cache: inout [TerrainPairCache], village: Int, statistics: inout SearchStatistics
    ) -> Bool {
        guard !group.isEmpty else { return false }
        let maxRange = parameters.maxRangeM
        let areaType = receiver.areaType
        let threshold = threshold(technology)
        let bounded = terrain?.empiricalBoundsHold ?? true
        var reached = false
        group.tree.search(vector) { lowerBound, node in
            !reached && lowerBound <= maxRange
                && (!bounded || group.nodeBounds.upperBoundDBm(node: node, areaType: areaType, atLeastM: lowerBound) >= threshold)
        } visit: { position in
            statistics.cellsVisited += 1
            guard !reached else { return }
            let offset = group.tree.vectors.offset(position, from: vector)
            let chordSquared = (offset * offset).sum()
            guard chordSquared <= rangeChordSquared else { return }
            if bounded, group.reaches[position].upperBoundDBm(
                towardOffset: offset, areaType: areaType, atLeastM: UnitVectors.distanceLowerBoundM(chordSquared: chordSquared),
                losses: losses) < threshold { return }
            let cell = Int(group.tree.entries[position])
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            guard distance <= maxRange else { return }
            statistics.rsrpEvaluations += 1
            let rsrp = cells.rsrpDBm(cell, at: receiver, distance2DM: distance)
            guard let terrain else {
                if rsrp >= threshold { reached = true }
                return
            }
            if bounded, rsrp < threshold { return }
            if terrainRSRPdBm(cell, at: receiver, distance2DM: distance, model: terrain, heights: &heights,
                              cache: &cache[village], statistics: &statistics.terrain) >= threshold { reached = true }
        }
        return reached
    }

    /// The nearest cell of any technology (unclamped great-circle distance, no range limit;
    /// exact ties: smallest cell id).
    private func nearestCell(
        receiver: ReceiverPoint, vector: SIMD3<Double>, statistics: inout SearchStatistics
    ) -> (cell: Int, distanceM: Double)? {
        var nearestDistance = Double.infinity
        var nearestChordSquared = Double.infinity
        var nearest = -1
        allCells.search(vector) { lowerBound, _ in
            lowerBound <= nearestDistance
        } visit: { position in
            statistics.cellsVisited += 1
            guard allCells.vectors.chordSquared(position, vector) <= nearestChordSquared else { return }
            let cell = Int(allCells.entries[position])
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            if distance < nearestDistance || (distance == nearestDistance && idPrecedes(cell, nearest)) {
                nearestDistance = distance
                nearest = cell
                nearestChordSquared = UnitVectors.chordSquaredLimit(distanceM: distance)
            }
        }
        return nearest >= 0 ? (nearest, nearestDistance) : nil
    }
}
