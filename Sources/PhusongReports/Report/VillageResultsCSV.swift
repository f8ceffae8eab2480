import PhusongSupport
import PhusongCoverage

/// `villages.csv` of a report: one row per village with its coverage (issue columns first,
/// then the village's own attributes). Empty where there is no value; booleans `true`/`false`;
/// RSRP and distances unrounded (shortest text that reads back to the same double).
public enum VillageResultsCSV {
    public static let header = [
        "village_id", "best_4g_rsrp_dbm", "best_4g_cell", "best_5g_rsrp_dbm", "best_5g_cell",
        "covered_4g", "covered_5g", "connected", "dead_zone", "unpowered", "nearest_site", "nearest_site_m",
        "name", "province_code", "commune_code", "population", "area_type", "lon", "lat",
    ]

    /// About how many bytes a row takes (for scheduling: the largest file of a report).
    static let rowBytes = 180

    /// The last column of a plan-effect report's villages.csv (`report --plan`): true where the
    /// plan's satellite terminal serves the village.
    public static let satelliteColumn = "satellite_terminal"

    /// The file, its rows made in parallel chunks and streamed (`CSVRowStream`).
    /// - Parameters:
    ///   - run: the coverage run.
    ///   - threads: worker tasks for the rows.
    ///   - satelliteColumn: adds `satellite_terminal` as the last column (a plan-effect report).
    public static func file(_ run: CoverageRun, threads: Int, satelliteColumn: Bool = false) -> OutputSetFile {
        let villages = run.inputs.scenario.villages, coverage = run.coverage
        let cells = run.inputs.scenario.cells, sites = run.engine.sites
        let count = min(villages.count, coverage.count)
        return OutputSetFile(name: "villages.csv", sizeHint: count * rowBytes) { file in
            // Only the sites' ids are read: one array of them, not a copy of a whole site per row.
            let siteIDs = sites.map(\.id)
            try await CSVRowStream.write(header: header + (satelliteColumn ? [Self.satelliteColumn] : []), count: count, threads: threads, to: file) { csv, index in
                // Fields read in place (`villages[index].id`), not a copy of each village.
                let result = coverage[index]
                csv.text(villages[index].id)
                best(result.best4G, cells: cells, into: &csv)
                best(result.best5G, cells: cells, into: &csv)
                csv.flag(result.covered4G)
                csv.flag(result.covered5G)
                csv.flag(result.connected)
                csv.flag(result.deadZone)
                csv.flag(!villages[index].gridPower)
                if let nearest = result.nearestSite {
                    csv.text(siteIDs[nearest.siteIndex])
                    csv.real(nearest.distanceM)
                } else {
                    csv.text("")
                    csv.real(nil)
                }
                csv.text(villages[index].name)
                csv.text(villages[index].provinceCode)
                csv.text(villages[index].communeCode)
                csv.integer(villages[index].population)
                csv.text(villages[index].areaType.rawValue)
                csv.fixed(villages[index].lon, decimals: 6)
                csv.fixed(villages[index].lat, decimals: 6)
                if satelliteColumn { csv.flag(result.satelliteTerminal) }
                csv.endRow()
            }
        }
    }

    /// The best server's RSRP and cell id, or two empty fields.
    private static func best(_ server: VillageCoverage.BestServer?, cells: [Cell], into csv: inout CSVWriter) {
        if let server {
            csv.real(server.rsrpDBm)
            csv.text(cells[server.cellIndex].id)
        } else {
            csv.real(nil)
            csv.text("")
        }
    }
}
