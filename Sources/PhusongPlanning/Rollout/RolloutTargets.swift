import PhusongCoverage

/// Whether each target is met after the plan, and why not.
enum RolloutTargets {
    static func outcomes(
        before: CoverageIndicators, after: CoverageIndicators, connectedWithSatellite: Int, targets: CoverageTargets,
        settings: PlanningSettings, shortfalls: [String: String], deadZoneUnconnected: Int
    ) -> [TargetOutcome] {
        var outcomes: [TargetOutcome] = []
        let villages = Double(max(1, after.villages))
        let connectedShare = Double(connectedWithSatellite) / villages
        outcomes.append(outcome(
            "villages connected", target: targets.villagesConnectedShare, before: before.shareVillagesConnected,
            after: connectedShare, enforced: settings.connectEveryVillage, shortfall: shortfalls["villages connected"]))
        outcomes.append(outcome(
            "5G population coverage", target: targets.populationCoverage5G, before: before.populationCoverage5G,
            after: after.populationCoverage5G, enforced: settings.reachPopulationCoverage5G, shortfall: shortfalls["5G population coverage"]))
        outcomes.append(outcome(
            "5G stations / 4G stations", target: targets.ratio5G4GStations, before: before.ratio5G4GStations ?? 0,
            after: after.ratio5G4GStations ?? 0, enforced: settings.reachStationRatio, shortfall: shortfalls["station ratio"]))
        return outcomes
    }

    private static func outcome(_ name: String, target: Double, before: Double, after: Double, enforced: Bool, shortfall: String?) -> TargetOutcome {
        let met = after + 1e-12 >= target
        let reason: String? = met ? nil : (shortfall ?? (enforced ? "not reached by the chosen actions" : "switched off in the configuration"))
        return TargetOutcome(name: name, target: target, before: before, after: after, met: met, reason: reason)
    }
}
