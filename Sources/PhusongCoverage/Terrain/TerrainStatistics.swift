/// What the terrain model did in a run, summed over the village–cell pairs it evaluated
/// (docs/specs/terrain-model.md: the summary reports void samples, ITM warnings per flag,
/// ITM errors and pairs outside the terrain). Each village's search is independent of the
/// others, so the sums do not depend on the number of threads.
public struct TerrainStatistics: Sendable, Hashable {
    /// Profiles sampled and given to ITM (pairs the empirical bounds could not rule out).
    public var profiles = 0
    /// Profile samples whose four posts were all void (height 0 m).
    public var voidSamples = 0
    /// Pairs for which ITM returned an error and the empirical loss was used.
    public var itmErrors = 0
    /// Pairs outside every tile (with `outside_terrain = "default-model"` they used the
    /// empirical model; otherwise the run stops).
    public var outsideTerrainPairs = 0
    /// Pairs per ITM warning flag, in the order of ``ITMWarnings/named``.
    public var warningPairs = [Int](repeating: 0, count: ITMWarnings.named.count)
    /// The tiles the pairs outside the terrain would need, as `N22E104.hgt`.
    public var missingTiles: Set<String> = []
    /// The first tile that could not be read, if any (the run stops with it).
    public var readError: TerrainError?

    public init() {}

    /// Counts one ITM result's warnings.
    mutating func count(_ warnings: ITMWarnings) {
        guard !warnings.isEmpty else { return }
        for (index, entry) in ITMWarnings.named.enumerated() where warnings.contains(entry.flag) { warningPairs[index] += 1 }
    }

    /// Adds the counts of another part of the run (the first read error is kept): another
    /// chunk of villages, or another tile's (`phusong merge`).
    public mutating func add(_ other: TerrainStatistics) {
        profiles += other.profiles
        voidSamples += other.voidSamples
        itmErrors += other.itmErrors
        outsideTerrainPairs += other.outsideTerrainPairs
        for index in warningPairs.indices { warningPairs[index] += other.warningPairs[index] }
        missingTiles.formUnion(other.missingTiles)
        if readError == nil { readError = other.readError }
    }

    /// Warning counts by flag name, only the flags raised, in bit order.
    public var warnings: [(name: String, pairs: Int)] {
        zip(ITMWarnings.named, warningPairs).compactMap { entry, pairs in pairs > 0 ? (entry.name, pairs) : nil }
    }
}
