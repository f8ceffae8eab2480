/// The one site table of a run: every site of the cells with its position, technologies and
/// administrative codes, and the site of each cell.
///
/// Derived once, when the inputs are loaded (`ScenarioLoader`, which also gives the sites
/// their codes from the boundary polygons), and passed on: the coverage engine takes its
/// sites and each cell's site from it, the indicators count stations from it, and the
/// rollout check extends it with the planned cells (`LoadedInputs.adding(cells:threads:)`)
/// instead of deriving it again. A collection of `Site`, in order of each site's first cell
/// (docs/specs/data-formats.md §2.2: a station is a distinct `site_id`; its place is that of
/// its first cell; the codes it counts in: docs/specs/indicators.md §4).
public struct SiteTable: Sendable, Hashable, RandomAccessCollection {
    /// The sites, in order of first cell.
    private(set) var sites: [Site] = []
    /// The index into `sites` of each cell, in cell order.
    public private(set) var cellSite: [Int32] = []

    /// The sites of `cells`, without administrative codes.
    public init(cells: [Cell]) {
        append(cells)
    }

    public var startIndex: Int { sites.startIndex }
    public var endIndex: Int { sites.endIndex }
    public subscript(position: Int) -> Site { sites[position] }

    /// Reserves room for this many sites (e.g. to copy a table before a timed region).
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        sites.reserveCapacity(minimumCapacity)
    }

    /// Adds `cells`, which follow the cells already in the table: a cell of a known site
    /// joins it (and may give it a technology), a new `site_id` becomes a site placed at that
    /// cell. Returns the indices of the new sites. A site's cells usually follow each other,
    /// so a cell with the same site id as the one before is placed without hashing.
    @discardableResult
    public mutating func append(_ cells: [Cell]) -> Range<Int> {
        let firstNew = sites.count
        var indexByID = Dictionary(sites.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var previous: (id: String, index: Int)?
        cellSite.reserveCapacity(cellSite.count + cells.count)
        for cell in cells {
            let index: Int
            if let previous, previous.id == cell.siteID {
                index = previous.index
            } else if let known = indexByID[cell.siteID] {
                index = known
            } else {
                index = sites.count
                indexByID[cell.siteID] = index
                sites.append(Site(
                    id: cell.siteID, operatorName: cell.operatorName, lon: cell.lon, lat: cell.lat,
                    has4G: false, has5G: false
                ))
            }
            if cell.technology == .lte { sites[index].has4G = true } else { sites[index].has5G = true }
            cellSite.append(Int32(index))
            previous = (cell.siteID, index)
        }
        return firstNew..<sites.count
    }

    /// Gives the sites at `indices` the province and commune of the unit their position
    /// matches (`AdminAssigner`, `threads` tasks); a site that matches none keeps no codes.
    /// Returns the matches, in the order of `indices`.
    mutating func assignAdminCodes(
        _ boundaries: AdminBoundaries, to indices: Range<Int>, threads: Int
    ) async throws -> [AdminMatch] {
        let units = boundaries.assignmentUnits
        let matches = try await AdminAssigner.assign(
            lons: sites[indices].map(\.lon), lats: sites[indices].map(\.lat), units: units, threads: threads)
        for (index, match) in zip(indices, matches) {
            guard let unitIndex = match.unitIndex else { continue }
            let codes = units[unitIndex].assignedCodes
            sites[index].provinceCode = codes.province
            sites[index].communeCode = codes.commune
        }
        return matches
    }
}
