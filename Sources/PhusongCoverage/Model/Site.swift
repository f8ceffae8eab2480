/// A base station (BTS site): the distinct `site_id`s of cells.csv.
public struct Site: Sendable, Hashable {
    public var id: String
    public var operatorName: String
    /// Longitude of the site's first cell in file order, WGS84 degrees (docs/specs/radio-model.md §2).
    public var lon: Double
    /// Latitude of the site's first cell in file order, WGS84 degrees.
    public var lat: Double
    /// True when the site has a 4G cell (it counts as a 4G station).
    public var has4G: Bool
    /// True when the site has a 5G cell (it counts as a 5G station).
    public var has5G: Bool
    /// Province from the boundary polygon that contains the site, when boundaries were given.
    public var provinceCode: String?
    /// Commune from the boundary polygon that contains the site, when boundaries were given.
    public var communeCode: String?

    /// The sites of `cells`, in order of each site's first cell.
    public static func sites(of cells: [Cell]) -> [Site] {
        sitesAndMembership(of: cells).sites
    }

    /// The sites, in order of first cell, and the index of each cell's site. A site's cells
    /// usually follow each other, so a cell with the same site id as the one before is placed
    /// without hashing.
    public static func sitesAndMembership(of cells: [Cell]) -> (sites: [Site], cellSite: [Int32]) {
        var sites: [Site] = []
        var cellSite = [Int32](repeating: 0, count: cells.count)
        var indexByID: [String: Int] = [:]
        var previous: (id: String, index: Int)?
        for (position, cell) in cells.enumerated() {
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
            cellSite[position] = Int32(index)
            previous = (cell.siteID, index)
        }
        return (sites, cellSite)
    }
}
