import PhusongCoverage

/// `indicators.json` of a partial (docs/tiles.md): the tile's additive indicators and, with
/// terrain, what the terrain model did for its villages (counts, summed by the merge).
struct PartialIndicatorsJSON: Codable {
    var indicators: TileIndicators
    var terrain: TerrainCounts?

    /// ``TerrainStatistics`` as JSON: every count is a sum over the tile's village–cell pairs.
    struct TerrainCounts: Codable {
        var profiles: Int
        var voidSamples: Int
        var itmErrors: Int
        var pairsOutsideTerrain: Int
        /// Pairs per ITM warning flag raised (flag names as in summary.json).
        var itmWarningPairs: [String: Int]
        /// The tiles pairs outside the terrain would need.
        var missingTiles: [String]

        init(_ statistics: TerrainStatistics) {
            profiles = statistics.profiles
            voidSamples = statistics.voidSamples
            itmErrors = statistics.itmErrors
            pairsOutsideTerrain = statistics.outsideTerrainPairs
            itmWarningPairs = Dictionary(uniqueKeysWithValues: statistics.warnings.map { ($0.name, $0.pairs) })
            missingTiles = statistics.missingTiles.sorted()
        }

        /// The statistics back; nil when a warning name is unknown or a count negative.
        var statistics: TerrainStatistics? {
            var statistics = TerrainStatistics()
            guard [profiles, voidSamples, itmErrors, pairsOutsideTerrain].allSatisfy({ $0 >= 0 }) else { return nil }
            statistics.profiles = profiles
            statistics.voidSamples = voidSamples
            statistics.itmErrors = itmErrors
            statistics.outsideTerrainPairs = pairsOutsideTerrain
            for (name, pairs) in itmWarningPairs {
                guard pairs >= 0, let index = ITMWarnings.named.firstIndex(where: { $0.name == name }) else { return nil }
                statistics.warningPairs[index] = pairs
            }
            statistics.missingTiles = Set(missingTiles)
            return statistics
        }

        enum CodingKeys: String, CodingKey {
            case profiles
            case voidSamples = "void_samples"
            case itmErrors = "itm_errors"
            case pairsOutsideTerrain = "pairs_outside_terrain"
            case itmWarningPairs = "itm_warning_pairs"
            case missingTiles = "missing_tiles"
        }
    }
}
