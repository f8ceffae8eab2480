import PhusongCoverage

/// Partials of one run checked against each other and put back together (`phusong merge`,
/// docs/tiles.md): they must describe the same run (inputs and their checksums, configuration,
/// model, terrain, report options), their tiles must not overlap, and together they must hold
/// every village of the input exactly once.
public struct PartialMerge: Sendable {
    /// The run's manifest (the first partial's; the others agree with it but for the tile).
    public let manifest: PartialManifest
    /// The partials with their folders, in the order given.
    public let partials: [(folder: String, partial: Partial)]

    /// Checks that `partials` describe one run and that no two tiles overlap.
    /// - Throws: `PartialError` differentRuns naming the two folders and what differs, or
    ///   overlap naming the two folders and their tiles.
    public init(_ partials: [(folder: String, partial: Partial)]) throws(PartialError) {
        guard let first = partials.first else { throw PartialError(.missingTiles, "no partial to merge") }
        for (folder, partial) in partials.dropFirst() {
            if let difference = first.partial.manifest.runDifference(partial.manifest) {
                throw PartialError(.differentRuns, "\(first.folder) and \(folder) come from different runs: their \(difference) differ")
            }
        }
        for (offset, a) in partials.enumerated() {
            for b in partials[(offset + 1)...] {
                guard let tileA = a.partial.manifest.tile.bounds, let tileB = b.partial.manifest.tile.bounds, tileA.overlaps(tileB) else { continue }
                throw PartialError(.overlap, "tiles overlap: \(a.folder) (tile \(tileA)) and \(b.folder) (tile \(tileB)); "
                    + "give each tile once, tiles that share at most an edge")
            }
        }
        manifest = first.partial.manifest
        self.partials = partials
    }

    /// Every village's coverage, by index, from the partials.
    /// - Parameters:
    ///   - villages: the run's villages, read again from the inputs.
    ///   - cellCount: the run's cells (best-server indices must lie below it).
    ///   - siteCount: the run's sites (nearest-site indices must lie below it).
    ///   - operatorCount: the run's operators (bits of the operator coverage above them must be 0).
    /// - Returns: the coverage of each village, with terrain each village's empirical status,
    ///   and the terrain model's counts summed over the tiles (zero without terrain).
    /// - Throws: `PartialError`: invalid when a row does not fit the inputs (a village outside
    ///   its partial's tile, an index out of range), missingTiles when villages are in no
    ///   partial (the first few named, with their positions).
    public func assemble(villages: [Village], cellCount: Int, siteCount: Int, operatorCount: Int) throws(PartialError) -> (
        coverage: [VillageCoverage], empiricallyConnected: [Bool]?, terrainStatistics: TerrainStatistics
    ) {
        guard villages.count == manifest.villages.total else {
            throw PartialError(.inputChanged, "the inputs hold \(villages.count) villages, the partials were computed over \(manifest.villages.total)")
        }
        var coverage = [VillageCoverage?](repeating: nil, count: villages.count)
        var owner = [Int32](repeating: -1, count: villages.count)
        let terrain = manifest.terrain != nil
        var connected = [Bool](repeating: false, count: terrain ? villages.count : 0)
        var statistics = TerrainStatistics()
        let operatorMask: UInt64 = 2 * operatorCount >= 64 ? .max : (1 << UInt64(2 * operatorCount)) - 1
        for (number, (folder, partial)) in partials.enumerated() {
            guard let tile = partial.manifest.tile.bounds else { continue }
            if let counts = partial.terrainStatistics { statistics.add(counts) }
            for (row, index) in partial.villageIndices.enumerated() {
                let village = villages[index]
                func invalid(_ what: String) -> PartialError {
                    PartialError(.invalid, "\(folder)/coverage.csv: village_index \(index) (\(village.id)): \(what)")
                }
                guard tile.contains(lon: village.lon, lat: village.lat) else {
                    throw invalid("at lon \(village.lon), lat \(village.lat), outside the partial's tile \(tile)")
                }
                if owner[index] >= 0 {
                    throw PartialError(.overlap, "village \(village.id) (index \(index)) is in two partials: \(partials[Int(owner[index])].folder) and \(folder)")
                }
                let result = partial.coverage[row]
                for server in [result.best4G, result.best5G].compactMap({ $0 }) where server.cellIndex >= cellCount {
                    throw invalid("best cell \(server.cellIndex), but the inputs have \(cellCount) cells")
                }
                if let nearest = result.nearestSite, nearest.siteIndex >= siteCount {
                    throw invalid("nearest site \(nearest.siteIndex), but the inputs have \(siteCount) sites")
                }
                guard result.operatorCoverage & ~operatorMask == 0 else {
                    throw invalid("operator coverage \(result.operatorCoverage) names more than the inputs' \(operatorCount) operators")
                }
                owner[index] = Int32(number)
                coverage[index] = result
                if let flags = partial.empiricallyConnected { connected[index] = flags[row] }
            }
        }
        let missing = coverage.indices.filter { coverage[$0] == nil }
        guard missing.isEmpty else {
            let examples = missing.prefix(5).map { "\(villages[$0].id) at lon \(villages[$0].lon), lat \(villages[$0].lat)" }
            let tiles = partials.compactMap { $0.partial.manifest.tile.bounds?.description }
            throw PartialError(.missingTiles, "\(missing.count) of \(villages.count) villages are in no partial given (a tile is missing): "
                + examples.joined(separator: "; ") + (missing.count > 5 ? "; …" : "")
                + ". Tiles given: " + tiles.joined(separator: " "))
        }
        return (coverage.compactMap { $0 }, terrain ? connected : nil, statistics)
    }

    /// The elevation files any tile read, with their SHA-256, by path.
    /// - Throws: `PartialError` inputChanged when two tiles read different bytes at one path.
    public func terrainFilesRead() throws(PartialError) -> [PartialManifest.FileReference] {
        var byPath: [String: (sha256: String, folder: String)] = [:]
        for (folder, partial) in partials {
            for file in partial.manifest.terrain?.filesRead ?? [] {
                if let known = byPath[file.path], known.sha256 != file.sha256 {
                    throw PartialError(.inputChanged, "\(file.path) changed while the tiles ran: \(known.folder) read sha256 \(known.sha256), "
                        + "\(folder) read \(file.sha256)")
                }
                byPath[file.path] = (file.sha256, folder)
            }
        }
        return byPath.keys.sorted().map { PartialManifest.FileReference(path: $0, sha256: byPath[$0]?.sha256 ?? "") }
    }
}
