import PhusongCoverage
import PhusongSupport

/// The lines a coverage command prints about its terrain model: the source and settings, the
/// villages whose status changed, and the profiles, void samples, ITM errors, pairs outside
/// the terrain and ITM warnings (docs/specs/terrain-model.md: the summary reports them).
enum TerrainSummaryText {
    static func lines(_ comparison: TerrainComparison, villages: Int) -> [String] {
        let settings = comparison.settings
        return [
            heading(source: comparison.sourcePath, files: comparison.tileFiles.count, settings: settings),
            "  villages changing status: \(NumberText.grouped(comparison.changedVillages)) of \(NumberText.grouped(villages)) "
                + "(terrain_shadow \(NumberText.grouped(comparison.terrainShadowVillages)), "
                + "connected only over terrain \(NumberText.grouped(comparison.gainedVillages)))",
        ] + statisticsLines(comparison.statistics)
    }

    /// The first line: the source, its file count and the settings that shape every profile.
    static func heading(source: String, files: Int, settings: TerrainSettings) -> String {
        "Terrain: \(source) (\(files) tiles), combine = \(settings.combine.rawValue), "
            + "profile step \(NumberText.shortest(settings.profileStepM)) m"
    }

    /// What the terrain model did: profiles, void samples, ITM errors, pairs outside the
    /// terrain, ITM warnings per flag.
    static func statisticsLines(_ statistics: TerrainStatistics) -> [String] {
        let warnings = statistics.warnings.map { "\($0.name) \(NumberText.grouped($0.pairs))" }
        return [
            "  profiles \(NumberText.grouped(statistics.profiles)), void samples \(NumberText.grouped(statistics.voidSamples)), "
                + "ITM errors (empirical loss used) \(NumberText.grouped(statistics.itmErrors)), "
                + "pairs outside the terrain (empirical model used) \(NumberText.grouped(statistics.outsideTerrainPairs))",
            "  ITM warnings (pairs per flag): " + (warnings.isEmpty ? "none" : warnings.joined(separator: ", ")),
        ]
    }
}
