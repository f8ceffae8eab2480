import PhusongCoverage

/// A village on a review list (dead zones, unpowered villages) with what a reviewer needs to
/// act on it: where it is, who lives there, what signal it gets and why it is on the list.
public struct VillageListEntry: Sendable, Hashable {
    public var village: Village
    public var provinceName: String?
    public var communeName: String?
    public var coverage: VillageCoverage
    /// The strongest signal the village receives, of either technology, if any cell is in range.
    public var bestSignal: BestSignal?
    /// The site of the nearest cell, and the distance to it, metres.
    public var nearestSiteID: String?
    public var nearestSiteDistanceM: Double?
    /// Why the village is a dead zone (empty when it is not one), then `UNPOWERED` when it
    /// has no grid power.
    public var reasons: [ListReason]

    public struct BestSignal: Sendable, Hashable {
        public var technology: Technology
        public var cellID: String
        public var rsrpDBm: Double
    }

    /// The coverage state in words used on maps and lists.
    public var state: CoverageState { CoverageState(coverage) }
}

/// Reason codes of the review lists.
public enum ListReason: String, Sendable, Hashable, CaseIterable {
    /// Dead zone: no cell of any technology within the maximum range.
    case noSiteInRange = "NO_SITE_IN_RANGE"
    /// Dead zone: cells in range, all below the threshold.
    case weakSignal = "WEAK_SIGNAL"
    /// Dead zone under the terrain model that the empirical model would connect: terrain
    /// blocks the signal (docs/specs/terrain-model.md, "Dead-zone reasons"; the contract's
    /// `terrain_shadow`, written in capitals like the other codes).
    case terrainShadow = "terrain_shadow"
    /// The village has no grid power (a tower there needs its own power).
    case unpowered = "UNPOWERED"

    /// The codes joined as they appear in a `reason` column: `WEAK_SIGNAL+UNPOWERED`.
    public static func joined(_ reasons: [ListReason]) -> String {
        reasons.map(\.rawValue).joined(separator: "+")
    }
}

/// What signal a village has, as shown on maps and lists.
public enum CoverageState: String, Sendable, Hashable, CaseIterable {
    case both = "4G+5G"
    case only4G = "4G only"
    case only5G = "5G only"
    case deadZone = "dead zone"

    public init(_ coverage: VillageCoverage) {
        switch (coverage.covered4G, coverage.covered5G) {
        case (true, true): self = .both
        case (true, false): self = .only4G
        case (false, true): self = .only5G
        case (false, false): self = .deadZone
        }
    }
}
