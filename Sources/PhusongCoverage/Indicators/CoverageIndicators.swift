/// The committee's coverage indicators over a set of villages and sites (docs/specs/indicators.md §2,
/// "Indicators"). Encoded with the snake_case names of the reference implementation's
/// summary (`villages_connected`, `population_coverage_5g`, `ratio_5g_4g_stations`, …).
public struct CoverageIndicators: Sendable, Hashable, Codable {
    public var villages = 0
    public var villagesConnected = 0
    /// Of `villagesConnected`, those connected by a satellite terminal alone, no 4G or 5G
    /// coverage (after a plan: `report --plan`; 0 otherwise).
    public var villagesConnectedSatellite = 0
    /// Villages not connected: lõm sóng.
    public var villagesDeadZone = 0
    /// Villages with `grid_power` false.
    public var villagesUnpowered = 0
    public var villagesDeadZoneAndUnpowered = 0
    public var population = 0
    public var populationCovered4G = 0
    public var populationCovered5G = 0
    /// People covered by 4G or 5G: the mobile network's population coverage. A satellite
    /// terminal connects its village but covers no one with the mobile network (docs/outputs.md).
    public var populationCoveredAny = 0
    /// Distinct sites with a 4G cell (4G stations).
    public var stations4G = 0
    /// Distinct sites with a 5G cell (5G stations).
    public var stations5G = 0

    public init() {}

    /// villages connected / villages (0 when there are none).
    public var shareVillagesConnected: Double { ratio(villagesConnected, villages) }
    public var populationCoverage4G: Double { ratio(populationCovered4G, population) }
    public var populationCoverage5G: Double { ratio(populationCovered5G, population) }
    public var populationCoverageAny: Double { ratio(populationCoveredAny, population) }
    /// 5G stations / 4G stations; nil without 4G stations.
    public var ratio5G4GStations: Double? { stations4G > 0 ? Double(stations5G) / Double(stations4G) : nil }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    /// Adds one village with its coverage flags; `satelliteTerminal`: a plan's satellite
    /// terminal connects it (it then counts as connected, and in `villagesConnectedSatellite`
    /// when no cell covers it; the population figures stay those of mobile coverage).
    public mutating func add(population: Int, covered4G: Bool, covered5G: Bool, gridPower: Bool, satelliteTerminal: Bool = false) {
        villages += 1
        self.population += population
        let connected = covered4G || covered5G || satelliteTerminal
        if connected { villagesConnected += 1 } else { villagesDeadZone += 1 }
        if satelliteTerminal && !covered4G && !covered5G { villagesConnectedSatellite += 1 }
        if !gridPower {
            villagesUnpowered += 1
            if !connected { villagesDeadZoneAndUnpowered += 1 }
        }
        if covered4G { populationCovered4G += population }
        if covered5G { populationCovered5G += population }
        if covered4G || covered5G { populationCoveredAny += population }
    }

    /// Adds one site to the station counts.
    public mutating func add(site: Site) {
        if site.has4G { stations4G += 1 }
        if site.has5G { stations5G += 1 }
    }

    /// Adds the villages and sites counted in `other`.
    public mutating func add(_ other: CoverageIndicators) {
        villages += other.villages
        villagesConnected += other.villagesConnected
        villagesConnectedSatellite += other.villagesConnectedSatellite
        villagesDeadZone += other.villagesDeadZone
        villagesUnpowered += other.villagesUnpowered
        villagesDeadZoneAndUnpowered += other.villagesDeadZoneAndUnpowered
        population += other.population
        populationCovered4G += other.populationCovered4G
        populationCovered5G += other.populationCovered5G
        populationCoveredAny += other.populationCoveredAny
        stations4G += other.stations4G
        stations5G += other.stations5G
    }

    enum CodingKeys: String, CodingKey {
        case villages, population
        case villagesConnected = "villages_connected"
        case villagesConnectedSatellite = "villages_connected_satellite"
        case villagesDeadZone = "villages_dead_zone"
        case villagesUnpowered = "villages_unpowered"
        case villagesDeadZoneAndUnpowered = "villages_dead_zone_and_unpowered"
        case populationCovered4G = "population_covered_4g"
        case populationCovered5G = "population_covered_5g"
        case populationCoveredAny = "population_covered_any"
        case stations4G = "stations_4g"
        case stations5G = "stations_5g"
        case shareVillagesConnected = "share_villages_connected"
        case populationCoverage4G = "population_coverage_4g"
        case populationCoverage5G = "population_coverage_5g"
        case populationCoverageAny = "population_coverage_any"
        case ratio5G4GStations = "ratio_5g_4g_stations"
    }

    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, stationsKnown: true)
    }

    /// Encodes the indicators; `villages_connected_satellite` only when a satellite terminal
    /// connects a village (so a report of the network alone keeps its keys); with `stationsKnown` false, `stations_4g`, `stations_5g` and
    /// `ratio_5g_4g_stations` are null (not available: see `IndicatorTables.communeStationsNote`).
    public func encode(to encoder: any Encoder, stationsKnown: Bool) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(villages, forKey: .villages)
        try container.encode(villagesConnected, forKey: .villagesConnected)
        if villagesConnectedSatellite > 0 { try container.encode(villagesConnectedSatellite, forKey: .villagesConnectedSatellite) }
        try container.encode(villagesDeadZone, forKey: .villagesDeadZone)
        try container.encode(villagesUnpowered, forKey: .villagesUnpowered)
        try container.encode(villagesDeadZoneAndUnpowered, forKey: .villagesDeadZoneAndUnpowered)
        try container.encode(shareVillagesConnected, forKey: .shareVillagesConnected)
        try container.encode(population, forKey: .population)
        try container.encode(populationCovered4G, forKey: .populationCovered4G)
        try container.encode(populationCovered5G, forKey: .populationCovered5G)
        try container.encode(populationCoveredAny, forKey: .populationCoveredAny)
        try container.encode(populationCoverage4G, forKey: .populationCoverage4G)
        try container.encode(populationCoverage5G, forKey: .populationCoverage5G)
        try container.encode(populationCoverageAny, forKey: .populationCoverageAny)
        guard stationsKnown else {
            for key in [CodingKeys.stations4G, .stations5G, .ratio5G4GStations] { try container.encodeNil(forKey: key) }
            return
        }
        try container.encode(stations4G, forKey: .stations4G)
        try container.encode(stations5G, forKey: .stations5G)
        try container.encode(ratio5G4GStations, forKey: .ratio5G4GStations)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        villages = try container.decode(Int.self, forKey: .villages)
        villagesConnected = try container.decode(Int.self, forKey: .villagesConnected)
        villagesConnectedSatellite = try container.decodeIfPresent(Int.self, forKey: .villagesConnectedSatellite) ?? 0
        villagesDeadZone = try container.decode(Int.self, forKey: .villagesDeadZone)
        villagesUnpowered = try container.decode(Int.self, forKey: .villagesUnpowered)
        villagesDeadZoneAndUnpowered = try container.decode(Int.self, forKey: .villagesDeadZoneAndUnpowered)
        population = try container.decode(Int.self, forKey: .population)
        populationCovered4G = try container.decode(Int.self, forKey: .populationCovered4G)
        populationCovered5G = try container.decode(Int.self, forKey: .populationCovered5G)
        populationCoveredAny = try container.decode(Int.self, forKey: .populationCoveredAny)
        stations4G = try container.decode(Int.self, forKey: .stations4G)
        stations5G = try container.decode(Int.self, forKey: .stations5G)
    }
}
