import PhusongSupport
import PhusongCoverage

/// `sites.csv` of a report: one row per site (distinct `site_id`), its place (its first
/// cell's), technologies, and the province and commune it counts in.
public enum SitesCSV {
    public static let header = ["site_id", "operator", "has_4g", "has_5g", "province_code", "commune_code", "lon", "lat"]

    /// About how many bytes a row takes.
    static let rowBytes = 60

    /// The file, its rows made in parallel chunks and streamed (`CSVRowStream`).
    public static func file(_ run: CoverageRun, threads: Int) -> OutputSetFile {
        let sites = run.engine.sites, areas = run.tables.siteAreas
        let count = min(sites.count, areas.count)
        return OutputSetFile(name: "sites.csv", sizeHint: count * rowBytes) { file in
            try await CSVRowStream.write(header: header, count: count, threads: threads, to: file) { csv, index in
                let site = sites[index], area = areas[index]
                csv.text(site.id)
                csv.text(site.operatorName)
                csv.flag(site.has4G)
                csv.flag(site.has5G)
                csv.text(area.provinceCode)
                csv.text(area.communeCode)
                csv.fixed(site.lon, decimals: 6)
                csv.fixed(site.lat, decimals: 6)
                csv.endRow()
            }
        }
    }
}
