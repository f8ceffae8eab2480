/// The indicators of some villages and sites at every level (national, province, commune,
/// operator), as ``IndicatorTables`` sums them chunk by chunk.
struct IndicatorSums: Sendable {
    var national = CoverageIndicators()
    var byProvince = KeyedIndicators()
    var byCommune = KeyedIndicators()
    /// Each commune's province: that of its first village (in the order added) with one.
    var communeProvince: [String: String] = [:]
    var byOperator: [CoverageIndicators]
    /// The last commune whose province is known, so that a run of villages of one commune
    /// looks it up once.
    private var provinceKnownFor: String?

    init(operators: Int) {
        byOperator = [CoverageIndicators](repeating: CoverageIndicators(), count: operators)
    }

    /// Counts a village with its coverage.
    mutating func add(village: Village, coverage result: VillageCoverage) {
        national.add(population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                     gridPower: village.gridPower, satelliteTerminal: result.satelliteTerminal)
        if let code = village.provinceCode {
            byProvince[code].add(
                population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                gridPower: village.gridPower, satelliteTerminal: result.satelliteTerminal)
        }
        if let code = village.communeCode {
            byCommune[code].add(
                population: village.population, covered4G: result.covered4G, covered5G: result.covered5G,
                gridPower: village.gridPower, satelliteTerminal: result.satelliteTerminal)
            if let province = village.provinceCode, code != provinceKnownFor {
                if communeProvince[code] == nil { communeProvince[code] = province }
                provinceKnownFor = code
            }
        }
        for operatorIndex in byOperator.indices {
            byOperator[operatorIndex].add(
                population: village.population,
                covered4G: result.operatorCovers(operatorIndex, .lte),
                covered5G: result.operatorCovers(operatorIndex, .nr),
                gridPower: village.gridPower)
        }
    }

    /// Counts a site in its province and commune and for its operator (nil: an operator
    /// without cells in the engine).
    mutating func add(site: Site, area: (provinceCode: String?, communeCode: String?), operatorIndex: Int?) {
        national.add(site: site)
        if let code = area.provinceCode { byProvince[code].add(site: site) }
        if let code = area.communeCode { byCommune[code].add(site: site) }
        if let operatorIndex { byOperator[operatorIndex].add(site: site) }
    }

    /// Adds the sums of villages and sites that come after these.
    mutating func add(_ later: IndicatorSums) {
        national.add(later.national)
        byProvince.add(later.byProvince)
        byCommune.add(later.byCommune)
        communeProvince.merge(later.communeProvince) { earlier, _ in earlier }
        for index in byOperator.indices { byOperator[index].add(later.byOperator[index]) }
    }
}
