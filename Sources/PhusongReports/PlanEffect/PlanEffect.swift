import PhusongCoverage
import PhusongSupport

/// What a rollout plan does to the figures (`report --plan`, docs/outputs.md "The plan's
/// effect"): the national indicators before it, and what each of its actions gains once every
/// action is applied to the inputs and the coverage computed again. The figures after the
/// plan are those of the report's own run.
public struct PlanEffect: Sendable, Hashable {
    /// What one action of the plan gains, measured on the coverage after the whole plan.
    public struct ActionGain: Sendable, Hashable {
        /// `upgrade_5g`, `new_site`, `new_site_5g` or `satellite` (plan.csv's `kind`).
        public var kind: String
        /// The site or village id (plan.csv's `id`).
        public var id: String
        /// The operator of the cells the action adds (`planned` for a new site, empty for a
        /// satellite terminal).
        public var operatorName: String
        /// Cost, billion VND (plan.csv's `cost`).
        public var cost: Double
        /// Dead-zone villages the action connects: its cell is their best server above the
        /// threshold after the plan, or its satellite terminal serves the village.
        public var villagesConnected = 0
        /// Their population.
        public var populationConnected = 0
        /// Villages without 5G before the plan whose best 5G server after it is one of the
        /// action's cells.
        public var villages5G = 0
        /// Their population.
        public var population5G = 0
        /// Longitude, degrees.
        public var lon: Double
        /// Latitude, degrees.
        public var lat: Double

        /// - Parameters:
        ///   - kind: the action's kind, as plan.csv spells it.
        ///   - id: the site or village id.
        ///   - operatorName: the operator of the cells it adds.
        ///   - cost: cost, billion VND.
        ///   - lon: longitude, degrees.
        ///   - lat: latitude, degrees.
        public init(kind: String, id: String, operatorName: String, cost: Double, lon: Double, lat: Double) {
            self.kind = kind
            self.id = id
            self.operatorName = operatorName
            self.cost = cost
            self.lon = lon
            self.lat = lat
        }
    }

    /// The plan file read (plan.csv), as given.
    public var planFile: String
    /// The national indicators before the plan.
    public var before: CoverageIndicators
    /// The plan's actions in plan.csv's order, with their gains.
    public var actions: [ActionGain]

    /// - Parameters:
    ///   - planFile: the plan.csv read.
    ///   - before: the national indicators before the plan.
    ///   - actions: the actions with their gains.
    public init(planFile: String, before: CoverageIndicators, actions: [ActionGain]) {
        self.planFile = planFile
        self.before = before
        self.actions = actions
    }

    /// The kinds in the order tables list them.
    public static let kinds = ["new_site", "satellite", "upgrade_5g", "new_site_5g"]

    /// The gains summed per kind, in `kinds` order (kinds without actions left out).
    public var byKind: [(kind: String, total: ActionGain, count: Int)] {
        Self.kinds.compactMap { kind in
            let group = actions.filter { $0.kind == kind }
            guard !group.isEmpty else { return nil }
            var total = ActionGain(kind: kind, id: "", operatorName: "", cost: 0, lon: 0, lat: 0)
            for action in group {
                total.cost += action.cost
                total.villagesConnected += action.villagesConnected
                total.populationConnected += action.populationConnected
                total.villages5G += action.villages5G
                total.population5G += action.population5G
            }
            return (kind, total, group.count)
        }
    }

    /// `plan_effect.csv` (and the `plan_effect` sheet of report.xlsx): one row per action.
    public var table: PointFeatureTable {
        let columns = [
            FeatureColumn("kind", .text), FeatureColumn("id", .text), FeatureColumn("operator", .text), FeatureColumn("cost", .real),
            FeatureColumn("villages_connected", .integer), FeatureColumn("population_connected", .integer),
            FeatureColumn("villages_5g", .integer), FeatureColumn("population_5g", .integer),
        ]
        let rows = actions.map { action in
            PointFeature(lon: action.lon, lat: action.lat, values: [
                .text(action.kind), .text(action.id), action.operatorName.isEmpty ? .null : .text(action.operatorName), .real(action.cost),
                .integer(action.villagesConnected), .integer(action.populationConnected),
                .integer(action.villages5G), .integer(action.population5G),
            ])
        }
        return PointFeatureTable(
            layerName: "plan_effect", columns: columns, rows: rows,
            presentation: FeaturePresentation(nameColumn: "id", folderColumn: "kind", descriptionColumns: []))
    }
}
