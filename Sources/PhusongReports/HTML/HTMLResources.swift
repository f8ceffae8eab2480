import PhusongSupport

/// The pages' HTML, CSS and JavaScript, kept as files in Sources/PhusongReports/Resources and
/// embedded in the library at build time (SwiftPM `resources: [.embedInCode(…)]`, which
/// generates `PackageResources`): no file is read when a report is written, and a change to
/// them changes the build, not the data.
///
/// - `page-head.html`: the start of both pages up to their title (`head(language:version:title:)`).
/// - `report.html`: the frame of `report.html`; its slots are filled by `HTMLReport`.
/// - `headline.html`, `kpi-progress.html`, `kpi-composition.html`: the headline indicators
///   and their cards (`HTMLHeadline`); `map-section.html`: the map panel with its legend and
///   layer switches (`HTMLMapSection`); `provinces.html`: the province table's frame
///   (`HTMLProvinceTable`); `dead-zones.html`: the dead-zone list's frame with its search box
///   (`HTMLDeadZoneTable`); `footer.html`: the inputs, model and about columns (`HTMLFooter`).
///   Rows and list items, one per province, village or input, are built in Swift.
/// - `report.css`: the page's style sheet: system fonts only, print-friendly, responsive
///   down to a phone.
/// - `report-tables.js`: the table script (plain ES2015, no libraries): sorting the tables
///   written in full (provinces, trend) by a click on a column heading, and the print-layout
///   check (`#print-layout`).
/// - `report-map.js`: the map's script (plain ES2015, no libraries): draws `HTMLMapData`
///   (embedded as JSON in `#report-data`) on a canvas — province outlines, the grid of
///   connected villages, sites, dead-zone and unpowered villages, names — with zoom, drag
///   and tooltips; marks `#map` with `data-drawn="true"`, `data-points`, `data-cells` and
///   `data-sites` once drawn.
/// - `drill.html`: the drill-down panel (national → province → commune → villages) and the
///   search for a village, commune or site; `report-drill.js` draws it from the packed data
///   (`HTMLDrillData`) and the URL's hash routes (`#p=CODE`, `#c=CODE`, `#find=TEXT`), and
///   the dead-zone list too; `paged-table.js`: the paged, sortable, filterable table both
///   report.html and compare.html draw their long tables with, and the unpacking of the
///   packed data.
/// - `compare.html`: the page of `compare --out`, filled by `ComparisonFiles`; `compare.js`
///   draws its changed villages and sites from packed data with `paged-table.js`.
/// - `trend.html`: the page of `trend --out`, filled by `TrendHTML` (same style sheet and
///   table script as report.html).
///
/// The files are copied into the pages byte for byte; nothing in them is escaped, so they
/// hold no text from the data: every slot's value is HTML that Swift built and escaped
/// (`HTMLText`). Each file ends with a line break; the two pages keep it, the parts placed
/// inside another file (sections, cards, style sheet, scripts) drop it, as the file they go
/// into puts its own after them.
enum HTMLResources {
    static let pageHead = HTMLTemplate(name: "page-head.html", text: part(PackageResources.page_head_html))
    static let reportPage = HTMLTemplate(name: "report.html", text: text(PackageResources.report_html))
    static let headlineSection = HTMLTemplate(name: "headline.html", text: part(PackageResources.headline_html))
    static let progressCard = HTMLTemplate(name: "kpi-progress.html", text: part(PackageResources.kpi_progress_html))
    static let compositionCard = HTMLTemplate(name: "kpi-composition.html", text: part(PackageResources.kpi_composition_html))
    static let mapSection = HTMLTemplate(name: "map-section.html", text: part(PackageResources.map_section_html))
    static let provinceSection = HTMLTemplate(name: "provinces.html", text: part(PackageResources.provinces_html))
    static let deadZoneSection = HTMLTemplate(name: "dead-zones.html", text: part(PackageResources.dead_zones_html))
    static let footer = HTMLTemplate(name: "footer.html", text: part(PackageResources.footer_html))
    static let style = part(PackageResources.report_css)
    static let tablesScript = part(PackageResources.report_tables_js)
    static let mapScript = part(PackageResources.report_map_js)
    static let drillSection = HTMLTemplate(name: "drill.html", text: part(PackageResources.drill_html))
    static let pagedTableScript = part(PackageResources.paged_table_js)
    static let drillScript = part(PackageResources.report_drill_js)
    static let compareScript = part(PackageResources.compare_js)
    static let trendPage = HTMLTemplate(name: "trend.html", text: text(PackageResources.trend_html))
    static let comparePage = HTMLTemplate(name: "compare.html", text: text(PackageResources.compare_html))

    /// The start of a page (`page-head.html`): doctype, `<html lang>`, character set, viewport,
    /// generator and the title, escaped.
    static func head(language: ReportLanguage, version: String, title: String) throws -> String {
        try pageHead.filled(["lang": language.rawValue, "version": HTMLText.escaped(version), "title": HTMLText.escaped(title)])
    }

    /// A whole file.
    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A file without its final line break.
    private static func part(_ bytes: [UInt8]) -> String {
        text(bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes)
    }
}
