/// One village (thôn, bản, ấp, tổ dân phố): a row of `villages.csv` (docs/specs/data-formats.md §2.1).
public struct Village: Sendable, Hashable {
    /// Unique id (`village_id`).
    public var id: String
    /// Name with Vietnamese diacritics, in Unicode NFC; empty when the file has none.
    public var name: String
    /// 2-digit 2025 province code, or nil when not given and not yet assigned.
    public var provinceCode: String?
    /// 5-digit 2025 commune/ward code, or nil when not given and not yet assigned.
    public var communeCode: String?
    /// Longitude of the village's centre of population, WGS84 degrees.
    public var lon: Double
    /// Latitude of the village's centre of population, WGS84 degrees.
    public var lat: Double
    /// Residents (>= 0).
    public var population: Int
    /// Households (>= 0), nil when not given.
    public var households: Int?
    /// True when the village is connected to the electricity grid.
    public var gridPower: Bool
    /// Radio environment; `rural` when the file leaves it empty.
    public var areaType: AreaType

    public init(
        id: String, name: String = "", provinceCode: String? = nil, communeCode: String? = nil,
        lon: Double, lat: Double, population: Int, households: Int? = nil,
        gridPower: Bool = true, areaType: AreaType = .rural
    ) {
        self.id = id
        self.name = name
        self.provinceCode = provinceCode
        self.communeCode = communeCode
        self.lon = lon
        self.lat = lat
        self.population = population
        self.households = households
        self.gridPower = gridPower
        self.areaType = areaType
    }
}

/// The radio environment of a place, which selects the path-loss variant (docs/specs/radio-model.md §4).
public enum AreaType: String, Sendable, CaseIterable, Hashable {
    case urban, suburban, rural, open
}
