/// A base station (BTS site): the distinct `site_id`s of cells.csv.
public struct Site: Sendable, Hashable {
    public var id: String
    public var operatorName: String
    /// Longitude of the site's first cell in file order, WGS84 degrees (coverage-model.md).
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
        var sites: [Site] = []
        var indexByID: [String: Int] = [:]
        for cell in cells {
            if let index = indexByID[cell.siteID] {
                if cell.technology == .lte { sites[index].has4G = true } else { sites[index].has5G = true }
                continue
            }
            indexByID[cell.siteID] = sites.count
            sites.append(Site(
                id: cell.siteID, operatorName: cell.operatorName, lon: cell.lon, lat: cell.lat,
                has4G: cell.technology == .lte, has5G: cell.technology == .nr
            ))
        }
        return sites
    }
}
