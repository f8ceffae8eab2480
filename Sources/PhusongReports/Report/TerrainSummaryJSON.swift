import PhusongCoverage

/// The `terrain` object of `summary.json`, present only when the run used a terrain model
/// (docs/specs/terrain-model.md: the summary reports void samples, ITM warning counts and the
/// fallbacks; docs/terrain.md lists the keys). Without terrain the summary's bytes are those of
/// an empirical run.
struct TerrainSummaryJSON: Encodable {
    var model = "terrain-model.md contract v2, model itm (Longley-Rice ITM 1.2.2, point-to-point)"
    var source: String
    var tiles: [SummaryJSON.FileInfo]
    var settings: TerrainSettings
    var villagesChanged: Int
    var villagesTerrainShadow: Int
    var villagesConnectedOnlyOverTerrain: Int
    var profiles: Int
    var voidSamples: Int
    var itmErrorsEmpiricalLossUsed: Int
    var pairsOutsideTerrainEmpiricalModelUsed: Int
    var itmWarningPairs: [String: Int]
    var areaCoverage = "not computed: footprints use the empirical model, terrain applies to villages"

    enum CodingKeys: String, CodingKey {
        case model, source, tiles, settings
        case villagesChanged = "villages_changed"
        case villagesTerrainShadow = "villages_terrain_shadow"
        case villagesConnectedOnlyOverTerrain = "villages_connected_only_over_terrain"
        case profiles
        case voidSamples = "void_samples"
        case itmErrorsEmpiricalLossUsed = "itm_errors_empirical_loss_used"
        case pairsOutsideTerrainEmpiricalModelUsed = "pairs_outside_terrain_empirical_model_used"
        case itmWarningPairs = "itm_warning_pairs"
        case areaCoverage = "area_coverage"
    }

    init(_ comparison: TerrainComparison) {
        source = comparison.sourcePath
        tiles = comparison.tileFiles.map { SummaryJSON.FileInfo(path: $0, rowsLoaded: nil, rowsRejected: nil) }
        settings = comparison.settings
        villagesChanged = comparison.changedVillages
        villagesTerrainShadow = comparison.terrainShadowVillages
        villagesConnectedOnlyOverTerrain = comparison.gainedVillages
        let statistics = comparison.statistics
        profiles = statistics.profiles
        voidSamples = statistics.voidSamples
        itmErrorsEmpiricalLossUsed = statistics.itmErrors
        pairsOutsideTerrainEmpiricalModelUsed = statistics.outsideTerrainPairs
        itmWarningPairs = Dictionary(uniqueKeysWithValues: statistics.warnings.map { ($0.name, $0.pairs) })
    }
}
