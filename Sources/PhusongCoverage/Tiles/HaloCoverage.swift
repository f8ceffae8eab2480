import PhusongSupport

/// The coverage of one tile's villages from the cells of its halo alone (docs/tiles.md, "What a
/// tile computes"): the engine is prepared over the cells within `max_range_m` of the tile
/// (``TileHalo``), not over every cell of the run, and its answers are given back in the run's
/// terms: cell indices among all cells, site indices in the run's site table, operator bits in
/// the order of all the run's operators.
///
/// Exact, the same as ``CoverageRun/villageCoverage(of:engine:terrain:threads:progress:)`` with
/// the engine of every cell: a best server, and every cell that can cover a village, lies within
/// `max_range_m` of it, so inside the halo; ties go to the smallest cell id, which a subset keeps
/// in the same order. The nearest site has no range limit: a nearest cell found within
/// `max_range_m` is the nearest of all (every cell outside the halo is farther), and a village
/// whose nearest cell in the halo is farther (or that has none) gets its nearest site from an
/// engine of every cell, prepared only then.
///
/// Without terrain only: with terrain the engine is that of every cell (see the code), and a
/// tile with no village prepares no engine.
public enum HaloCoverage {
    /// - Parameters:
    ///   - villages: the tile's villages.
    ///   - tile: the tile (the villages lie in it).
    ///   - cells: every cell of the run, in order.
    ///   - sites: the run's site table (that of `cells`).
    ///   - parameters: the radio model.
    ///   - terrain: the terrain model, or nil.
    ///   - threads: worker tasks.
    ///   - progress: stages as `CoverageRun.villageCoverage`, after `index`.
    /// - Returns: as `CoverageRun.villageCoverage`, in the run's indices, and how many cells the
    ///   halo held.
    /// - Throws: ``CoverageError`` as the engine of every cell would (settings out of range,
    ///   too many operators), terrain errors as `CoverageRun.villageCoverage`.
    public static func coverage(
        of villages: [Village], tile: TileBounds, cells: [Cell], sites: SiteTable, parameters: RadioModelParameters,
        terrain: TerrainModel?, threads: Int, progress: ProgressReporter? = nil
    ) async throws -> (coverage: [VillageCoverage], empiricallyConnected: [Bool]?, statistics: SearchStatistics, haloCells: Int) {
        let operators = try CoverageEngine.operators(of: cells)
        let halo = TileHalo(tile: tile, radiusM: parameters.maxRangeM)
        guard !villages.isEmpty else { return ([], terrain == nil ? nil : [], SearchStatistics(), 0) }
        // With terrain, every cell: the coverage would be the same, but which pairs get a
        // profile depends on the order the engine's trees visit the cells (an operator's coverage
        // stops at the first cell that reaches the threshold), and the terrain statistics count
        // profiles, so trees over fewer cells would give other counts than the whole run.
        let kept = terrain != nil ? [] : cells.indices.filter { halo.contains(lon: cells[$0].lon, lat: cells[$0].lat) }
        guard !kept.isEmpty else {
            // Terrain, or no cell near the tile: the engine of every cell.
            let whole = try await progress.stage("index") {
                try await CoverageEngine.prepare(cells: cells, sites: sites, parameters: parameters, threads: threads)
            }
            let results = try await CoverageRun.villageCoverage(of: villages, engine: whole, terrain: terrain, threads: threads, progress: progress)
            return (results.coverage, results.empiricallyConnected, results.statistics, cells.count)
        }
        let haloCells = kept.map { cells[$0] }
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(cells: haloCells, parameters: parameters, threads: threads)
        }
        var results = try await CoverageRun.villageCoverage(of: villages, engine: engine, terrain: terrain, threads: threads, progress: progress)
        // The halo's site and operator indices in the run's terms.
        var siteOfHaloSite = [Int](repeating: -1, count: engine.sites.count)
        for (cell, site) in engine.sites.cellSite.enumerated() { siteOfHaloSite[Int(site)] = Int(sites.cellSite[kept[cell]]) }
        let operatorIndex = Dictionary(uniqueKeysWithValues: operators.enumerated().map { ($0.element, $0.offset) })
        let operatorOfHaloOperator = engine.operators.map { operatorIndex[$0] ?? 0 }
        var farther: [Int] = []
        for index in results.coverage.indices {
            var result = results.coverage[index]
            if let best = result.best4G { result.best4G?.cellIndex = kept[best.cellIndex] }
            if let best = result.best5G { result.best5G?.cellIndex = kept[best.cellIndex] }
            var bits: UInt64 = 0
            for (local, global) in operatorOfHaloOperator.enumerated() {
                bits |= (result.operatorCoverage >> UInt64(2 * local) & 3) << UInt64(2 * global)
            }
            result.operatorCoverage = bits
            if let nearest = result.nearestSite, nearest.distanceM <= halo.radiusM {
                result.nearestSite?.siteIndex = siteOfHaloSite[nearest.siteIndex]
            } else {
                farther.append(index)
            }
            results.coverage[index] = result
        }
        if !farther.isEmpty {
            let whole = try await CoverageEngine.prepare(cells: cells, sites: sites, parameters: parameters, threads: threads)
            let nearest = try await whole.coverage(of: farther.map { villages[$0] }, threads: threads)
            for (index, result) in zip(farther, nearest) { results.coverage[index].nearestSite = result.nearestSite }
        }
        return (results.coverage, results.empiricallyConnected, results.statistics, kept.count)
    }
}
