/// The additive indicators of one tile (docs/tiles.md, "indicators.json"): counts and
/// populations of the tile's villages and the stations of the sites whose location lies in the
/// tile. Never a share or a ratio: the sums of all tiles' figures are the national counts
/// (the stations' only when every site lies in some tile), while shares of tiles do not add up.
public struct TileIndicators: Sendable, Hashable, Codable {
    /// The tile's villages.
    public var villages = 0
    /// Of them, those connected (4G or 5G).
    public var villagesConnected = 0
    /// Those not connected (dead zones).
    public var villagesDeadZone = 0
    /// Those without grid power.
    public var villagesUnpowered = 0
    /// Dead zones without grid power.
    public var villagesDeadZoneAndUnpowered = 0
    /// People in the tile's villages.
    public var population = 0
    /// Of them, people covered by 4G.
    public var populationCovered4G = 0
    /// People covered by 5G.
    public var populationCovered5G = 0
    /// People covered by 4G or 5G.
    public var populationCoveredAny = 0
    /// Sites whose location (that of their first cell) lies in the tile: each site is owned by
    /// exactly one tile of a grid, so station counts never double.
    public var sites = 0
    /// Of `sites`, those with a 4G cell (4G stations).
    public var stations4G = 0
    /// Of `sites`, those with a 5G cell (5G stations).
    public var stations5G = 0

    /// No village, no site.
    public init() {}

    /// The figures of `villages` with their `coverage` (parallel arrays) and of `sites`.
    /// - Parameters:
    ///   - villages: the tile's villages.
    ///   - coverage: their coverage, in the same order.
    ///   - sites: the sites the tile owns.
    public init(villages: [Village], coverage: [VillageCoverage], sites: [Site]) {
        precondition(villages.count == coverage.count, "one coverage result per village")
        var sums = CoverageIndicators()
        for (village, result) in zip(villages, coverage) {
            sums.add(population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                     gridPower: village.gridPower, satelliteTerminal: result.satelliteTerminal)
        }
        for site in sites { sums.add(site: site) }
        self.init(sums, sites: sites.count)
    }

    /// The additive part of `indicators`.
    /// - Parameters:
    ///   - indicators: indicators of some villages and sites.
    ///   - sites: how many sites they count.
    public init(_ indicators: CoverageIndicators, sites: Int) {
        villages = indicators.villages
        villagesConnected = indicators.villagesConnected
        villagesDeadZone = indicators.villagesDeadZone
        villagesUnpowered = indicators.villagesUnpowered
        villagesDeadZoneAndUnpowered = indicators.villagesDeadZoneAndUnpowered
        population = indicators.population
        populationCovered4G = indicators.populationCovered4G
        populationCovered5G = indicators.populationCovered5G
        populationCoveredAny = indicators.populationCoveredAny
        self.sites = sites
        stations4G = indicators.stations4G
        stations5G = indicators.stations5G
    }

    /// Adds another tile's figures.
    public mutating func add(_ other: TileIndicators) {
        villages += other.villages
        villagesConnected += other.villagesConnected
        villagesDeadZone += other.villagesDeadZone
        villagesUnpowered += other.villagesUnpowered
        villagesDeadZoneAndUnpowered += other.villagesDeadZoneAndUnpowered
        population += other.population
        populationCovered4G += other.populationCovered4G
        populationCovered5G += other.populationCovered5G
        populationCoveredAny += other.populationCoveredAny
        sites += other.sites
        stations4G += other.stations4G
        stations5G += other.stations5G
    }

    /// The village figures (stations left out) equal those of `indicators`.
    public func villageFiguresEqual(_ indicators: CoverageIndicators) -> Bool {
        TileIndicators(indicators, sites: 0).withoutSites == withoutSites
    }

    private var withoutSites: TileIndicators {
        var copy = self
        copy.sites = 0
        copy.stations4G = 0
        copy.stations5G = 0
        return copy
    }

    enum CodingKeys: String, CodingKey {
        case villages, population, sites
        case villagesConnected = "villages_connected"
        case villagesDeadZone = "villages_dead_zone"
        case villagesUnpowered = "villages_unpowered"
        case villagesDeadZoneAndUnpowered = "villages_dead_zone_and_unpowered"
        case populationCovered4G = "population_covered_4g"
        case populationCovered5G = "population_covered_5g"
        case populationCoveredAny = "population_covered_any"
        case stations4G = "stations_4g"
        case stations5G = "stations_5g"
    }
}
