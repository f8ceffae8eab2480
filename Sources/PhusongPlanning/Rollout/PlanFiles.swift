import Foundation
import PhusongCoverage
import PhusongSupport
import PhusongReports

/// The files of a plan: plan.csv / plan.geojson / plan.kml / plan.xlsx (one row per action),
/// planned_cells.csv (the cells the plan adds, in the cells.csv format, so that `report` can
/// run on cells.csv + planned_cells.csv) and plan_summary.json.
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
    public static let fileNames = ["plan.csv", "plan.geojson", "plan.kml", "plan.xlsx", "planned_cells.csv", "plan_summary.json"]

    /// Every file of the plan with its bytes, in the order of `fileNames`.
    public static func files(_ plan: RolloutPlan, toolVersion: String, seed: UInt64) throws -> [(name: String, bytes: [UInt8])] {
        let table = table(plan)
        let bytes = [
            FeatureCSV.bytes(table), FeatureGeoJSON.bytes(table), FeatureKML.bytes(table), try FeatureXLSX.bytes(table),
            ScenarioCSV.cellsCSV(plan.plannedCells), try summaryJSON(plan, toolVersion: toolVersion, seed: seed),
        ]
        return Array(zip(fileNames, bytes))
    }

    /// Replaces `folder` with the plan, as one set (`OutputFolder`), and returns the paths.
    public static func write(_ plan: RolloutPlan, to folder: String, toolVersion: String, seed: UInt64) throws -> [String] {
        try OutputFolder(path: folder, fileNames: fileNames, setName: "plan").publish(files(plan, toolVersion: toolVersion, seed: seed))
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
    private static func money(_ value: Double, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Double {
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
