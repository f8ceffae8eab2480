/// What the terrain model changed in a coverage run (docs/specs/terrain-model.md, "Dead-zone
/// reasons"): each village's status under the empirical model alone, the villages whose status
/// differs, and what the terrain model did (profiles, void samples, ITM warnings and errors,
/// pairs outside the terrain).
public struct TerrainComparison: Sendable {
    /// The terrain source the run used (the path the user gave).
    public var sourcePath: String
    /// The terrain's files: the SRTM tiles south to north, west to east, then the rasters.
    public var tileFiles: [String]
    /// The `[terrain]` settings of the run.
    public var settings: TerrainSettings
    /// Per village (in village order): connected under the empirical model alone.
    public var empiricallyConnected: [Bool]
    /// What the terrain model did, summed over the pairs it evaluated.
    public var statistics: TerrainStatistics
    /// Villages connected under the empirical model and dead zones under the terrain model:
    /// the `terrain_shadow` dead zones.
    public var terrainShadowVillages: Int
    /// Villages that are dead zones under the empirical model and connected under the terrain
    /// model (only with `combine = "itm"`).
    public var gainedVillages: Int

    /// A comparison from each village's empirical status and its terrain coverage.
    /// - Parameters:
    ///   - model: the run's terrain model.
    ///   - empiricallyConnected: each village's status under the empirical model alone.
    ///   - terrain: each village's coverage under the terrain model (same order).
    ///   - statistics: what the terrain model did.
    public init(model: TerrainModel, empiricallyConnected: [Bool], terrain: [VillageCoverage], statistics: TerrainStatistics) {
        sourcePath = model.profiler.tiles.source.path
        tileFiles = model.profiler.tiles.source.allFiles
        settings = model.settings
        self.empiricallyConnected = empiricallyConnected
        self.statistics = statistics
        var shadows = 0
        var gained = 0
        for (before, after) in zip(empiricallyConnected, terrain) where before != after.connected {
            if before { shadows += 1 } else { gained += 1 }
        }
        terrainShadowVillages = shadows
        gainedVillages = gained
    }

    /// Villages whose status differs between the two models.
    public var changedVillages: Int { terrainShadowVillages + gainedVillages }

    /// Whether village `index`, with `coverage` under the terrain model, is a dead zone that the
    /// empirical model would connect (the `terrain_shadow` reason).
    /// - Parameters:
    ///   - index: the village's index in the run.
    ///   - coverage: its coverage under the terrain model.
    /// - Returns: true for a terrain shadow.
    public func isTerrainShadow(_ index: Int, _ coverage: VillageCoverage) -> Bool {
        coverage.deadZone && empiricallyConnected[index]
    }
}
