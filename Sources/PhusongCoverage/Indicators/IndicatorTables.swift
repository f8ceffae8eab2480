/// A row of a per-area indicator table: a province or commune with its indicators.
public struct AreaIndicators: Sendable, Hashable {
    public var code: String
    public var name: String?
    /// For a commune: its province.
    public var provinceCode: String?
    public var indicators: CoverageIndicators
}

/// The indicators of a coverage run at every level the committee reviews: national, per
/// province, per commune and per operator (coverage-model.md, "Indicators").
public struct IndicatorTables: Sendable {
    public var national: CoverageIndicators
    /// Sorted by code; villages without a province code are left out (they count nationally).
    public var provinces: [AreaIndicators]
    /// Sorted by code; villages without a commune code are left out.
    public var communes: [AreaIndicators]
    /// Per operator (sorted by name), with only that operator's cells and sites.
    public var operators: [(name: String, indicators: CoverageIndicators)]
    /// The province and commune each site counts in (parallel to the engine's sites).
    public var siteAreas: [(provinceCode: String?, communeCode: String?)]

    /// Aggregates village results and sites.
    ///
    /// A site belongs to the province and commune whose polygon contains it when boundaries
    /// were given (its codes are then set on `Site`), otherwise to those of its nearest
    /// village (great-circle; exact ties: the village first in the file), found with
    /// `threads` tasks.
    public init(
        villages: [Village], coverage: [VillageCoverage], engine: CoverageEngine,
        boundaries: AdminBoundaries?, sitesWithCodes: [Site]? = nil, threads: Int
    ) async throws {
        precondition(villages.count == coverage.count, "one coverage result per village")
        let sites = sitesWithCodes ?? engine.sites
        if boundaries != nil {
            siteAreas = sites.map { ($0.provinceCode, $0.communeCode) }
        } else {
            let nearest = VillageIndex(villages: villages)
            siteAreas = try await ParallelChunks.map(count: sites.count, threads: threads, minimumChunk: 1_024) { range in
                range.map { index -> (provinceCode: String?, communeCode: String?) in
                    guard let village = nearest.nearest(lon: sites[index].lon, lat: sites[index].lat) else { return (nil, nil) }
                    return (villages[village].provinceCode, villages[village].communeCode)
                }
            }
        }

        var national = CoverageIndicators()
        var byProvince = KeyedIndicators()
        var byCommune = KeyedIndicators()
        var communeProvince: [String: String] = [:]
        var provinceKnownFor: String?
        var byOperator = [CoverageIndicators](repeating: CoverageIndicators(), count: engine.operators.count)
        for (village, result) in zip(villages, coverage) {
            national.add(population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                         gridPower: village.gridPower)
            if let code = village.provinceCode {
                byProvince[code].add(
                    population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                    gridPower: village.gridPower)
            }
            if let code = village.communeCode {
                byCommune[code].add(
                    population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                    gridPower: village.gridPower)
                // A commune's province is that of its first village with one.
                if let province = village.provinceCode, code != provinceKnownFor {
                    if communeProvince[code] == nil { communeProvince[code] = province }
                    provinceKnownFor = code
                }
            }
            for operatorIndex in engine.operators.indices {
                byOperator[operatorIndex].add(
                    population: village.population,
                    covered4G: result.operatorCovers(operatorIndex, .lte),
                    covered5G: result.operatorCovers(operatorIndex, .nr),
                    gridPower: village.gridPower)
            }
        }
        let operatorIndex = Dictionary(uniqueKeysWithValues: engine.operators.enumerated().map { ($0.element, $0.offset) })
        for (site, area) in zip(sites, siteAreas) {
            national.add(site: site)
            if let code = area.provinceCode { byProvince[code].add(site: site) }
            if let code = area.communeCode { byCommune[code].add(site: site) }
            if let index = operatorIndex[site.operatorName] { byOperator[index].add(site: site) }
        }
        self.national = national
        provinces = byProvince.sorted().map { code, indicators in
            AreaIndicators(code: code, name: boundaries?.provinceName(code) ?? ProvinceCatalog.names2025[code],
                           provinceCode: nil, indicators: indicators)
        }
        communes = byCommune.sorted().map { code, indicators in
            AreaIndicators(code: code, name: boundaries?.communeName(code),
                           provinceCode: communeProvince[code] ?? boundaries?.communes.first { $0.code == code }?.provinceCode,
                           indicators: indicators)
        }
        operators = engine.operators.enumerated().map { ($0.element, byOperator[$0.offset]) }
    }
}
