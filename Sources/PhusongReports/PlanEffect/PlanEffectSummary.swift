import PhusongCoverage
import PhusongSupport

/// The plan's effect as tables in the report's language, for the terminal and report.html:
/// the national indicators before and after the plan side by side, and the gains per kind
/// of action. The command line lays the tables out.
public struct PlanEffectSummary: Sendable {
    /// "The plan's effect" in the language.
    public var title: String
    /// Indicator, before, after, change.
    public var header: [String]
    /// One row per indicator, cells in `header` order.
    public var rows: [[String]]
    /// The raw values of `rows` (before, after), for the page's `data-` attributes.
    var values: [(before: Double, after: Double)]
    /// Action, count, cost (billion VND), villages connected, people connected, villages
    /// gaining 5G, people gaining 5G.
    public var gainsHeader: [String]
    /// One row per kind of action, cells in `gainsHeader` order.
    public var gainRows: [[String]]
    /// The kind of each of `gainRows`, as plan.csv spells it.
    var gainKinds: [String]
    /// The note under the title: the plan file, its actions and their cost.
    var note: String

    /// - Parameters:
    ///   - effect: the plan's effect.
    ///   - after: the national indicators after the plan.
    ///   - language: the language of the labels and numbers.
    public init(_ effect: PlanEffect, after: CoverageIndicators, language: ReportLanguage) {
        let text = language.text
        let before = effect.before
        title = text(.planTitle)
        header = [text(.colIndicator), text(.planBefore), text(.planAfter), text(.planChange)]
        let signed = { (value: String, positive: Bool) in (positive ? "+" : "") + value }
        func count(_ key: ReportText.Key, _ old: Int, _ new: Int) -> ([String], (Double, Double)) {
            ([text(key), text.integer(old), text.integer(new), signed(text.integer(new - old), new > old)], (Double(old), Double(new)))
        }
        func share(_ key: ReportText.Key, _ old: Double, _ new: Double) -> ([String], (Double, Double)) {
            ([text(key), text.percent(old), text.percent(new), signed(text.decimal(100 * (new - old), decimals: 2), new > old) + " pp"], (old, new))
        }
        let ratioBefore = before.ratio5G4GStations ?? 0, ratioAfter = after.ratio5G4GStations ?? 0
        let table = [
            count(.planConnected, before.villagesConnected, after.villagesConnected),
            count(.planSatellite, before.villagesConnectedSatellite, after.villagesConnectedSatellite),
            count(.planDeadZones, before.villagesDeadZone, after.villagesDeadZone),
            share(.plan5G, before.populationCoverage5G, after.populationCoverage5G),
            share(.plan4G, before.populationCoverage4G, after.populationCoverage4G),
            count(.planStations5G, before.stations5G, after.stations5G),
            ([text(.planRatio), text.decimal(ratioBefore, decimals: 3), text.decimal(ratioAfter, decimals: 3),
              signed(text.decimal(ratioAfter - ratioBefore, decimals: 3), ratioAfter > ratioBefore)], (ratioBefore, ratioAfter)),
        ]
        rows = table.map(\.0)
        values = table.map { (before: $0.1.0, after: $0.1.1) }
        let kindNames: [String: ReportText.Key] = [
            "new_site": .planKindNewSite, "satellite": .planKindSatellite, "upgrade_5g": .planKindUpgrade, "new_site_5g": .planKindNewSite5G,
        ]
        gainsHeader = [text(.planAction), text(.planCount), text(.planCost), text(.planVillagesConnected), text(.planPeopleConnected),
                       text(.planVillages5G), text(.planPeople5G)]
        let groups = effect.byKind
        gainKinds = groups.map(\.kind)
        gainRows = groups.map { group in
            let total = group.total
            return [kindNames[group.kind].map { text($0) } ?? group.kind, text.integer(group.count), text.decimal(total.cost, decimals: 1),
                    text.integer(total.villagesConnected), text.integer(total.populationConnected),
                    text.integer(total.villages5G), text.integer(total.population5G)]
        }
        let totalCost = effect.actions.reduce(0) { $0 + $1.cost }
        note = text(.planNote, effect.planFile, text.integer(effect.actions.count), text.decimal(totalCost, decimals: 1))
    }
}
