import PhusongCoverage

/// One action of a rollout plan (docs/specs/planning.md, "Actions").
public struct PlanAction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 5G cells added to an existing 4G site, one per 4G cell.
        case upgrade5G = "upgrade_5g"
        /// A new 3-sector site at a candidate location (4G, optionally with 5G).
        case newSite = "new_site"
        /// 5G added to a new site of the same plan.
        case newSite5G = "new_site_5g"
        /// A satellite (LEO) terminal connecting one village.
        case satellite
    }

    public var kind: Kind
    /// The site, candidate or village the action is at.
    public var id: String
    public var lon: Double
    public var lat: Double
    /// "5G 3500 MHz", "4G 900 MHz", "satellite".
    public var technology: String
    public var powerSource: PowerSource?
    /// Cost, billion VND.
    public var cost: Double
    /// Villages the action newly covers (for its technology; connects, for satellite).
    public var newlyCoveredVillages: Int
    /// Their population.
    public var newlyCoveredPopulation: Int
    /// The cells the action adds (none for a satellite terminal).
    public var cells: [Cell]
    /// The province the action is in: an upgraded site's, else that of the village nearest to
    /// the new site or of the satellite terminal's village (nil when not known).
    public var provinceCode: String?

    /// The operator of the cells the action adds: the site's for an upgrade, `planned` for a
    /// new site (the planner does not choose its operator), nil for a satellite terminal.
    public var operatorName: String? { cells.first?.operatorName }
}

/// A target of the plan and whether it is met.
public struct TargetOutcome: Sendable, Hashable {
    public var name: String
    public var target: Double
    public var before: Double
    public var after: Double
    public var met: Bool
    /// Why it is not met, when it is not.
    public var reason: String?
}
