/// A base station (BTS site): the distinct `site_id`s of cells.csv. The sites of a run are in
/// its `SiteTable`.
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
}
