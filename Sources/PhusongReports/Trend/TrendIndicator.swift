import PhusongCoverage

/// A headline indicator followed over months, with its target and the direction it should
/// move in.
public enum TrendIndicator: String, Sendable, CaseIterable, Hashable {
    /// Share of the population with 5G coverage; target 90 % (`CoverageTargets.populationCoverage5G`).
    case populationCoverage5G = "population_coverage_5g"
    /// 5G stations per 4G station; target ≥ 0.5 (`CoverageTargets.ratio5G4GStations`).
    case ratio5G4GStations = "ratio_5g_4g_stations"
    /// Dead-zone villages (lõm sóng); target 0.
    case villagesDeadZone = "villages_dead_zone"
    /// Share of villages with broadband (4G or 5G); target 100 % (`CoverageTargets.villagesConnectedShare`).
    case shareVillagesConnected = "share_villages_connected"

    /// The indicator's value, nil where it is not defined (a ratio without 4G stations).
    /// - Parameter indicators: the area's indicators.
    public func value(_ indicators: CoverageIndicators) -> Double? {
        switch self {
        case .populationCoverage5G: indicators.populationCoverage5G
        case .ratio5G4GStations: indicators.ratio5G4GStations
        case .villagesDeadZone: Double(indicators.villagesDeadZone)
        case .shareVillagesConnected: indicators.shareVillagesConnected
        }
    }

    /// The target, from the report's targets (dead zones: 0).
    /// - Parameter targets: the targets recorded in the latest report.
    public func target(_ targets: CoverageTargets) -> Double {
        switch self {
        case .populationCoverage5G: targets.populationCoverage5G
        case .ratio5G4GStations: targets.ratio5G4GStations
        case .villagesDeadZone: 0
        case .shareVillagesConnected: targets.villagesConnectedShare
        }
    }

    /// True when the target is a ceiling (dead zones must fall to it), false when a floor.
    public var falls: Bool { self == .villagesDeadZone }

    /// Whether `value` meets `target`.
    /// - Parameters:
    ///   - value: the indicator's value.
    ///   - target: its target.
    public func meets(_ value: Double, target: Double) -> Bool {
        falls ? value <= target : value >= target
    }
}
