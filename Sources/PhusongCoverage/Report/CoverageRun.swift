/// One coverage computation: the inputs, the configuration, the engine and its results.
public struct CoverageRun: Sendable {
    public var inputs: LoadedInputs
    public var configuration: PhusongConfiguration
    public var engine: CoverageEngine
    /// Per village, parallel to `inputs.scenario.villages`.
    public var coverage: [VillageCoverage]
    public var tables: IndicatorTables
    /// Covered area (km², share of land), when asked for.
    public var area: AreaCoverage?

    /// Runs the coverage engine over the inputs and aggregates the indicators; with
    /// `includeArea`, also traces footprints and computes area coverage.
    public static func compute(
        inputs: LoadedInputs, configuration: PhusongConfiguration, threads: Int, includeArea: Bool = false
    ) async throws -> CoverageRun {
        let engine = try CoverageEngine(cells: inputs.scenario.cells, parameters: configuration.radio)
        let coverage = try await engine.coverage(of: inputs.scenario.villages, threads: threads)
        let tables = IndicatorTables(villages: inputs.scenario.villages, coverage: coverage, engine: engine,
                                     boundaries: inputs.boundaries, sitesWithCodes: inputs.sites)
        var area: AreaCoverage?
        if includeArea {
            var siteProvinces: [String: String] = [:]
            for (site, codes) in zip(engine.sites, tables.siteAreas) {
                if let province = codes.provinceCode { siteProvinces[site.id] = province }
            }
            area = try await AreaCoverage.compute(
                cells: inputs.scenario.cells, siteProvinceCodes: siteProvinces, villages: inputs.scenario.villages,
                boundaries: inputs.boundaries, parameters: configuration.radio, settings: configuration.area, threads: threads)
        }
        return CoverageRun(inputs: inputs, configuration: configuration, engine: engine, coverage: coverage, tables: tables, area: area)
    }
}
