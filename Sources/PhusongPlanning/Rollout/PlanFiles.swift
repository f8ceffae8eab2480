import Foundation
import PhusongCoverage
import PhusongSupport
import PhusongReports

/// The files of a plan: plan.csv / plan.geojson / plan.kml / plan.xlsx (one row per action),
/// planned_cells.csv (the cells the plan adds, in the cells.csv format, so that `report` can
/// run on cells.csv + planned_cells.csv), plan_summary.json and plan_provinces.csv (the cost
/// per province, also the `provinces` sheet of plan.xlsx). plan.csv and plan.xlsx have, after
/// the columns of plan.geojson and lon/lat, `operator`, `province_code`, `province_name`,
/// `reason` and `phase` (`plan --phases`; empty without).
public enum PlanFiles {
    /// The actions as a feature table.
    public static func table(_ plan: RolloutPlan) -> PointFeatureTable {
        let columns = [
            FeatureColumn("kind", .text), FeatureColumn("id", .text), FeatureColumn("technology", .text),
            FeatureColumn("power_source", .text), FeatureColumn("cost", .real),
            FeatureColumn("villages_newly_covered", .integer), FeatureColumn("population_newly_covered", .integer),
        ]
        let rows = plan.actions.map { action in
            PointFeature(lon: action.lon, lat: action.lat, values: [
                .text(action.kind.rawValue), .text(action.id), .text(action.technology),
                action.powerSource.map { .text($0.rawValue) } ?? .null, .real(action.cost),
                .integer(action.newlyCoveredVillages), .integer(action.newlyCoveredPopulation),
            ])
        }
        return PointFeatureTable(
            layerName: "plan", columns: columns, rows: rows,
            presentation: FeaturePresentation(nameColumn: "id", folderColumn: "kind", descriptionColumns: [
                ("kind", "Action"), ("technology", "Technology"), ("power_source", "Power"), ("cost", "Cost (billion VND)"),
                ("villages_newly_covered", "Villages newly covered"), ("population_newly_covered", "People newly covered"),
            ]))
    }

    /// The plan's files, in the order they are listed.
    public static let fileNames = ["plan.csv", "plan.geojson", "plan.kml", "plan.xlsx", "planned_cells.csv", "plan_summary.json", "plan_provinces.csv"]

    /// Every file of the plan with its bytes, in the order of `fileNames`.
    /// - Parameters:
    ///   - plan: the plan.
    ///   - toolVersion: the version recorded in plan_summary.json.
    ///   - seed: the seed recorded in plan_summary.json.
    ///   - phases: `plan --phases`: the phase of each action in plan.csv and plan.xlsx, and
    ///     each phase's cost per province.
    public static func files(_ plan: RolloutPlan, toolVersion: String, seed: UInt64, phases: PlanPhases? = nil) throws -> [(name: String, bytes: [UInt8])] {
        let table = table(plan)
        let assignment = phases?.assign(plan.actions)
        let actions = actionTable(plan, base: table, phases: assignment)
        let provinces = PlanProvinces.table(plan, phases: assignment)
        let bytes = [
            actions.csvBytes, FeatureGeoJSON.bytes(table), FeatureKML.bytes(table),
            try XLSXWorkbook.bytes([actions.sheet(named: table.layerName), provinces.sheet(named: "provinces")]),
            ScenarioCSV.cellsCSV(plan.plannedCells), try summaryJSON(plan, toolVersion: toolVersion, seed: seed), provinces.csvBytes,
        ]
        return Array(zip(fileNames, bytes))
    }

    /// Replaces `folder` with the plan, as one set (`OutputFolder`), and returns the paths.
    public static func write(_ plan: RolloutPlan, to folder: String, toolVersion: String, seed: UInt64, phases: PlanPhases? = nil) throws -> [String] {
        try OutputFolder(path: folder, fileNames: fileNames, setName: "plan")
            .publish(files(plan, toolVersion: toolVersion, seed: seed, phases: phases))
    }

    /// plan.csv's and plan.xlsx's rows: `base`'s columns and lon/lat (as `FeatureCSV` writes
    /// them), then `operator`, `province_code`, `province_name`, `reason` and `phase`.
    static func actionTable(_ plan: RolloutPlan, base: PointFeatureTable, phases: PlanPhases.Assignment?) -> RecordTable {
        let header = base.columns.map(\.name) + ["lon", "lat", "operator", "province_code", "province_name", "reason", "phase"]
        let records = zip(plan.actions, base.rows).enumerated().map { index, pair -> [CSVField] in
            let (action, row) = pair
            return row.values.map(\.csvField) + [.number(row.lon, decimals: 6), .number(row.lat, decimals: 6)] + [
                .text(action.operatorName), .text(action.provinceCode), .text(action.provinceCode.flatMap { plan.provinceNames[$0] }),
                .text(reason(action)), .text(phases?.phaseOfAction[index]),
            ]
        }
        return RecordTable(header: header, records: records)
    }

    /// Why the plan takes an action, in words: the villages and people it connects or brings
    /// 5G to (as `villages_newly_covered` and `population_newly_covered` count them).
    static func reason(_ action: PlanAction) -> String {
        let villages = action.newlyCoveredVillages, people = action.newlyCoveredPopulation
        let counted = "\(villages) \(villages == 1 ? "village" : "villages") (\(people) people)"
        switch action.kind {
        case .newSite: return "connects \(counted) in dead zones"
        case .satellite: return "connects dead-zone village \(action.id) (\(people) people)"
        case .upgrade5G, .newSite5G:
            return villages > 0 ? "brings 5G to \(counted)" : "a 5G station for the 5G/4G station ratio (no village newly 5G-covered)"
        }
    }

    /// `plan_summary.json`: indicators before and after, total cost, bound, gap, targets.
    public static func summaryJSON(_ plan: RolloutPlan, toolVersion: String, seed: UInt64) throws -> [UInt8] {
        let byKind = Dictionary(grouping: plan.actions, by: \.kind)
        let document = Summary(
            tool: ["name": "phusong", "version": toolVersion],
            seed: seed, budget: plan.budget, totalCost: money(plan.totalCost), lowerBound: money(plan.lowerBound, rounding: .down),
            gap: plan.gap,
            actions: Dictionary(uniqueKeysWithValues: byKind.map {
                ($0.key.rawValue, ActionCount(count: $0.value.count, cost: money($0.value.reduce(0) { $0 + $1.cost })))
            }),
            before: plan.before, after: plan.after,
            afterVillagesConnectedWithSatellite: plan.villagesConnectedWithSatellite,
            targets: plan.targets.map { TargetEntry(name: $0.name, target: $0.target, before: $0.before, after: $0.after, met: $0.met, reason: $0.reason) },
            targetsNotMet: plan.targets.filter { !$0.met }.map { "\($0.name): \($0.reason ?? "not met")" },
            exact: plan.exact.isEmpty ? nil : plan.exact.map {
                ExactEntry(phase: $0.phase, provenOptimal: $0.provenOptimal, solverGap: $0.solverGap)
            },
            boundNote: "lower bound per phase: connecting the dead zones (new sites or satellite terminals, Lagrangian set-cover bound) plus 5G (at least the 5G additions the station ratio requires, and at least as many as the coverage upper bound needs to reach the population target), times the cheapest addition")
        return try JSONDocument.bytes(document, pretty: true) + [0x0A]
    }

    /// A cost in billion VND to a millionth (1,000 VND), so that sums such as 180 × 0.3 read
    /// 54 and not 53.999999999999844. A lower bound is rounded down, so it stays a bound.
    static func money(_ value: Double, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Double {
        (value * 1e6).rounded(rounding) / 1e6
    }

    private struct Summary: Encodable {
        var tool: [String: String]
        var seed: UInt64
        var budget: Double?
        var totalCost: Double
        var lowerBound: Double
        var gap: Double
        var actions: [String: ActionCount]
        var before: CoverageIndicators
        var after: CoverageIndicators
        var afterVillagesConnectedWithSatellite: Int
        var targets: [TargetEntry]
        var targetsNotMet: [String]
        /// `plan --exact` only: what CBC proved per phase (absent otherwise).
        var exact: [ExactEntry]?
        var boundNote: String

        enum CodingKeys: String, CodingKey {
            case tool, seed, budget, gap, actions, before, after, targets, exact
            case totalCost = "total_cost"
            case lowerBound = "lower_bound"
            case afterVillagesConnectedWithSatellite = "after_villages_connected_with_satellite"
            case targetsNotMet = "targets_not_met"
            case boundNote = "bound_note"
        }
    }

    private struct ExactEntry: Encodable {
        var phase: String
        var provenOptimal: Bool
        var solverGap: Double

        enum CodingKeys: String, CodingKey {
            case phase
            case provenOptimal = "proven_optimal"
            case solverGap = "solver_gap"
        }
    }

    private struct ActionCount: Encodable {
        var count: Int
        var cost: Double
    }

    private struct TargetEntry: Encodable {
        var name: String
        var target: Double
        var before: Double
        var after: Double
        var met: Bool
        var reason: String?
    }
}
