import PhusongSupport
import PhusongCoverage

/// `sites.csv` of a report: one row per site (distinct `site_id`), its place (its first
/// cell's), technologies, and the province and commune it counts in.
public enum SitesCSV {
    public static let header = ["site_id", "operator", "has_4g", "has_5g", "province_code", "commune_code", "lon", "lat"]

    public static func bytes(_ run: CoverageRun) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeHeader(header)
        for (site, area) in zip(run.engine.sites, run.tables.siteAreas) {
            csv.writeRow([.text(site.id), .text(site.operatorName), .flag(site.has4G), .flag(site.has5G),
                          .text(area.provinceCode), .text(area.communeCode),
                          .number(site.lon, decimals: 6), .number(site.lat, decimals: 6)])
        }
        return csv.bytes
    }
}
