import PhusongCoverage

/// The `plan_effect` object of a plan-effect report's summary.json: the plan file with its
/// SHA-256, the national indicators before and after the plan side by side, and the gains
/// summed per kind of action (`count`, `cost` in billion VND, `villages_connected`,
/// `population_connected`, `villages_5g`, `population_5g`).
struct PlanEffectJSON: Encodable {
    var plan: SummaryJSON.FileInfo
    var before: CoverageIndicators
    var after: CoverageIndicators
    var actions: [String: KindGain]

    init(_ effect: PlanEffect, after: CoverageIndicators) {
        plan = SummaryJSON.FileInfo(path: effect.planFile, rowsLoaded: effect.actions.count, rowsRejected: nil)
        before = effect.before
        self.after = after
        actions = Dictionary(uniqueKeysWithValues: effect.byKind.map { group in
            (group.kind, KindGain(count: group.count, cost: (group.total.cost * 1e6).rounded() / 1e6,
                                  villagesConnected: group.total.villagesConnected, populationConnected: group.total.populationConnected,
                                  villages5G: group.total.villages5G, population5G: group.total.population5G))
        })
    }

    struct KindGain: Encodable {
        var count: Int
        /// Billion VND, to a millionth (1,000 VND).
        var cost: Double
        var villagesConnected: Int
        var populationConnected: Int
        var villages5G: Int
        var population5G: Int

        enum CodingKeys: String, CodingKey {
            case count, cost
            case villagesConnected = "villages_connected"
            case populationConnected = "population_connected"
            case villages5G = "villages_5g"
            case population5G = "population_5g"
        }
    }
}
