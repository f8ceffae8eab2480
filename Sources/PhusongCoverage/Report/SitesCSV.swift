/// `sites.csv` of a report: one row per site (distinct `site_id`), its place (its first
/// cell's), technologies, and the province and commune it counts in.
public enum SitesCSV {
    public static let header = ["site_id", "operator", "has_4g", "has_5g", "province_code", "commune_code", "lon", "lat"]

    public static func bytes(_ run: CoverageRun) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(header)
        for (site, area) in zip(run.engine.sites, run.tables.siteAreas) {
            csv.writeRow([site.id, site.operatorName, String(site.has4G), String(site.has5G),
                          area.provinceCode ?? "", area.communeCode ?? "",
                          csvNumber(site.lon, decimals: 6), csvNumber(site.lat, decimals: 6)])
        }
        return csv.bytes
    }
}
