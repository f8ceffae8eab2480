import PhusongSupport

/// The physical range of every numeric setting of the configuration (issue 13, class 4), in
/// one table that `config --check` applies and docs/planners.md lists. A value outside its
/// range (NaN and the infinities included) stops the run with exit 65 and
/// `file: key: value: must be within <range>`.
///
/// Why these limits (the cells' own limits are ``InputColumnRanges``'):
/// - heights, bands and EIRPs as for cells; receiver height like an antenna height;
/// - `max_range_m` up to 200 km (beyond the radio horizon of any mast), `min_distance_m` at
///   least 1 m: with bands of at least 30 MHz, free-space loss stays above 0 dB, so no RSRP can
///   exceed the cell's EIRP (the antenna's peak gain is part of it, docs/specs/radio-model.md);
/// - thresholds −200..0 dBm; extra loss 0..200 dB (a loss, not a gain);
/// - `area.bearings` 72..3600 (every 5° to every 0.1°) and `area.tolerance_m` at least 1 m:
///   finer settings would make footprint tracing run for hours without a visible difference;
/// - costs: positive (a free action would make the planner's "cheapest" zero) and at most
///   1,000 billion VND; the off-grid extra may be 0;
/// - terrain: ITM's own domain for N_0 (250–400), the climate codes 1–7, ε at least 1, σ
///   above 0, and percentages strictly between 0 and 100 (0.1–99.9: ITM's normal deviate
///   leaves its accuracy beyond); profile steps of 1–1,000 m; clutter losses 0–100 dB;
/// - the candidate grid every 0.5..100 km within 0..100 km of a dead-zone village, and the
///   radius at most 25 grid steps (at most about 2,000 grid points per village).
public enum SettingRanges {
    /// A numeric setting: its TOML key and range, and how to read it from a configuration.
    public struct Setting: Sendable {
        /// The key path in the TOML file, e.g. `radio.max_range_m`.
        public let key: String
        public let range: PhysicalRange
        let value: @Sendable (PhusongConfiguration) -> Double

        init(_ key: String, _ bounds: ClosedRange<Double>, _ unit: String,
             _ value: @escaping @Sendable (PhusongConfiguration) -> Double) {
            self.key = key
            range = PhysicalRange(bounds, unit: unit)
            self.value = value
        }
    }

    private static let band = 30.0...100_000
    private static let height = 0.5...1_000.0
    private static let eirp = -50.0...100
    private static let cost = 0.001...1_000.0

    /// Every numeric setting, in the order of `phusong config --print-default`.
    public static let all: [Setting] = [
        Setting("radio.user_height_m", height, "m") { $0.radio.userHeightM },
        Setting("radio.max_range_m", 1...200_000, "m") { $0.radio.maxRangeM },
        Setting("radio.min_distance_m", 1...1_000, "m") { $0.radio.minDistanceM },
        Setting("radio.extra_loss_db", 0...200, "dB") { $0.radio.extraLossDB },
        Setting("radio.coverage_threshold_4g_dbm", -200...0, "dBm") { $0.radio.coverageThreshold4GdBm },
        Setting("radio.coverage_threshold_5g_dbm", -200...0, "dBm") { $0.radio.coverageThreshold5GdBm },
        Setting("radio.propagation.lower_band_edge_mhz", band, "MHz") { $0.radio.propagation.lowerBandEdgeMHz },
        Setting("radio.propagation.upper_band_edge_mhz", band, "MHz") { $0.radio.propagation.upperBandEdgeMHz },
        Setting("radio.propagation.environment_height_m", 0...100, "m") { $0.radio.propagation.environmentHeightM },
        Setting("radio.propagation.rural_building_height_m", 1...100, "m") { $0.radio.propagation.ruralBuildingHeightM },
        Setting("radio.propagation.rural_street_width_m", 1...200, "m") { $0.radio.propagation.ruralStreetWidthM },
        Setting("targets.villages_connected_share", 0...1, "") { $0.targets.villagesConnectedShare },
        Setting("targets.population_coverage_5g", 0...1, "") { $0.targets.populationCoverage5G },
        Setting("targets.ratio_5g_4g_stations", 0...100, "") { $0.targets.ratio5G4GStations },
        Setting("area.bearings", 72...3_600, "") { Double($0.area.bearings) },
        Setting("area.tolerance_m", 1...1_000, "m") { $0.area.toleranceM },
        Setting("planning.upgrade_band_mhz", band, "MHz") { $0.planning.upgradeBandMHz },
        Setting("planning.upgrade_cost", cost, "billion VND") { $0.planning.upgradeCost },
        Setting("planning.new_site_cost", cost, "billion VND") { $0.planning.newSiteCost },
        Setting("planning.new_site_5g_extra_cost", cost, "billion VND") { $0.planning.newSite5GExtraCost },
        Setting("planning.off_grid_extra_cost", 0...1_000, "billion VND") { $0.planning.offGridExtraCost },
        Setting("planning.new_site_height_m", height, "m") { $0.planning.newSiteHeightM },
        Setting("planning.new_site_band_4g_mhz", band, "MHz") { $0.planning.newSiteBand4GMHz },
        Setting("planning.new_site_band_5g_mhz", band, "MHz") { $0.planning.newSiteBand5GMHz },
        Setting("planning.new_4g_rs_eirp_dbm", eirp, "dBm") { $0.planning.new4GEIRPdBm },
        Setting("planning.new_5g_rs_eirp_dbm", eirp, "dBm") { $0.planning.new5GEIRPdBm },
        Setting("planning.satellite_cost", cost, "billion VND") { $0.planning.satelliteCost },
        Setting("planning.candidate_grid_km", 0.5...100, "km") { $0.planning.candidateGridKm },
        Setting("planning.candidate_radius_km", 0...100, "km") { $0.planning.candidateRadiusKm },
        Setting("terrain.profile_step_m", 1...1_000, "m") { $0.terrain.profileStepM },
        Setting("terrain.climate", 1...7, "") { Double($0.terrain.climate) },
        Setting("terrain.n0", 250...400, "N-units") { $0.terrain.n0 },
        Setting("terrain.epsilon", 1...100, "") { $0.terrain.epsilon },
        Setting("terrain.sigma", 0.000_001...100, "S/m") { $0.terrain.sigma },
        Setting("terrain.mdvar", 0...33, "") { Double($0.terrain.mdvar) },
        Setting("terrain.time", 0.1...99.9, "%") { $0.terrain.timePercent },
        Setting("terrain.location", 0.1...99.9, "%") { $0.terrain.locationPercent },
        Setting("terrain.situation", 0.1...99.9, "%") { $0.terrain.situationPercent },
        Setting("terrain.clutter_loss_db.urban", 0...100, "dB") { $0.terrain.clutterLossDB.urban },
        Setting("terrain.clutter_loss_db.suburban", 0...100, "dB") { $0.terrain.clutterLossDB.suburban },
        Setting("terrain.clutter_loss_db.rural", 0...100, "dB") { $0.terrain.clutterLossDB.rural },
        Setting("terrain.clutter_loss_db.open", 0...100, "dB") { $0.terrain.clutterLossDB.open },
    ]

    /// Checks the settings whose keys start with `prefix` (e.g. `radio.`), for the library's
    /// entry points that take settings directly rather than from a checked file.
    /// - Throws: ``SettingOutOfRange`` for the first setting outside its range.
    public static func check(_ configuration: PhusongConfiguration, keysStartingWith prefix: String) throws(SettingOutOfRange) {
        for setting in all where setting.key.hasPrefix(prefix) {
            let value = setting.value(configuration)
            if !setting.range.contains(value) { throw SettingOutOfRange(key: setting.key, value: value, range: setting.range) }
        }
    }

    /// Most grid steps in the candidate radius (`candidate_radius_km / candidate_grid_km`).
    public static let maxCandidateRadiusSteps = 25.0

    /// The problems with `configuration`: every setting outside its range, and the rules
    /// between settings (band edges in order, candidate radius within 25 grid steps).
    static func problems(_ configuration: PhusongConfiguration, file: String) -> [Problem] {
        var problems = all.compactMap { setting -> Problem? in
            let value = setting.value(configuration)
            guard !setting.range.contains(value) else { return nil }
            return Problem(file: file, column: setting.key, value: NumberText.shortest(value), reason: .setting(.outOfRange(setting.range)))
        }
        let propagation = configuration.radio.propagation
        if propagation.lowerBandEdgeMHz > propagation.upperBandEdgeMHz {
            problems.append(Problem(file: file, column: "radio.propagation.lower_band_edge_mhz", value: NumberText.shortest(propagation.lowerBandEdgeMHz),
                                    reason: .setting(.bandEdgesReversed)))
        }
        let mdvar = configuration.terrain.mdvar
        if (0...33).contains(mdvar), (try? ITMVariabilityMode(code: mdvar)) == nil {
            problems.append(Problem(file: file, column: "terrain.mdvar", value: String(mdvar),
                                    reason: .setting(.undecodable(detail: "must be one of 0–3, 10–13, 20–23, 30–33"))))
        }
        let planning = configuration.planning
        if planning.candidateRadiusKm > maxCandidateRadiusSteps * planning.candidateGridKm {
            problems.append(Problem(file: file, column: "planning.candidate_radius_km", value: NumberText.shortest(planning.candidateRadiusKm),
                                    reason: .setting(.radiusTooManySteps(maxSteps: maxCandidateRadiusSteps, gridKm: planning.candidateGridKm))))
        }
        return problems
    }
}

/// A setting outside its physical range, given to a library entry point directly.
public struct SettingOutOfRange: Error, Sendable, Hashable, CustomStringConvertible {
    public let key: String
    public let value: Double
    public let range: PhysicalRange

    public var description: String { "\(key) = \(NumberText.shortest(value)): \(Problem.SettingFault.outOfRange(range))" }
}
