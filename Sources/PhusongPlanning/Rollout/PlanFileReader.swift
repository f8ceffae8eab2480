import PhusongCoverage
import PhusongOptimization
import PhusongSupport

/// Reads a plan back from its plan.csv (`phusong plan --out DIR`) for `report --plan`, and
/// checks every action against the inputs, like any input file: the columns `kind`, `id`,
/// `cost`, `lon` and `lat` (others are ignored); `kind` one of `upgrade_5g`, `new_site`,
/// `new_site_5g`, `satellite`; a kind and id at most once; `cost` 0..10⁶ billion VND. An
/// upgrade names a site of the cells files with 4G and no 5G, within 1 km of the position
/// given; a new site an id no site of the cells files has; 5G on a new site a `new_site` on
/// an earlier line; a satellite terminal a village of the villages file that is a dead zone
/// before the plan, within 1 km. The cells an action adds are made as the planner makes them
/// (`RolloutContext`), from the configuration's [planning] settings.
public enum PlanFileReader {
    /// Furthest a row's position may lie from the site or village it names, metres (plan.csv
    /// rounds positions to 6 decimals, ~0.1 m).
    static let positionToleranceM = 1_000.0

    /// - Parameters:
    ///   - path: plan.csv.
    ///   - run: the coverage run of the inputs before the plan.
    /// - Returns: the actions in the file's order, with the cells they add.
    /// - Throws: `LoadError` with every problem as `file:line: column: value: reason`.
    public static func read(path: String, before run: CoverageRun) throws(LoadError) -> [PlanAction] {
        let table = try CSVTable.read(path)
        var fields = TableFields(table, required: ["kind", "id", "cost", "lon", "lat"],
                                 example: "kind,id,technology,power_source,cost,...,lon,lat")
        guard fields.problems.isEmpty else { throw LoadError(problems: fields.problems) }
        let context = RolloutContext(run: run, options: SolverOptions(threads: 1))
        let villages = run.inputs.scenario.villages
        var sites: [String: Site] = [:]
        for site in run.engine.sites where sites[site.id] == nil { sites[site.id] = site }
        var villageIndex: [String: Int] = [:]
        for (index, village) in villages.enumerated() where villageIndex[village.id] == nil { villageIndex[village.id] = index }
        let fourGCells = context.fourGCellsBySite
        var firstLine: [String: Int] = [:]
        var newSites: [String: CandidateLocation] = [:]
        var actions: [PlanAction] = []
        for row in table.rows {
            let kindText = fields.text(row, "kind")
            let kind = kindText.flatMap(PlanAction.Kind.init(rawValue:))
            if let kindText, kind == nil {
                fields.fail(row, "kind", value: kindText, .unknownChoice(name: "action", allowed: PlanAction.Kind.allCases.map(\.rawValue)))
            }
            let id = fields.text(row, "id")
            let cost = fields.number(row, "cost") { (0...1e6).contains($0) ? nil : .outside(quantity: "cost (billion VND)", lowest: 0, highest: 1e6, note: nil) }
            let lon = fields.number(row, "lon", coordinate: .longitude) {
                Problem.ValueFault.Coordinate.longitude.range.contains($0) ? nil : .notACoordinate(.longitude)
            }
            let lat = fields.number(row, "lat", coordinate: .latitude) {
                Problem.ValueFault.Coordinate.latitude.range.contains($0) ? nil : .notACoordinate(.latitude)
            }
            guard let kind, let id, let cost, let lon, let lat else { continue }
            let key = kind.rawValue + " " + id
            if let earlier = firstLine[key] {
                fields.fail(row, "id", value: id, .pairTwice(first: kind.rawValue, second: id, firstLine: earlier))
                continue
            }
            firstLine[key] = row.line
            func mismatch(_ why: String, column: String = "id", value: String = id) {
                fields.fail(row, column, value: value, .planMismatch(why))
            }
            func near(_ place: (lon: Double, lat: Double), _ what: String) -> Bool {
                let distance = Geodesy.distanceM(lon1: lon, lat1: lat, lon2: place.lon, lat2: place.lat)
                guard distance > positionToleranceM else { return true }
                mismatch("\(what) is at \(NumberText.fixed(place.lon, decimals: 6)), \(NumberText.fixed(place.lat, decimals: 6)), "
                    + "\(NumberText.fixed(distance / 1000, decimals: 1)) km from this row's position (at most 1 km)",
                         column: "lon", value: NumberText.shortest(lon))
                return false
            }
            var cells: [Cell] = []
            var place = CandidateLocation(id: id, lon: lon, lat: lat)
            switch kind {
            case .upgrade5G:
                guard let site = sites[id] else { fields.fail(row, "id", value: id, .unknownID(of: "site of the cells files")); continue }
                guard site.has4G, !site.has5G else { mismatch("site \(id) " + (site.has5G ? "already has 5G" : "has no 4G cell to upgrade")); continue }
                guard near((site.lon, site.lat), "site \(id)") else { continue }
                cells = context.upgradeCells(siteID: id, fourGCells: fourGCells[id] ?? [])
                place = CandidateLocation(id: id, lon: site.lon, lat: site.lat)
            case .newSite:
                guard sites[id] == nil else { fields.fail(row, "id", value: id, .existingSiteID); continue }
                cells = context.newSiteCells(place, technology: .lte)
                newSites[id] = place
            case .newSite5G:
                guard let site = newSites[id] else { mismatch("no new_site action with this id on an earlier line"); continue }
                guard near((site.lon, site.lat), "new site \(id)") else { continue }
                cells = context.newSiteCells(site, technology: .nr)
                place = site
            case .satellite:
                guard let index = villageIndex[id] else { fields.fail(row, "id", value: id, .unknownID(of: "village")); continue }
                guard run.coverage[index].deadZone else {
                    mismatch("village \(id) is already connected (4G or 5G) before the plan: a satellite terminal is for a dead zone")
                    continue
                }
                guard near((villages[index].lon, villages[index].lat), "village \(id)") else { continue }
                place = CandidateLocation(id: id, lon: villages[index].lon, lat: villages[index].lat)
            }
            actions.append(PlanAction(
                kind: kind, id: id, lon: place.lon, lat: place.lat, technology: kind == .satellite ? "satellite" : "",
                powerSource: cells.first?.powerSource, cost: cost, newlyCoveredVillages: 0, newlyCoveredPopulation: 0, cells: cells))
        }
        if !fields.problems.isEmpty { throw LoadError(problems: fields.problems) }
        return actions
    }
}
