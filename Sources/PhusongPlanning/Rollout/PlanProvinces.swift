import PhusongCoverage
import PhusongSupport

/// The province of each action of a plan, and the plan's cost per province
/// (`plan_provinces.csv`, the `provinces` sheet of plan.xlsx).
enum PlanProvinces {
    /// Sets each action's province: an upgraded site's (as the report counts its stations),
    /// a satellite terminal's village's, and for a new site the province of the village
    /// nearest to it.
    static func assign(_ actions: inout [PlanAction], context: RolloutContext) {
        let run = context.run
        var siteProvince: [String: String] = [:]
        for (site, area) in zip(run.engine.sites, run.tables.siteAreas) {
            if let code = area.provinceCode, siteProvince[site.id] == nil { siteProvince[site.id] = code }
        }
        var villageProvince: [String: String] = [:]
        for village in context.villages { if let code = village.provinceCode { villageProvince[village.id] = code } }
        for index in actions.indices {
            let action = actions[index]
            switch action.kind {
            case .upgrade5G: actions[index].provinceCode = siteProvince[action.id]
            case .satellite: actions[index].provinceCode = villageProvince[action.id]
            case .newSite, .newSite5G:
                actions[index].provinceCode = context.index.nearest(lon: action.lon, lat: action.lat).flatMap { context.villages[$0].provinceCode }
            }
        }
    }

    /// One row per province (by code; actions of no known province last, with an empty code):
    /// the count of each kind of action, the cost, the villages and people the dead-zone
    /// actions connect and those the 5G actions bring 5G to; with phases, the cost of each
    /// phase (`cost_<label>`).
    static func table(_ plan: RolloutPlan, phases: PlanPhases.Assignment?) -> RecordTable {
        let labels = phases?.labels ?? []
        var header = ["province_code", "province_name", "actions", "new_sites", "satellites", "upgrades_5g", "new_sites_5g", "cost",
                      "villages_connected", "population_connected", "villages_5g", "population_5g"]
        header += labels.map { "cost_" + $0 }
        let codes = Set(plan.actions.map { $0.provinceCode ?? "" }).sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        let records = codes.map { code -> [CSVField] in
            let members = plan.actions.indices.filter { (plan.actions[$0].provinceCode ?? "") == code }
            let actions = members.map { plan.actions[$0] }
            func count(_ kind: PlanAction.Kind) -> CSVField { .integer(actions.count { $0.kind == kind }) }
            func sum(_ kinds: [PlanAction.Kind], _ value: (PlanAction) -> Int) -> CSVField {
                .integer(actions.filter { kinds.contains($0.kind) }.reduce(0) { $0 + value($1) })
            }
            let phaseCosts = labels.map { label in
                CSVField.number(PlanFiles.money(members.filter { phases?.phaseOfAction[$0] == label }.reduce(0) { $0 + plan.actions[$1].cost }))
            }
            return [.text(code), .text(plan.provinceNames[code]), .integer(actions.count), count(.newSite), count(.satellite),
                    count(.upgrade5G), count(.newSite5G), .number(PlanFiles.money(actions.reduce(0) { $0 + $1.cost })),
                    sum([.newSite, .satellite], \.newlyCoveredVillages), sum([.newSite, .satellite], \.newlyCoveredPopulation),
                    sum([.upgrade5G, .newSite5G], \.newlyCoveredVillages), sum([.upgrade5G, .newSite5G], \.newlyCoveredPopulation)]
                + phaseCosts
        }
        return RecordTable(header: header, records: records)
    }
}
