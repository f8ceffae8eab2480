import PhusongCoverage

/// A rollout plan: the actions, what they cost, how close to the cheapest possible, and the
/// indicators before and after.
public struct RolloutPlan: Sendable {
    public var actions: [PlanAction]
    /// The cells the plan adds, in the cells.csv format (`planned_cells.csv`).
    public var plannedCells: [Cell]
    public var totalCost: Double
    /// A proven lower bound on the cost of reaching what the plan reaches, phase by phase
    /// (dead zones by new sites or satellites; 5G by upgrades or 5G on new sites).
    public var lowerBound: Double
    /// (total cost − lower bound) / total cost; 0 when proven optimal.
    public var gap: Double { totalCost > 0 ? max(0, (totalCost - lowerBound) / totalCost) : 0 }
    public var before: CoverageIndicators
    /// Indicators with the planned cells (what `report` on cells + planned cells gives).
    public var after: CoverageIndicators
    /// Villages connected after the plan counting satellite terminals too.
    public var villagesConnectedWithSatellite: Int
    public var targets: [TargetOutcome]
    public var budget: Double?
    /// What CBC proved for each phase with `plan --exact` (empty without it).
    public var exact: [ExactPhaseOutcome] = []
    /// Province names by code (for the cost table per province).
    public var provinceNames: [String: String] = [:]
}
