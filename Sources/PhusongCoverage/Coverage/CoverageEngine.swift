import Foundation

/// Computes every village's coverage under the radio model: best 4G and 5G server, coverage
/// flags, the nearest site, and coverage by each operator's own cells.
///
/// The search for a village walks a grid of cells outward in rings. A ring is skipped once
/// `ReachBounds` shows that no cell at its distance or beyond can beat the best RSRP found so
/// far (or, for an operator, reach the threshold), so results equal an exhaustive evaluation
/// of every cell within `max_range_m` while evaluating only a small share of them.
///
/// Villages are processed in parallel chunks (`ParallelChunks`); results are merged by index,
/// so they do not depend on the number of threads.
public struct CoverageEngine: Sendable {
    public let parameters: RadioModelParameters
    /// Operator names in sorted order; indices of `VillageCoverage.operatorCoverage`.
    public let operators: [String]
    /// The scenario's sites, in order of first cell.
    public let sites: [Site]

    let cells: [PreparedCell]
    let cellIsNR: [Bool]
    let cellOperator: [Int32]
    let cellSite: [Int32]
    /// Position of each cell in the order of `cell_id` UTF-8 bytes: the tie rule.
    let cellRank: [Int32]
    let grid: CellGrid
    /// Bounds for all cells of a technology: [4G, 5G]; nil when there is no such cell.
    let nationalBounds: [ReachBounds?]
    /// Bounds per operator and technology: `operatorBounds[2·o + t]`.
    let operatorBounds: [ReachBounds?]

    /// Most operators the coverage bitmask can hold.
    public static let maxOperators = 32
    /// Grid square side, degrees (about 1.1 km of latitude).
    static let gridSquareDeg = 0.01

    public init(cells: [Cell], parameters: RadioModelParameters = RadioModelParameters()) throws(CoverageError) {
        let operators = Array(Set(cells.map(\.operatorName))).sorted()
        guard operators.count <= Self.maxOperators else {
            throw CoverageError.tooManyOperators(operators.count)
        }
        self.parameters = parameters
        self.operators = operators
        sites = Site.sites(of: cells)
        let prepared = cells.map { PreparedCell($0, parameters: parameters) }
        self.cells = prepared
        cellIsNR = cells.map { $0.technology == .nr }
        let operatorIndex = Dictionary(uniqueKeysWithValues: operators.enumerated().map { ($0.element, Int32($0.offset)) })
        cellOperator = cells.map { operatorIndex[$0.operatorName] ?? 0 }
        let siteIndex = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($0.element.id, Int32($0.offset)) })
        cellSite = cells.map { siteIndex[$0.siteID] ?? 0 }
        var rank = [Int32](repeating: 0, count: cells.count)
        let byID = cells.indices.sorted { cells[$0].id.utf8.lexicographicallyPrecedes(cells[$1].id.utf8) }
        for (position, index) in byID.enumerated() { rank[index] = Int32(position) }
        cellRank = rank
        grid = CellGrid(lons: cells.map(\.lon), lats: cells.map(\.lat), squareDeg: Self.gridSquareDeg)

        var groups = [[Int]](repeating: [], count: 2 * operators.count)
        var technologyGroups: [[Int]] = [[], []]
        for index in cells.indices {
            let technology = cellIsNR[index] ? 1 : 0
            groups[2 * Int(cellOperator[index]) + technology].append(index)
            technologyGroups[technology].append(index)
        }
        let maxRange = parameters.maxRangeM
        nationalBounds = technologyGroups.map { $0.isEmpty ? nil : ReachBounds(cells: prepared, members: $0, maxRangeM: maxRange) }
        operatorBounds = groups.map { $0.isEmpty ? nil : ReachBounds(cells: prepared, members: $0, maxRangeM: maxRange) }
    }

    /// The coverage of every village, in village order.
    public func coverage(of villages: [Village], threads: Int) async throws -> [VillageCoverage] {
        try await ParallelChunks.map(count: villages.count, threads: threads, minimumChunk: 512) { range in
            range.map { coverage(of: villages[$0]) }
        }
    }

    /// The coverage of one village.
    public func coverage(of village: Village) -> VillageCoverage {
        let receiver = ReceiverPoint(village)
        let areaType = village.areaType
        let maxRange = parameters.maxRangeM
        let threshold4G = parameters.coverageThreshold4GdBm
        let threshold5G = parameters.coverageThreshold5GdBm
        let (column, row) = grid.squareCoordinates(lon: village.lon, lat: village.lat)
        let lastRing = grid.lastRing(column: column, row: row)

        var best: [(rsrp: Double, cell: Int)] = [(-.infinity, -1), (-.infinity, -1)]
        var covered: UInt64 = 0
        var nearestDistance = Double.infinity
        var nearestCell = -1

        for ring in 0...lastRing {
            let lowerBound = grid.ringLowerBoundM(ring: ring, lat: village.lat)
            let inRange = lowerBound <= maxRange
            var wantTechnology = (false, false)
            var wantOperators: UInt64 = 0
            if inRange {
                if let bounds = nationalBounds[0] {
                    wantTechnology.0 = bounds.upperBoundDBm(areaType: areaType, atLeastM: lowerBound) >= best[0].rsrp
                }
                if let bounds = nationalBounds[1] {
                    wantTechnology.1 = bounds.upperBoundDBm(areaType: areaType, atLeastM: lowerBound) >= best[1].rsrp
                }
                for group in operatorBounds.indices where covered & (1 << UInt64(group)) == 0 {
                    guard let bounds = operatorBounds[group] else { continue }
                    let threshold = group % 2 == 0 ? threshold4G : threshold5G
                    if bounds.upperBoundDBm(areaType: areaType, atLeastM: lowerBound) >= threshold {
                        wantOperators |= 1 << UInt64(group)
                    }
                }
            }
            let wantNearest = lowerBound <= nearestDistance
            if !wantTechnology.0 && !wantTechnology.1 && wantOperators == 0 && !wantNearest { break }

            grid.forEachEntry(ring: ring, column: column, row: row) { cell in
                let distance = cells[cell].location.distanceM(to: receiver.location)
                if wantNearest, distance < nearestDistance || (distance == nearestDistance && cellRank[cell] < cellRank[nearestCell]) {
                    nearestDistance = distance
                    nearestCell = cell
                }
                guard distance <= maxRange else { return }
                let technology = cellIsNR[cell] ? 1 : 0
                let group = 2 * Int(cellOperator[cell]) + technology
                let wantNational = technology == 0 ? wantTechnology.0 : wantTechnology.1
                let wantOperator = wantOperators & (1 << UInt64(group)) != 0
                guard wantNational || wantOperator else { return }
                let rsrp = cells[cell].rsrpDBm(at: receiver, distance2DM: distance)
                if wantNational {
                    let current = best[technology]
                    if rsrp > current.rsrp || (rsrp == current.rsrp && cellRank[cell] < cellRank[current.cell]) {
                        best[technology] = (rsrp, cell)
                    }
                }
                if wantOperator, rsrp >= (technology == 0 ? threshold4G : threshold5G) {
                    covered |= 1 << UInt64(group)
                }
            }
        }

        let best4G = best[0].cell >= 0 ? VillageCoverage.BestServer(cellIndex: best[0].cell, rsrpDBm: best[0].rsrp) : nil
        let best5G = best[1].cell >= 0 ? VillageCoverage.BestServer(cellIndex: best[1].cell, rsrpDBm: best[1].rsrp) : nil
        return VillageCoverage(
            best4G: best4G, best5G: best5G,
            covered4G: (best4G?.rsrpDBm ?? -.infinity) >= threshold4G,
            covered5G: (best5G?.rsrpDBm ?? -.infinity) >= threshold5G,
            nearestSite: nearestCell >= 0
                ? VillageCoverage.NearestSite(siteIndex: Int(cellSite[nearestCell]), distanceM: nearestDistance) : nil,
            operatorCoverage: covered
        )
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
