import PhusongCoverage
import PhusongSupport

/// The lines a coverage command prints about its terrain model: the source and settings, the
/// villages whose status changed, and the profiles, void samples, ITM errors, pairs outside
/// the terrain and ITM warnings (docs/specs/terrain-model.md: the summary reports them).
enum TerrainSummaryText {
    static func lines(_ comparison: TerrainComparison, villages: Int) -> [String] {
        let settings = comparison.settings
        let statistics = comparison.statistics
        let warnings = statistics.warnings.map { "\($0.name) \(NumberText.grouped($0.pairs))" }
        return [
            "Terrain: \(comparison.sourcePath) (\(comparison.tileFiles.count) tiles), combine = \(settings.combine.rawValue), "
                + "profile step \(NumberText.shortest(settings.profileStepM)) m",
            "  villages changing status: \(NumberText.grouped(comparison.changedVillages)) of \(NumberText.grouped(villages)) "
                + "(terrain_shadow \(NumberText.grouped(comparison.terrainShadowVillages)), "
                + "connected only over terrain \(NumberText.grouped(comparison.gainedVillages)))",
            "  profiles \(NumberText.grouped(statistics.profiles)), void samples \(NumberText.grouped(statistics.voidSamples)), "
                + "ITM errors (empirical loss used) \(NumberText.grouped(statistics.itmErrors)), "
                + "pairs outside the terrain (empirical model used) \(NumberText.grouped(statistics.outsideTerrainPairs))",
            "  ITM warnings (pairs per flag): " + (warnings.isEmpty ? "none" : warnings.joined(separator: ", ")),
        ]
    }
}
