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

    /// The wall-clock time since the previous lap (or since it was made), for ``StepTimings``.
    private struct Lap {
        private let clock = ContinuousClock()
        private var start: ContinuousClock.Instant

        init() { start = clock.now }

        mutating func next() -> Duration {
            let now = clock.now
            defer { start = now }
            return now - start
        }
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
    ///   - keepSearchIndex: false when the caller will not search the run's engine again (it
    ///     writes the run's files): the engine's search index (``CoverageEngine/releasingSearchIndex()``,
    ///     about 100 MB nationally) is then released before the indicators and area are
    ///     computed, so that it is not held beside the footprints.
    ///   - progress: where the stages are counted (nil: nowhere); it never changes the results.
    /// - Returns: the run.
    public static func compute(
        inputs: LoadedInputs, configuration: PhusongConfiguration, threads: Int, includeArea: Bool = false,
        terrain: TerrainModel? = nil, keepSearchIndex: Bool = true, progress: ProgressReporter? = nil
    ) async throws -> CoverageRun {
        var timings = StepTimings()
        var lap = Lap()
        let (engine, results) = try await searchedEngine(
            inputs: inputs, configuration: configuration, terrain: terrain, threads: threads, keepSearchIndex: keepSearchIndex,
            timings: &timings, lap: &lap, progress: progress)
        var run = try await assemble(
            inputs: inputs, configuration: configuration, engine: engine, coverage: results.coverage,
            empiricallyConnected: results.empiricallyConnected, terrainStatistics: results.statistics.terrain, terrain: terrain,
            includeArea: includeArea, threads: threads, progress: progress)
        run.timings.engineSetup = timings.engineSetup
        run.timings.villages = timings.villages
        run.searchStatistics = results.statistics
        return run
    }

    /// The engine prepared and every village searched; without `keepSearchIndex`, the engine
    /// returned is the released one, and the searchable engine ends with this function.
    private static func searchedEngine(
        inputs: LoadedInputs, configuration: PhusongConfiguration, terrain: TerrainModel?, threads: Int, keepSearchIndex: Bool,
        timings: inout StepTimings, lap: inout Lap, progress: ProgressReporter?
    ) async throws -> (CoverageEngine, (coverage: [VillageCoverage], empiricallyConnected: [Bool]?, statistics: SearchStatistics)) {
        let engine = try await progress.stage("index") {
            try await CoverageEngine.prepare(
                cells: inputs.scenario.cells, sites: inputs.sites, parameters: configuration.radio, threads: threads)
        }
        timings.engineSetup = lap.next()
        let results = try await villageCoverage(
            of: inputs.scenario.villages, engine: engine, terrain: terrain, threads: threads, progress: progress)
        timings.villages = lap.next()
        return (keepSearchIndex ? engine : engine.releasingSearchIndex(), results)
    }

    /// The coverage of `villages` (all of a run's, or those of one tile: each village's search
    /// is independent of the others, so a village's result is the same in any subset): under
    /// the empirical model, and with `terrain` under the terrain model too (its pairs checked
    /// against the `outside_terrain` policy).
    /// - Parameters:
    ///   - villages: the receivers.
    ///   - engine: the prepared cells of the whole run (empirical).
    ///   - terrain: the terrain model, or nil.
    ///   - threads: worker tasks.
    ///   - progress: stages `coverage` and, with terrain, `terrain`.
    /// - Returns: each village's coverage (the terrain model's with terrain), whether each
    ///   village is connected under the empirical model alone (nil without terrain), and the
    ///   search's statistics.
    public static func villageCoverage(
        of villages: [Village], engine: CoverageEngine, terrain: TerrainModel?, threads: Int, progress: ProgressReporter? = nil
    ) async throws -> (coverage: [VillageCoverage], empiricallyConnected: [Bool]?, statistics: SearchStatistics) {
        var (coverage, statistics) = try await progress.stage("coverage", total: villages.count) {
            try await engine.coverageAndStatistics(of: villages, threads: threads, progress: progress)
        }
        guard let terrain else { return (coverage, nil, statistics) }
        let empiricallyConnected = coverage.map(\.connected)
        (coverage, statistics) = try await progress.stage("terrain", total: villages.count) {
            try await engine.withTerrain(terrain).coverageAndStatistics(of: villages, threads: threads, progress: progress)
        }
        try terrain.check(statistics.terrain)
        return (coverage, empiricallyConnected, statistics)
    }

    /// A run from every village's coverage, however it was computed (in one process by
    /// ``compute(inputs:configuration:threads:includeArea:terrain:keepSearchIndex:progress:)``, or tile by tile
    /// and merged by `phusong merge`): the indicator tables, the terrain comparison and, with
    /// `includeArea`, the area coverage, all by the same code.
    /// - Parameters:
    ///   - inputs: the loaded villages, cells and boundaries.
    ///   - configuration: the radio model, area settings and targets.
    ///   - engine: the prepared cells (empirical; the run's engine gets `terrain`).
    ///   - coverage: each village's coverage, parallel to `inputs.scenario.villages`.
    ///   - empiricallyConnected: with terrain, each village's status under the empirical model.
    ///   - terrainStatistics: with terrain, what the terrain model did, summed over the villages.
    ///   - terrain: the terrain model, or nil.
    ///   - includeArea: whether to trace footprints and measure the covered area.
    ///   - threads: worker tasks.
    ///   - progress: stages `indicators` and `area`.
    /// - Returns: the run (its village and setup timings and search statistics left at zero).
    public static func assemble(
        inputs: LoadedInputs, configuration: PhusongConfiguration, engine: CoverageEngine, coverage: [VillageCoverage],
        empiricallyConnected: [Bool]?, terrainStatistics: TerrainStatistics, terrain: TerrainModel?, includeArea: Bool,
        threads: Int, progress: ProgressReporter? = nil
    ) async throws -> CoverageRun {
        var timings = StepTimings()
        var lap = Lap()
        let villages = inputs.scenario.villages
        var comparison: TerrainComparison?
        if let terrain, let empiricallyConnected {
            comparison = TerrainComparison(model: terrain, empiricallyConnected: empiricallyConnected, terrain: coverage,
                                           statistics: terrainStatistics)
        }
        let tables = try await progress.stage("indicators") {
            try await IndicatorTables(
                villages: villages, coverage: coverage, engine: engine, boundaries: inputs.boundaries, threads: threads)
        }
        timings.indicators = lap.next()
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
        timings.area = lap.next()
        var statistics = SearchStatistics()
        statistics.terrain = terrainStatistics
        return CoverageRun(
            inputs: inputs, configuration: configuration, engine: engine.withTerrain(terrain), coverage: coverage, tables: tables,
            area: area, timings: timings, searchStatistics: statistics, terrain: comparison)
    }
}
