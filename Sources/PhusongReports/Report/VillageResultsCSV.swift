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

    public static func bytes(_ run: CoverageRun) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeHeader(header)
        let cells = run.inputs.scenario.cells
        let sites = run.engine.sites
        for (village, result) in zip(run.inputs.scenario.villages, run.coverage) {
            let best4G: [CSVField] = [.number(result.best4G.map { String($0.rsrpDBm) } ?? ""), .text(result.best4G.map { cells[$0.cellIndex].id })]
            let best5G: [CSVField] = [.number(result.best5G.map { String($0.rsrpDBm) } ?? ""), .text(result.best5G.map { cells[$0.cellIndex].id })]
            let flags: [CSVField] = [.flag(result.covered4G), .flag(result.covered5G), .flag(result.connected),
                                     .flag(result.deadZone), .flag(!village.gridPower)]
            let nearest: [CSVField] = [.text(result.nearestSite.map { sites[$0.siteIndex].id }),
                                       .number(result.nearestSite.map { String($0.distanceM) } ?? "")]
            let attributes: [CSVField] = [.text(village.name), .text(village.provinceCode), .text(village.communeCode),
                                          .integer(village.population), .text(village.areaType.rawValue),
                                          .number(village.lon, decimals: 6), .number(village.lat, decimals: 6)]
            csv.writeRow([.text(village.id)] + best4G + best5G + flags + nearest + attributes)
        }
        return csv.bytes
    }
}
