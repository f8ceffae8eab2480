/// The pages' HTML, CSS and JavaScript, kept as files in Sources/PhusongReports/Resources and
/// embedded in the library at build time (SwiftPM `resources: [.embedInCode(…)]`, which
/// generates `PackageResources`): no file is read when a report is written, and a change to
/// them changes the build, not the data.
///
/// - `report.html`: the frame of `report.html`; its slots are filled by `HTMLReport`.
/// - `report.css`: the page's style sheet: system fonts only, print-friendly, responsive
///   down to a phone.
/// - `report-tables.js`: the table script (plain ES2015, no libraries): sorting by a click
///   on a column heading, and the diacritic-insensitive dead-zone search (also driven by
///   `#search=<text>` in the URL), folding text as `HTMLSearchKey` does.
/// - `report-map.js`: the map's script (plain ES2015, no libraries): draws `HTMLMapData`
///   (embedded as JSON in `#report-data`) on a canvas — province outlines, the grid of
///   connected villages, sites, dead-zone and unpowered villages, names — with zoom, drag
///   and tooltips; marks `#map` with `data-drawn="true"`, `data-points`, `data-cells` and
///   `data-sites` once drawn.
/// - `compare.html`: the page of `compare --out`, filled by `ComparisonFiles`.
///
/// The files are copied into the pages byte for byte; nothing in them is escaped, so they
/// hold no text from the data. Each file ends with a line break, which the style sheet and
/// scripts drop: the page puts its own after them.
enum HTMLResources {
    static let reportPage = HTMLTemplate(name: "report.html", text: text(PackageResources.report_html))
    static let comparePage = HTMLTemplate(name: "compare.html", text: text(PackageResources.compare_html))
    static let style = withoutFinalLineBreak(PackageResources.report_css)
    static let tablesScript = withoutFinalLineBreak(PackageResources.report_tables_js)
    static let mapScript = withoutFinalLineBreak(PackageResources.report_map_js)

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func withoutFinalLineBreak(_ bytes: [UInt8]) -> String {
        text(bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes)
    }
}
