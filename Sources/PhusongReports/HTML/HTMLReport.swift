import PhusongCoverage
import PhusongSupport

/// `report.html`: one self-contained page for reviewers — the headline indicators against
/// the committee's targets, a map, the per-province table and the dead-zone list with a
/// search that ignores Vietnamese diacritics. No network access of any kind: styles, script
/// and data are inline, the map is drawn on a canvas from embedded JSON. The page's frame,
/// style sheet and scripts are files in Sources/PhusongReports/Resources (`HTMLResources`).
///
/// Hooks for headless checks (e.g. `chromium --headless=new --dump-dom file:///…/report.html#search=Dien%20Bien`):
/// - URL hash `#search=<text>` (URL-encoded) fills the search box and filters on load;
/// - after drawing, `#map` has `data-drawn="true"` and `data-points="<n>"`, the number of
///   villages drawn one by one (dead zones and unpowered villages), with `data-cells` (grid
///   cells) and `data-sites` (site positions) beside it;
/// - `#province-table` has one `<tr>` per province in `<tbody>` (the national row is in `<tfoot>`);
/// - `#dz-body` has one `<tr>` per dead-zone entry (`data-province` = province code); rows the
///   search filters out carry the `hidden` attribute, and `#dead-zone-table` carries
///   `data-visible="<n>"`.
public enum HTMLReport {
    /// The page for `run`, listing `deadZones` (e.g. `VillageLists.deadZones(run)`).
    /// Deterministic: the same run, list and version give the same bytes.
    public static func bytes(run: CoverageRun, deadZones: [VillageListEntry], toolVersion: String) throws -> [UInt8] {
        let map = try HTMLMapData(run)
        let data = try HTMLText.scriptJSON(HTMLPageData(map: map))
        let national = run.tables.national
        let sites = run.engine.sites
        let summary = "\(NumberText.grouped(national.villages)) villages · \(NumberText.grouped(national.population)) people · "
            + "\(NumberText.grouped(run.tables.provinces.count)) provinces · \(NumberText.grouped(sites.count)) sites "
            + "(\(NumberText.grouped(national.stations4G)) with 4G, \(NumberText.grouped(national.stations5G)) with 5G)"
        let page = try HTMLResources.reportPage.filled([
            "version": HTMLText.escaped(toolVersion),
            "style": HTMLResources.style,
            "summary": HTMLText.escaped(summary),
            "headline": HTMLHeadline.section(run),
            "map": HTMLMapSection.section(map, run: run),
            "provinces": HTMLProvinceTable.section(run),
            "deadZones": HTMLDeadZoneTable.section(deadZones, run: run),
            "footer": HTMLFooter.section(run, toolVersion: toolVersion),
            "data": data,
            "tablesScript": HTMLResources.tablesScript,
            "mapScript": HTMLResources.mapScript,
        ])
        return Array(page.utf8)
    }
}

/// The JSON embedded in the page.
struct HTMLPageData: Encodable {
    var map: HTMLMapData
}
