/// `villages.csv` of a report: one row per village with its coverage (issue columns first,
/// then the village's own attributes). Empty where there is no value; booleans `true`/`false`;
/// RSRP and distances unrounded (shortest text that reads back to the same double).
public enum VillageResultsCSV {
    public static let header = [
        "village_id", "best_4g_rsrp_dbm", "best_4g_cell", "best_5g_rsrp_dbm", "best_5g_cell",
        "covered_4g", "covered_5g", "connected", "dead_zone", "unpowered", "nearest_site", "nearest_site_m",
        "name", "province_code", "commune_code", "population", "area_type", "lon", "lat",
    ]

    public static func bytes(_ run: CoverageRun) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(header)
        let cells = run.inputs.scenario.cells
        let sites = run.engine.sites
        for (village, result) in zip(run.inputs.scenario.villages, run.coverage) {
            let best4G: [String] = [result.best4G.map { String($0.rsrpDBm) } ?? "", result.best4G.map { cells[$0.cellIndex].id } ?? ""]
            let best5G: [String] = [result.best5G.map { String($0.rsrpDBm) } ?? "", result.best5G.map { cells[$0.cellIndex].id } ?? ""]
            let flags: [String] = [String(result.covered4G), String(result.covered5G), String(result.connected),
                                   String(result.deadZone), String(!village.gridPower)]
            let nearest: [String] = [result.nearestSite.map { sites[$0.siteIndex].id } ?? "",
                                     result.nearestSite.map { String($0.distanceM) } ?? ""]
            let attributes: [String] = [village.name, village.provinceCode ?? "", village.communeCode ?? "",
                                        String(village.population), village.areaType.rawValue,
                                        csvNumber(village.lon, decimals: 6), csvNumber(village.lat, decimals: 6)]
            csv.writeRow([village.id] + best4G + best5G + flags + nearest + attributes)
        }
        return csv.bytes
    }
}
