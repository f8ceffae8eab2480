/// One coverage computation: the inputs, the configuration, the engine and its results.
public struct CoverageRun: Sendable {
    public var inputs: LoadedInputs
    public var configuration: PhusongConfiguration
    public var engine: CoverageEngine
    /// Per village, parallel to `inputs.scenario.villages`.
    public var coverage: [VillageCoverage]
    public var tables: IndicatorTables

    /// Runs the coverage engine over the inputs and aggregates the indicators.
    public static func compute(inputs: LoadedInputs, configuration: PhusongConfiguration, threads: Int) async throws -> CoverageRun {
        let engine = try CoverageEngine(cells: inputs.scenario.cells, parameters: configuration.radio)
        let coverage = try await engine.coverage(of: inputs.scenario.villages, threads: threads)
        let tables = IndicatorTables(villages: inputs.scenario.villages, coverage: coverage, engine: engine,
                                     boundaries: inputs.boundaries, sitesWithCodes: inputs.sites)
        return CoverageRun(inputs: inputs, configuration: configuration, engine: engine, coverage: coverage, tables: tables)
    }
}
