import Foundation
import PhusongSupport

/// Computes every village's coverage under the radio model: best 4G and 5G server, coverage
/// flags, the nearest site, and coverage by each operator's own cells.
///
/// Each question is a search over its own tree of cells (`CellTree`), walked depth first
/// from the village, nearer boxes first: the best server of a technology over that
/// technology's cells, each operator's coverage over that operator's cells, the nearest site
/// over the cells' distinct positions. A search passes over a box when `NodeBounds` shows
/// that no cell at the box's distance can beat the best RSRP found so far (or, for an
/// operator, reach the threshold), and over a cell when its own bound (`CellReach`: its
/// EIRP and radio, and `SectorGainBound` for its antenna's direction) does; so the results
/// equal an exhaustive evaluation of every cell within `max_range_m` (tested) while
/// evaluating about 11 cells a village nationally. Distances are first compared as chords of
/// unit vectors (no trigonometry), kept in each tree's order so that a leaf's cells are read
/// sequentially; the chord also gives a lower bound on the distance, and the haversine
/// distance of the spec is computed only for the cells that get evaluated.
///
/// Villages are processed in parallel chunks (`TaskPool`); results are merged by index,
/// so they do not depend on the number of threads.
public struct CoverageEngine: Sendable {
    public let parameters: RadioModelParameters
    /// Operator names in sorted order; indices of `VillageCoverage.operatorCoverage`.
    public let operators: [String]
    /// The run's site table (`LoadedInputs.sites`): the sites in order of first cell, with the
    /// codes loading gave them, and each cell's site.
    public let sites: SiteTable

    let cells: SearchCells
    let cellOperator: [Int32]
    /// Each cell's `cell_id`, for the tie rule (the smallest in UTF-8 byte order wins), which
    /// only exact ties consult.
    let cellIDs: [String]
    /// One cell at each distinct cell position (the smallest id there), for the nearest-site
    /// search.
    let allCells: CellTree
    /// The search groups: 0 and 1 hold the cells of a technology (4G, 5G), `2 + 2·o + t` the
    /// cells of operator o and technology t (possibly none).
    let groups: [SearchGroup]
    /// The path loss of every radio at the bounds' table distances, for each cell's own bound.
    let losses: ReachBounds.LossTable
    /// Squared chord of `max_range_m` with a safety margin.
    let rangeChordSquared: Double
    /// The terrain model pairs are evaluated with (``withTerrain(_:)``); nil for the empirical
    /// model alone.
    public internal(set) var terrain: TerrainModel?
    /// False for an engine whose search index was released (``releasingSearchIndex()``).
    let isSearchable: Bool

    /// A tree over some cells (with their unit vectors in its order), each cell's own bound
    /// data in the same order, and each node's bound.
    ///
    /// A class: passing a group to a search then retains one object, not its four arrays (a
    /// struct is copied at the call, and each copy retains every array it holds; the
    /// parallel searches retaining the same shared buffers for every village bounce their
    /// reference counts between the cores' caches). Immutable, hence `Sendable`.
    final class SearchGroup: Sendable {
        let tree: CellTree
        /// Each cell's own bound data, in the tree's order.
        let reaches: [CellReach]
        /// Each node's bound.
        let nodeBounds: NodeBounds

        init(tree: CellTree, reaches: [CellReach], nodeBounds: NodeBounds) {
            self.tree = tree
            self.reaches = reaches
            self.nodeBounds = nodeBounds
        }

        var isEmpty: Bool { tree.isEmpty }
    }

    /// Most operators the coverage bitmask can hold.
    public static let maxOperators = 32

    /// Prepares the cells on the calling task, for cells without loaded inputs (their site
    /// table is derived from them). A run passes its loaded table to
    /// `prepare(cells:sites:parameters:threads:)`.
    public init(cells: [Cell], parameters: RadioModelParameters = RadioModelParameters()) throws(CoverageError) {
        try self.init(cells: cells, sites: SiteTable(cells: cells), parameters: parameters)
    }

    /// Prepares the cells on the calling task. `sites` must be the site table of `cells`.
    /// `prepare(cells:sites:parameters:threads:)` does the same work in parallel.
    public init(cells: [Cell], sites: SiteTable, parameters: RadioModelParameters = RadioModelParameters()) throws(CoverageError) {
        precondition(sites.cellSite.count == cells.count, "the site table must be that of the cells")
        try Self.checkRanges(parameters)
        let prepared = SearchCells(cells: cells, parameters: parameters)
        let losses = ReachBounds.LossTable(radios: prepared.radios, parameters: parameters)
        let layout = try Layout(cells: cells)
        let positions = Positions(cells: cells)
        let gainBounds = SectorGainBound.of(cells)
        let groups = layout.members.map {
            Self.searchGroup($0, cells: cells, vectors: positions.vectors, gainBounds: gainBounds, prepared: prepared, losses: losses)
        }
        self.init(
            parameters: parameters, prepared: prepared, losses: losses, layout: layout, groups: groups, sites: sites,
            positions: positions, cellIDs: cells.map(\.id))
    }

    /// Prepares the cells with `threads` tasks, for cells without loaded inputs (their site
    /// table is derived from them).
    public static func prepare(
        cells: [Cell], parameters: RadioModelParameters = RadioModelParameters(), threads: Int
    ) async throws -> CoverageEngine {
        try await prepare(cells: cells, sites: SiteTable(cells: cells), parameters: parameters, threads: threads)
    }

    /// Prepares the cells with `threads` tasks; `sites` must be the site table of `cells`. The
    /// independent parts (the compact cells and their radios; the search layout; the position
    /// grid; the cell ids) run side by side, then the radios' loss table in chunks, then the
    /// search groups, one per task. The engine is the same as `init(cells:sites:parameters:)`
    /// gives.
    public static func prepare(
        cells: [Cell], sites: SiteTable, parameters: RadioModelParameters = RadioModelParameters(), threads: Int
    ) async throws -> CoverageEngine {
        guard threads > 1 else { return try CoverageEngine(cells: cells, sites: sites, parameters: parameters) }
        precondition(sites.cellSite.count == cells.count, "the site table must be that of the cells")
        try checkRanges(parameters)
        async let preparedPart = SearchCells(cells: cells, parameters: parameters)
        async let layoutPart = Result { () throws(CoverageError) in try Layout(cells: cells) }
        async let positionsPart = Positions(cells: cells)
        async let cellIDsPart = cells.map(\.id)
        let gainBounds = try await TaskPool.map(count: cells.count, threads: threads, minimumChunk: 4096) { range in
            SectorGainBound.of(cells[range])
        }
        let prepared = await preparedPart
        let losses = try await ReachBounds.LossTable(radios: prepared.radios, parameters: parameters, threads: threads)
        let members = try await layoutPart.get().members
        let positions = await positionsPart
        let vectors = positions.vectors
        let groups = try await TaskPool.map(count: members.count, threads: threads, minimumChunk: 1) { range in
            range.map {
                Self.searchGroup(members[$0], cells: cells, vectors: vectors, gainBounds: gainBounds, prepared: prepared, losses: losses)
            }
        }
        return try await CoverageEngine(
            parameters: parameters, prepared: prepared, losses: losses, layout: layoutPart.get(), groups: groups, sites: sites,
            positions: positions, cellIDs: cellIDsPart)
    }

    /// The radio settings must lie in their physical ranges (``SettingRanges``): the reach
    /// bounds' table is sized by `max_range_m`, and the ranges keep every RSRP below its EIRP.
    private static func checkRanges(_ parameters: RadioModelParameters) throws(CoverageError) {
        do {
            try SettingRanges.check(PhusongConfiguration(radio: parameters), keysStartingWith: "radio.")
        } catch {
            throw CoverageError.settingOutOfRange(error)
        }
    }

    /// The operators of `cells`, sorted: the order of ``operators`` and of the coverage bitmask.
    /// - Throws: ``CoverageError/tooManyOperators(_:)`` above ``maxOperators``.
    static func operators(of cells: [Cell]) throws(CoverageError) -> [String] {
        // Cells of one operator usually follow each other: a name equal to the one before
        // needs no hashing.
        var names = Set<String>()
        var previous: String?
        for cell in cells where cell.operatorName != previous {
            names.insert(cell.operatorName)
            previous = cell.operatorName
        }
        guard names.count <= maxOperators else { throw CoverageError.tooManyOperators(names.count) }
        return names.sorted()
    }

    /// Which search group each cell belongs to: groups `0..<2` hold the cells of a technology
    /// (4G, 5G), group `2 + 2·o + t` the cells of operator o and technology t.
    private struct Layout: Sendable {
        let operators: [String]
        let cellOperator: [Int32]
        let members: [[Int]]

        init(cells: [Cell]) throws(CoverageError) {
            operators = try CoverageEngine.operators(of: cells)
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
                let technology = cells[index].technology == .nr ? 1 : 0
                members[technology].append(index)
                members[2 + 2 * Int(cellOperator[index]) + technology].append(index)
            }
            self.members = members
        }
    }

    /// The cells' unit vectors (in cell order), and the grid over the cells' distinct
    /// positions with their vectors in its order (for the nearest site).
    private struct Positions: Sendable {
        let vectors: UnitVectors
        let allCells: CellTree

        init(cells: [Cell]) {
            vectors = UnitVectors(lons: cells.map(\.lon), lats: cells.map(\.lat))
            allCells = CellTree(vectors: vectors, ids: Self.positionRepresentatives(cells))
        }

        /// One cell for each distinct position (lon, lat), the one with the smallest id, in
        /// order of first cell. The sectors of a site share a position, so the nearest-site
        /// search looks at a third as many entries, and its answer is unchanged: cells at one
        /// position are at the same distance (computed from the same coordinates), and the
        /// tie rule then picks the smallest id among them.
        private static func positionRepresentatives(_ cells: [Cell]) -> [Int32] {
            struct Position: Hashable {
                let lon: Double
                let lat: Double
            }
            var slot: [Position: Int] = [:]
            var representatives: [Int32] = []
            // Cells of one site usually follow each other: a position equal to the one before
            // needs no hashing.
            var last: (position: Position, slot: Int)?
            for (index, cell) in cells.enumerated() {
                let position = Position(lon: cell.lon, lat: cell.lat)
                let known: Int? = if let last, last.position == position { last.slot } else { slot[position] }
                if let known {
                    if cell.id.utf8.lexicographicallyPrecedes(cells[Int(representatives[known])].id.utf8) {
                        representatives[known] = Int32(index)
                    }
                    last = (position, known)
                } else {
                    slot[position] = representatives.count
                    last = (position, representatives.count)
                    representatives.append(Int32(index))
                }
            }
            return representatives
        }
    }

    private static func searchGroup(
        _ members: [Int], cells: [Cell], vectors: UnitVectors, gainBounds: [SectorGainBound], prepared: SearchCells,
        losses: ReachBounds.LossTable
    ) -> SearchGroup {
        let tree = CellTree(vectors: vectors, ids: members.map { Int32($0) })
        let reaches = tree.entries.map { cell in
            CellReach(prepared.entries[Int(cell)], gain: gainBounds[Int(cell)], extraLossDB: losses.extraLossDB)
        }
        return SearchGroup(tree: tree, reaches: reaches,
                           nodeBounds: NodeBounds(tree: tree, reaches: reaches, radios: prepared.radios, losses: losses))
    }

    private init(
        parameters: RadioModelParameters, prepared: SearchCells, losses: ReachBounds.LossTable, layout: Layout,
        groups: [SearchGroup], sites: SiteTable, positions: Positions, cellIDs: [String]
    ) {
        self.losses = losses
        self.parameters = parameters
        operators = layout.operators
        self.sites = sites
        cells = prepared
        cellOperator = layout.cellOperator
        self.cellIDs = cellIDs
        allCells = positions.allCells
        rangeChordSquared = UnitVectors.chordSquaredLimit(distanceM: parameters.maxRangeM)
        self.groups = groups
        isSearchable = true
    }

    /// This engine without its search index: the same parameters, operators, sites and
    /// terrain model, but none of the prepared cells, cell ids, trees and bounds (about 100 MB
    /// for the 341,154 national cells, measured with heaptrack: docs/benchmarks.md), which a
    /// run no longer needs once its coverage is computed and only its files remain to be
    /// written (every writer reads ``sites`` and ``operators`` only). Searching the returned
    /// engine is a programming error and stops the process: it can never answer "no coverage".
    public func releasingSearchIndex() -> CoverageEngine {
        CoverageEngine(released: self)
    }

    private init(released engine: CoverageEngine) {
        let none = RadioModelParameters()
        parameters = engine.parameters
        operators = engine.operators
        sites = engine.sites
        terrain = engine.terrain
        rangeChordSquared = engine.rangeChordSquared
        cells = SearchCells(cells: [], parameters: none)
        losses = ReachBounds.LossTable(radios: [], parameters: none)
        cellOperator = []
        cellIDs = []
        allCells = CellTree(vectors: UnitVectors(lons: [], lats: []), ids: [])
        groups = []
        isSearchable = false
    }
}

/// The coverage computation cannot run on these inputs.
public enum CoverageError: Error, Sendable, CustomStringConvertible {
    case tooManyOperators(Int)
    case settingOutOfRange(SettingOutOfRange)

    public var description: String {
        switch self {
        case .tooManyOperators(let count):
            "\(count) operators: at most \(CoverageEngine.maxOperators) are supported"
        case .settingOutOfRange(let error):
            error.description
        }
    }
}
