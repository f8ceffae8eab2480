import PhusongCoverage
import PhusongSupport

/// `report.html`: one self-contained page for reviewers — the headline indicators against
/// the committee's targets, a map, the per-province table and the dead-zone list with a
/// search that ignores Vietnamese diacritics. No network access of any kind: styles, script
/// and data are inline, the map is drawn on a canvas from embedded JSON.
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
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="phusong \(HTMLText.escaped(toolVersion))">
        <title>Village mobile coverage report — phusong</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <header class="page-header">
        <div class="wrap">
        <p class="eyebrow">Mobile coverage of villages (thôn, bản) · Digital transformation</p>
        <h1>Village coverage report</h1>
        <p class="subtitle">\(HTMLText.escaped(summary))</p>
        <nav aria-label="Sections">
        <a href="#headline">Indicators</a><a href="#map-section">Map</a><a href="#provinces">Provinces</a>\
        <a href="#dead-zones">Dead zones</a><a href="#about">Inputs &amp; model</a>
        </nav>
        </div>
        </header>
        <main class="wrap">
        \(HTMLHeadline.section(run))
        \(HTMLMapSection.section(map, run: run))
        \(HTMLProvinceTable.section(run))
        \(HTMLDeadZoneTable.section(deadZones, run: run))
        </main>
        <div class="wrap">
        \(HTMLFooter.section(run, toolVersion: toolVersion))
        </div>
        <script type="application/json" id="report-data">\(data)</script>
        <script>
        \(HTMLScript.js)
        </script>
        <script>
        \(HTMLMapScript.js)
        </script>
        </body>
        </html>

        """
        return Array(page.utf8)
    }
}

/// The JSON embedded in the page.
struct HTMLPageData: Encodable {
    var map: HTMLMapData
}
