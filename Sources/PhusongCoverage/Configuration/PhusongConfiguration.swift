/// Everything a run can be configured with, read from a TOML file (`--config`); every key is
/// optional and defaults to docs/specs/radio-model.md's value. `phusong config --print-default` prints
/// the full default with comments (`DefaultConfigurationText`).
public struct PhusongConfiguration: Sendable, Hashable, Codable {
    /// The radio model: thresholds, ranges, heights, model choice per band.
    public var radio: RadioModelParameters
    /// The committee's targets, for the headline table and reports.
    public var targets: CoverageTargets
    /// Area coverage: how footprints are traced.
    public var area: AreaCoverageSettings
    /// The rollout planner: costs, candidates, which targets to reach.
    public var planning: PlanningSettings
    /// The terrain model (docs/specs/terrain-model.md): ITM's settings, the combination, the
    /// clutter table, the outside-terrain policy.
    public var terrain: TerrainSettings

    public init(radio: RadioModelParameters = RadioModelParameters(), targets: CoverageTargets = CoverageTargets(),
                area: AreaCoverageSettings = AreaCoverageSettings(), planning: PlanningSettings = PlanningSettings(),
                terrain: TerrainSettings = TerrainSettings()) {
        self.radio = radio
        self.targets = targets
        self.area = area
        self.planning = planning
        self.terrain = terrain
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            radio: try container.decodeIfPresent(RadioModelParameters.self, forKey: .radio) ?? RadioModelParameters(),
            targets: try container.decodeIfPresent(CoverageTargets.self, forKey: .targets) ?? CoverageTargets(),
            area: try container.decodeIfPresent(AreaCoverageSettings.self, forKey: .area) ?? AreaCoverageSettings(),
            planning: try container.decodeIfPresent(PlanningSettings.self, forKey: .planning) ?? PlanningSettings(),
            terrain: try container.decodeIfPresent(TerrainSettings.self, forKey: .terrain) ?? TerrainSettings()
        )
    }
}

/// How coverage footprints are traced for area coverage.
public struct AreaCoverageSettings: Sendable, Hashable, Codable {
    /// Bearings per footprint (every 360/n degrees); at least 72.
    public var bearings: Int
    /// Footprint edge precision along each bearing, metres.
    public var toleranceM: Double

    public init(bearings: Int = 72, toleranceM: Double = 5) {
        self.bearings = bearings
        self.toleranceM = toleranceM
    }

    enum CodingKeys: String, CodingKey {
        case bearings
        case toleranceM = "tolerance_m"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(bearings: try container.decodeIfPresent(Int.self, forKey: .bearings) ?? 72,
                  toleranceM: try container.decodeIfPresent(Double.self, forKey: .toleranceM) ?? 5)
    }
}
