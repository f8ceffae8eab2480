/// Costs, candidate rules and target switches of the rollout planner (docs/specs/planning.md). Costs
/// are in billion VND.
public struct PlanningSettings: Sendable, Hashable, Codable {
    /// Band of the 5G cells an upgrade adds, MHz.
    public var upgradeBandMHz: Double = 3500
    /// Cost of a 5G upgrade of an existing 4G site.
    public var upgradeCost: Double = 1.5
    /// Cost of a new 4G site.
    public var newSiteCost: Double = 3.0
    /// Extra cost of 5G on a new site.
    public var newSite5GExtraCost: Double = 1.5
    /// Extra cost of a new site off the grid (solar and battery power).
    public var offGridExtraCost: Double = 0.8
    /// Cost of a satellite (LEO) terminal for a village.
    public var satelliteCost: Double = 0.3
    /// New sites: antenna height, metres; 4G band, MHz; 5G band, MHz.
    public var newSiteHeightM: Double = 30
    public var newSiteBand4GMHz: Double = 900
    public var newSiteBand5GMHz: Double = 3500
    /// RS EIRP of new 4G and 5G cells, dBm.
    public var new4GEIRPdBm: Double = 30
    public var new5GEIRPdBm: Double = 36
    /// Candidate sites: a regular grid with this spacing, km, within this distance of a
    /// dead-zone village, km (plus every dead-zone village and any user file).
    public var candidateGridKm: Double = 2
    public var candidateRadiusKm: Double = 10
    /// Which targets the plan must reach (each may be switched off).
    public var connectEveryVillage = true
    public var reachPopulationCoverage5G = true
    public var reachStationRatio = true

    public init() {}

    enum CodingKeys: String, CodingKey {
        case upgradeBandMHz = "upgrade_band_mhz"
        case upgradeCost = "upgrade_cost"
        case newSiteCost = "new_site_cost"
        case newSite5GExtraCost = "new_site_5g_extra_cost"
        case offGridExtraCost = "off_grid_extra_cost"
        case satelliteCost = "satellite_cost"
        case newSiteHeightM = "new_site_height_m"
        case newSiteBand4GMHz = "new_site_band_4g_mhz"
        case newSiteBand5GMHz = "new_site_band_5g_mhz"
        case new4GEIRPdBm = "new_4g_rs_eirp_dbm"
        case new5GEIRPdBm = "new_5g_rs_eirp_dbm"
        case candidateGridKm = "candidate_grid_km"
        case candidateRadiusKm = "candidate_radius_km"
        case connectEveryVillage = "connect_every_village"
        case reachPopulationCoverage5G = "reach_population_coverage_5g"
        case reachStationRatio = "reach_station_ratio"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var settings = PlanningSettings()
        func read<T: Decodable>(_ key: CodingKeys, _ path: WritableKeyPath<PlanningSettings, T>) throws {
            if let value = try container.decodeIfPresent(T.self, forKey: key) { settings[keyPath: path] = value }
        }
        try read(.upgradeBandMHz, \.upgradeBandMHz)
        try read(.upgradeCost, \.upgradeCost)
        try read(.newSiteCost, \.newSiteCost)
        try read(.newSite5GExtraCost, \.newSite5GExtraCost)
        try read(.offGridExtraCost, \.offGridExtraCost)
        try read(.satelliteCost, \.satelliteCost)
        try read(.newSiteHeightM, \.newSiteHeightM)
        try read(.newSiteBand4GMHz, \.newSiteBand4GMHz)
        try read(.newSiteBand5GMHz, \.newSiteBand5GMHz)
        try read(.new4GEIRPdBm, \.new4GEIRPdBm)
        try read(.new5GEIRPdBm, \.new5GEIRPdBm)
        try read(.candidateGridKm, \.candidateGridKm)
        try read(.candidateRadiusKm, \.candidateRadiusKm)
        try read(.connectEveryVillage, \.connectEveryVillage)
        try read(.reachPopulationCoverage5G, \.reachPopulationCoverage5G)
        try read(.reachStationRatio, \.reachStationRatio)
        self = settings
    }
}
