import PhusongCoverage
import PhusongOptimization

/// What the planner works from: the coverage run before the plan and the planning settings.
///
/// The plan must not depend on the order of the input rows (issue 13, class 8), and the
/// optimisation core breaks its ties by item and candidate index. So every step works in a
/// canonical order of ids, never in file order: the villages (and their coverage) sorted by
/// `village_id`, the existing sites by `site_id` and a site's cells by `cell_id`
/// (`CanonicalOrder`); the candidate sites come sorted from `CandidateSites.generate`.
struct RolloutContext: Sendable {
    let run: CoverageRun
    let settings: PlanningSettings
    let targets: CoverageTargets
    let options: SolverOptions
    /// `plan --exact`'s settings, nil for the heuristic plan.
    let exact: ExactPlanning?
    /// The villages sorted by id.
    let villages: [Village]
    /// The coverage of `villages`, in the same order.
    let coverage: [VillageCoverage]
    /// Finds the nearest of `villages` (ties: the smaller id).
    let index: VillageIndex

    init(run: CoverageRun, options: SolverOptions, exact: ExactPlanning? = nil) {
        self.run = run
        self.exact = exact
        settings = run.configuration.planning
        targets = run.configuration.targets
        self.options = options
        let order = CanonicalOrder.villages(run.inputs.scenario.villages)
        villages = order.map { run.inputs.scenario.villages[$0] }
        coverage = order.map { run.coverage[$0] }
        index = VillageIndex(villages: villages)
    }

    var parameters: RadioModelParameters { run.configuration.radio }

    /// The run's terrain model (nil without `--terrain`): candidates' coverage sets use it too.
    var terrain: TerrainModel? { run.engine.terrain }

    /// The 4G cells of each existing site, by site id, each site's in order of `cell_id`.
    var fourGCellsBySite: [String: [Cell]] {
        var cells: [String: [Cell]] = [:]
        for cell in run.inputs.scenario.cells where cell.technology == .lte { cells[cell.siteID, default: []].append(cell) }
        return cells.mapValues(CanonicalOrder.cells)
    }

    /// The three sectors of a new site at `location` (azimuths 0/120/240, beamwidth 65).
    func newSiteCells(_ location: CandidateLocation, technology: Technology) -> [Cell] {
        let band = technology == .lte ? settings.newSiteBand4GMHz : settings.newSiteBand5GMHz
        let eirp = technology == .lte ? settings.new4GEIRPdBm : settings.new5GEIRPdBm
        return [0.0, 120, 240].enumerated().map { sector, azimuth in
            let number = technology == .lte ? sector + 1 : sector + 4
            return Cell(id: "\(location.id)-\(number)", siteID: location.id, operatorName: "planned", technology: technology,
                        bandMHz: band, lon: location.lon, lat: location.lat, heightM: settings.newSiteHeightM,
                        azimuthDeg: azimuth, beamwidthDeg: 65, rsEIRPdBm: eirp,
                        powerSource: isOffGrid(location) ? .solar : .grid)
        }
    }

    /// A candidate is off the grid when the village nearest to it has no grid power.
    func isOffGrid(_ location: CandidateLocation) -> Bool {
        guard let nearest = index.nearest(lon: location.lon, lat: location.lat) else { return false }
        return !villages[nearest].gridPower
    }

    /// The 5G cells an upgrade adds to a site, given the site's 4G cells: one per 4G cell,
    /// same azimuth, beamwidth and height, on the upgrade band with the 5G RS EIRP.
    func upgradeCells(siteID: String, fourGCells: [Cell]) -> [Cell] {
        fourGCells.enumerated().map { number, cell in
            Cell(id: "\(siteID)-U\(number + 1)", siteID: siteID, operatorName: cell.operatorName, technology: .nr,
                 bandMHz: settings.upgradeBandMHz, lon: cell.lon, lat: cell.lat, heightM: cell.heightM,
                 azimuthDeg: cell.azimuthDeg, beamwidthDeg: cell.beamwidthDeg, rsEIRPdBm: settings.new5GEIRPdBm,
                 powerSource: cell.powerSource)
        }
    }
}
