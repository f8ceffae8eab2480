import PhusongSupport

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
    /// How long each step took (for the terminal and benchmarks; never written to a report file,
    /// which must not depend on the machine).
    public var timings = StepTimings()
    /// How much searching the village coverage took (cells visited, distances, RSRP evaluations).
    public var searchStatistics = SearchStatistics()
    /// With a terrain model: the empirical status of each village and what terrain changed
    /// (`coverage` is then the terrain model's); nil for the empirical model alone.
    public var terrain: TerrainComparison?

    /// Wall-clock time of the steps of `compute`.
    public struct StepTimings: Sendable {
        /// Preparing the cells: radio parameters, search grids, reach bounds, tie ranks.
        public var engineSetup: Duration = .zero
        /// Every village's best servers and coverage (the parallel search).
        public var villages: Duration = .zero
        /// Aggregating the indicator tables.
        public var indicators: Duration = .zero
        /// Footprints and area coverage (zero without `includeArea`).
        public var area: Duration = .zero
    }

    /// Runs the coverage engine over the inputs and aggregates the indicators; with
    /// `includeArea`, also traces footprints and computes area coverage.
    ///
    /// With `terrain`, villages are covered under the terrain model (the indicators, lists and
    /// best servers are the terrain model's) and also under the empirical model alone, for the
    /// comparison and the `terrain_shadow` reason. A run whose pairs leave the terrain stops with
    /// ``TerrainError/outsideTerrain(missingTiles:)`` unless `outside_terrain =
    /// "default-model"`. Area coverage (footprints) stays empirical: callers leave it out with
    /// terrain.
    ///
    /// With `progress`, the steps are its stages `index` (preparing the engine), `coverage`
    /// (villages), `terrain` (villages again, over the terrain; only with `terrain`),
    /// `indicators` and `area` (only with `includeArea`).
    /// - Parameters:
    ///   - inputs: the loaded villages, cells and boundaries.
    ///   - configuration: the radio model, area settings and targets.
    ///   - threads: worker tasks.
    ///   - includeArea: whether to trace footprints and measure the covered area.
    ///   - terrain: the terrain model, or nil for the empirical model alone.
    ///   - progress: where the stages are counted (nil: nowhere); it never changes the results.
    /// - Returns: the run.
    public static func compute(
        inputs: LoadedInputs, configuration: PhusongConfiguration, threads: Int, includeArea: Bool = false,
        terrain: TerrainModel? = nil, progress: ProgressReporter? = nil
    ) async throws -> CoverageRun {
        let clock = ContinuousClock()
        var timings = StepTimings()
        var start = clock.now
        func lap() -> Duration {
            let now = clock.now
            defer { start = now }
            return now - start
        }
        let villages = inputs.scenario.villages
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(
                cells: inputs.scenario.cells, sites: inputs.sites, parameters: configuration.radio, threads: threads)
        }
        timings.engineSetup = lap()
        var (coverage, statistics) = try await progress.stage("coverage", total: villages.count) {
            try await engine.coverageAndStatistics(of: villages, threads: threads, progress: progress)
        }
        var comparison: TerrainComparison?
        if let terrain {
            let empirical = coverage
            (coverage, statistics) = try await progress.stage("terrain", total: villages.count) {
                try await engine.withTerrain(terrain).coverageAndStatistics(of: villages, threads: threads, progress: progress)
            }
            try terrain.check(statistics.terrain)
            comparison = TerrainComparison(model: terrain, empirical: empirical, terrain: coverage, statistics: statistics.terrain)
        }
        timings.villages = lap()
        let tables = try await progress.stage("indicators") { [coverage] in
            try await IndicatorTables(
                villages: villages, coverage: coverage, engine: engine, boundaries: inputs.boundaries, threads: threads)
        }
        timings.indicators = lap()
        var area: AreaCoverage?
        if includeArea {
            var siteProvinces: [String: String] = [:]
            for (site, codes) in zip(engine.sites, tables.siteAreas) {
                if let province = codes.provinceCode { siteProvinces[site.id] = province }
            }
            area = try await progress.stage("area") { [siteProvinces] in
                try await AreaCoverage.compute(
                    cells: inputs.scenario.cells, siteProvinceCodes: siteProvinces, villages: villages,
                    boundaries: inputs.boundaries, parameters: configuration.radio, settings: configuration.area, threads: threads)
            }
        }
        timings.area = lap()
        return CoverageRun(
            inputs: inputs, configuration: configuration, engine: engine.withTerrain(terrain), coverage: coverage, tables: tables,
            area: area, timings: timings, searchStatistics: statistics, terrain: comparison)
    }
}
