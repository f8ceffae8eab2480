/// The steering committee's targets that reports compare the indicators with.
public struct CoverageTargets: Sendable, Hashable, Codable {
    /// Share of villages connected (1.0: every village, no dead zone left).
    public var villagesConnectedShare: Double
    /// 5G population coverage (0.90 by 2025's target).
    public var populationCoverage5G: Double
    /// 5G stations as a share of 4G stations (at least 0.50).
    public var ratio5G4GStations: Double

    public init(villagesConnectedShare: Double = 1.0, populationCoverage5G: Double = 0.90, ratio5G4GStations: Double = 0.50) {
        self.villagesConnectedShare = villagesConnectedShare
        self.populationCoverage5G = populationCoverage5G
        self.ratio5G4GStations = ratio5G4GStations
    }

    enum CodingKeys: String, CodingKey {
        case villagesConnectedShare = "villages_connected_share"
        case populationCoverage5G = "population_coverage_5g"
        case ratio5G4GStations = "ratio_5g_4g_stations"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CoverageTargets()
        self.init(
            villagesConnectedShare: try container.decodeIfPresent(Double.self, forKey: .villagesConnectedShare) ?? defaults.villagesConnectedShare,
            populationCoverage5G: try container.decodeIfPresent(Double.self, forKey: .populationCoverage5G) ?? defaults.populationCoverage5G,
            ratio5G4GStations: try container.decodeIfPresent(Double.self, forKey: .ratio5G4GStations) ?? defaults.ratio5G4GStations
        )
    }
}
