import Foundation

/// Computes every village's coverage under the radio model: best 4G and 5G server, coverage
/// flags, the nearest site, and coverage by each operator's own cells.
///
/// Each question is a search over its own grid of cells, walked outward in rings from the
/// village: the best server of a technology over that technology's cells, each operator's
/// coverage over that operator's cells, the nearest site over all cells. A search stops when
/// `ReachBounds` shows that no cell at the ring's distance or beyond can beat the best RSRP
/// found so far (or, for an operator, reach the threshold), and a cell is evaluated only when
/// its own bound allows it to matter; so the results equal an exhaustive evaluation of every
/// cell within `max_range_m` (tested) while evaluating a small share of them. Distances are
/// first compared as chords of unit vectors (no trigonometry); the haversine distance of the
/// spec is computed for the cells that pass.
///
/// Villages are processed in parallel chunks (`ParallelChunks`); results are merged by index,
/// so they do not depend on the number of threads.
public struct CoverageEngine: Sendable {
    public let parameters: RadioModelParameters
    /// Operator names in sorted order; indices of `VillageCoverage.operatorCoverage`.
    public let operators: [String]
    /// The scenario's sites, in order of first cell.
    public let sites: [Site]

    let cells: SearchCells
    let vectors: UnitVectors
    let cellIsNR: [Bool]
    let cellOperator: [Int32]
    let cellSite: [Int32]
    /// Each cell's `cell_id`, for the tie rule (the smallest in UTF-8 byte order wins), which
    /// only exact ties consult.
    let cellIDs: [String]
    /// Every cell, for the nearest-site search.
    let allCells: CellGrid
    /// Cells of a technology: [4G, 5G]; nil when there is no such cell.
    let technologyGroups: [SearchGroup?]
    /// Cells of an operator and technology: `operatorGroups[2·o + t]`.
    let operatorGroups: [SearchGroup?]
    /// Squared chord of `max_range_m` with a safety margin.
    let rangeChordSquared: Double

    /// A grid over some cells, with the bounds of what they can deliver.
    struct SearchGroup: Sendable {
        let grid: CellGrid
        let bounds: ReachBounds
    }

    /// Most operators the coverage bitmask can hold.
    public static let maxOperators = 32
    /// Grid square side, degrees (about 1.1 km of latitude).
    static let gridSquareDeg = 0.01

    /// Prepares the cells on the calling task. `prepare(cells:parameters:threads:)` does the
    /// same work in parallel.
    public init(cells: [Cell], parameters: RadioModelParameters = RadioModelParameters()) throws(CoverageError) {
        let prepared = SearchCells(cells: cells, parameters: parameters)
        let losses = ReachBounds.LossTable(radios: prepared.radios, parameters: parameters)
        let layout = try Layout(cells: cells)
        let groups = layout.members.map { Self.searchGroup($0, cells: cells, prepared: prepared, losses: losses) }
        self.init(
            parameters: parameters, prepared: prepared, layout: layout, groups: groups, sites: SiteTable(cells: cells),
            positions: Positions(cells: cells), cellIDs: cells.map(\.id))
    }

    /// Prepares the cells with `threads` tasks. The independent parts (the compact cells and
    /// their radios; the search layout; the site table; the position grid; the cell ids) run
    /// side by side, then the radios' loss table in chunks, then the search groups, one per
    /// task. The engine is the same as `init(cells:parameters:)` gives.
    public static func prepare(
        cells: [Cell], parameters: RadioModelParameters = RadioModelParameters(), threads: Int
    ) async throws -> CoverageEngine {
        guard threads > 1 else { return try CoverageEngine(cells: cells, parameters: parameters) }
        async let preparedPart = SearchCells(cells: cells, parameters: parameters)
        async let layoutPart = Result { () throws(CoverageError) in try Layout(cells: cells) }
        async let sitesPart = SiteTable(cells: cells)
        async let positionsPart = Positions(cells: cells)
        async let cellIDsPart = cells.map(\.id)
        let prepared = await preparedPart
        let losses = try await ReachBounds.LossTable(radios: prepared.radios, parameters: parameters, threads: threads)
        let members = try await layoutPart.get().members
        let groups = try await ParallelChunks.map(count: members.count, threads: threads, minimumChunk: 1) { range in
            range.map { Self.searchGroup(members[$0], cells: cells, prepared: prepared, losses: losses) }
        }
        return try await CoverageEngine(
            parameters: parameters, prepared: prepared, layout: layoutPart.get(), groups: groups, sites: sitesPart,
            positions: positionsPart, cellIDs: cellIDsPart)
    }

    /// Which search group each cell belongs to: groups `0..<2` hold the cells of a technology
    /// (4G, 5G), group `2 + 2·o + t` the cells of operator o and technology t.
    private struct Layout: Sendable {
        let operators: [String]
        let cellIsNR: [Bool]
        let cellOperator: [Int32]
        let members: [[Int]]

        init(cells: [Cell]) throws(CoverageError) {
            // Cells of one operator usually follow each other: a name equal to the one before
            // needs no hashing.
            var names = Set<String>()
            var previous: String?
            for cell in cells where cell.operatorName != previous {
                names.insert(cell.operatorName)
                previous = cell.operatorName
            }
            operators = names.sorted()
            guard operators.count <= CoverageEngine.maxOperators else {
                throw CoverageError.tooManyOperators(operators.count)
            }
            cellIsNR = cells.map { $0.technology == .nr }
            let operatorIndex = Dictionary(uniqueKeysWithValues: operators.enumerated().map { ($0.element, Int32($0.offset)) })
            var last: (name: String, index: Int32)?
            cellOperator = cells.map { cell in
                if let last, last.name == cell.operatorName { return last.index }
                let index = operatorIndex[cell.operatorName] ?? 0
                last = (cell.operatorName, index)
                return index
            }
            var members = [[Int]](repeating: [], count: 2 + 2 * operators.count)
            for index in cells.indices {
                let technology = cellIsNR[index] ? 1 : 0
                members[technology].append(index)
                members[2 + 2 * Int(cellOperator[index]) + technology].append(index)
            }
            self.members = members
        }
    }

    /// The sites, in order of first cell, and each cell's site.
    private struct SiteTable: Sendable {
        let sites: [Site]
        let cellSite: [Int32]

        init(cells: [Cell]) {
            (sites, cellSite) = Site.sitesAndMembership(of: cells)
        }
    }

    /// The cells' unit vectors and the grid over all of them (for the nearest site).
    private struct Positions: Sendable {
        let vectors: UnitVectors
        let allCells: CellGrid

        init(cells: [Cell]) {
            let lons = cells.map(\.lon)
            let lats = cells.map(\.lat)
            vectors = UnitVectors(lons: lons, lats: lats)
            allCells = CellGrid(lons: lons, lats: lats, squareDeg: CoverageEngine.gridSquareDeg)
        }
    }

    private static func searchGroup(
        _ members: [Int], cells: [Cell], prepared: SearchCells, losses: ReachBounds.LossTable
    ) -> SearchGroup? {
        guard !members.isEmpty else { return nil }
        return SearchGroup(
            grid: CellGrid(lons: members.map { cells[$0].lon }, lats: members.map { cells[$0].lat },
                           ids: members.map { Int32($0) }, squareDeg: gridSquareDeg),
            bounds: ReachBounds(cells: prepared, members: members, losses: losses))
    }

    private init(
        parameters: RadioModelParameters, prepared: SearchCells, layout: Layout, groups: [SearchGroup?], sites: SiteTable,
        positions: Positions, cellIDs: [String]
    ) {
        self.parameters = parameters
        operators = layout.operators
        self.sites = sites.sites
        cells = prepared
        vectors = positions.vectors
        cellIsNR = layout.cellIsNR
        cellOperator = layout.cellOperator
        cellSite = sites.cellSite
        self.cellIDs = cellIDs
        allCells = positions.allCells
        rangeChordSquared = UnitVectors.chordSquaredLimit(distanceM: parameters.maxRangeM)
        technologyGroups = Array(groups[0..<2])
        operatorGroups = Array(groups[2...])
    }

    /// True when cell `a`'s id comes before cell `b`'s in UTF-8 byte order (the tie rule).
    private func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        cellIDs[a].utf8.lexicographicallyPrecedes(cellIDs[b].utf8)
    }

    /// The coverage of every village, in village order.
    public func coverage(of villages: [Village], threads: Int) async throws -> [VillageCoverage] {
        try await coverageAndStatistics(of: villages, threads: threads).coverage
    }

    /// The coverage of every village, in village order, and how much searching it took (counted
    /// per village and summed, so the same for every thread count).
    public func coverageAndStatistics(of villages: [Village], threads: Int) async throws -> (coverage: [VillageCoverage], statistics: SearchStatistics) {
        let results = try await ParallelChunks.map(count: villages.count, threads: threads, minimumChunk: 512) { range in
            range.map { index -> (VillageCoverage, SearchStatistics) in
                var statistics = SearchStatistics()
                return (coverage(of: villages[index], statistics: &statistics), statistics)
            }
        }
        var total = SearchStatistics()
        for (_, statistics) in results { total.add(statistics) }
        return (results.map(\.0), total)
    }

    /// The coverage of one village.
    public func coverage(of village: Village) -> VillageCoverage {
        var statistics = SearchStatistics()
        return coverage(of: village, statistics: &statistics)
    }

    private func coverage(of village: Village, statistics: inout SearchStatistics) -> VillageCoverage {
        let receiver = ReceiverPoint(village)
        let vector = UnitVectors.vector(lon: village.lon, lat: village.lat)
        var covered: UInt64 = 0
        // A tuple, not an array: no allocation per village in the parallel loop.
        var best: (VillageCoverage.BestServer?, VillageCoverage.BestServer?) = (nil, nil)
        if let group = technologyGroups[0] {
            best.0 = bestServer(group, receiver: receiver, vector: vector, technology: 0, covered: &covered, statistics: &statistics)
        }
        if let group = technologyGroups[1] {
            best.1 = bestServer(group, receiver: receiver, vector: vector, technology: 1, covered: &covered, statistics: &statistics)
        }
        for (index, group) in operatorGroups.enumerated() {
            guard let group, covered & (1 << UInt64(index)) == 0 else { continue }
            if reachesThreshold(group, receiver: receiver, vector: vector, technology: index % 2, statistics: &statistics) {
                covered |= 1 << UInt64(index)
            }
        }
        let nearest = nearestCell(receiver: receiver, vector: vector, statistics: &statistics)
        return VillageCoverage(
            best4G: best.0, best5G: best.1,
            covered4G: (best.0?.rsrpDBm ?? -.infinity) >= parameters.coverageThreshold4GdBm,
            covered5G: (best.1?.rsrpDBm ?? -.infinity) >= parameters.coverageThreshold5GdBm,
            nearestSite: nearest.map { .init(siteIndex: Int(cellSite[$0.cell]), distanceM: $0.distanceM) },
            operatorCoverage: covered
        )
    }

    private func threshold(_ technology: Int) -> Double {
        technology == 0 ? parameters.coverageThreshold4GdBm : parameters.coverageThreshold5GdBm
    }

    /// The exact best server among the group's cells in range (ties: smallest cell id). Every
    /// evaluated cell that reaches the threshold also marks its operator as covering.
    private func bestServer(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: (Double, Double, Double), technology: Int,
        covered: inout UInt64, statistics: inout SearchStatistics
    ) -> VillageCoverage.BestServer? {
        let maxRange = parameters.maxRangeM
        let areaType = receiver.areaType
        let threshold = threshold(technology)
        var bestRSRP = -Double.infinity
        var bestCell = -1
        group.grid.search(lon: receiver.location.lonDeg, lat: receiver.location.latDeg) { lowerBound in
            lowerBound <= maxRange && (bestCell < 0 || group.bounds.upperBoundDBm(areaType: areaType, atLeastM: lowerBound) >= bestRSRP)
        } visit: { cell in
            statistics.cellsVisited += 1
            guard vectors.chordSquared(cell, vector) <= rangeChordSquared else { return }
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            guard distance <= maxRange else { return }
            if bestCell >= 0, group.bounds.upperBoundDBm(areaType: areaType, atLeastM: distance) < bestRSRP { return }
            let rsrp = cells.rsrpDBm(cell, at: receiver, distance2DM: distance)
            statistics.rsrpEvaluations += 1
            if rsrp > bestRSRP || (rsrp == bestRSRP && idPrecedes(cell, bestCell)) {
                bestRSRP = rsrp
                bestCell = cell
            }
            if rsrp >= threshold { covered |= 1 << UInt64(2 * Int(cellOperator[cell]) + technology) }
        }
        return bestCell >= 0 ? .init(cellIndex: bestCell, rsrpDBm: bestRSRP) : nil
    }

    /// Whether any of the group's cells in range reaches the technology's threshold.
    private func reachesThreshold(
        _ group: SearchGroup, receiver: ReceiverPoint, vector: (Double, Double, Double), technology: Int,
        statistics: inout SearchStatistics
    ) -> Bool {
        let maxRange = parameters.maxRangeM
        let areaType = receiver.areaType
        let threshold = threshold(technology)
        var reached = false
        group.grid.search(lon: receiver.location.lonDeg, lat: receiver.location.latDeg) { lowerBound in
            !reached && lowerBound <= maxRange && group.bounds.upperBoundDBm(areaType: areaType, atLeastM: lowerBound) >= threshold
        } visit: { cell in
            statistics.cellsVisited += 1
            guard !reached, vectors.chordSquared(cell, vector) <= rangeChordSquared else { return }
            let distance = cells.distanceM(cell, to: receiver)
            statistics.distances += 1
            guard distance <= maxRange, group.bounds.upperBoundDBm(areaType: areaType, atLeastM: distance) >= threshold else { return }
            statistics.rsrpEvaluations += 1
            if cells.rsrpDBm(cell, at: receiver, distance2DM: distance) >= threshold { reached = true }
        }
        return reached
    }

    /// The nearest cell of any technology (unclamped great-circle distance, no range limit;
    /// exact ties: smallest cell id).
    private func nearestCell(
        receiver: ReceiverPoint, vector: (Double, Double, Double), statistics: inout SearchStatistics
    ) -> (cell: Int, distanceM: Double)? {
        var nearestDistance = Double.infinity
        var nearestChordSquared = Double.infinity
        var nearest = -1
        allCells.search(lon: receiver.location.lonDeg, lat: receiver.location.latDeg) { lowerBound in
            lowerBound <= nearestDistance
        } visit: { cell in
            statistics.cellsVisited += 1
            guard vectors.chordSquared(cell, vector) <= nearestChordSquared else { return }
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

/// The coverage computation cannot run on these inputs.
public enum CoverageError: Error, Sendable, CustomStringConvertible {
    case tooManyOperators(Int)

    public var description: String {
        switch self {
        case .tooManyOperators(let count):
            "\(count) operators: at most \(CoverageEngine.maxOperators) are supported"
        }
    }
}
