import PhusongCoverage
import PhusongSupport

/// The map panel: the canvas the script draws on (`#map`, which gets `data-drawn="true"`
/// and `data-points` once drawn), its tools, legend and layer switches.
enum HTMLMapSection {
    static func section(_ map: HTMLMapData, run: CoverageRun) throws -> String {
        let connected = run.tables.national.villagesConnected
        let cells = map.grid.cells.count / 4
        let sites = (map.sites4G.count + map.sites5G.count) / 2
        let points = map.points.count / 3
        let cellKm = NumberText.fixed(map.grid.cellDeg * 111.32, decimals: map.grid.cellDeg < 0.05 ? 1 : 0)
        let outlines = map.outlines.isEmpty
            ? "No boundary file was given, so the map has no province outlines."
            : "\(NumberText.grouped(map.outlines.count)) province outlines, simplified for display (islands included)."
        let facts = "\(NumberText.grouped(connected)) connected villages in \(NumberText.grouped(cells)) grid cells of "
            + "\(NumberText.fixed(map.grid.cellDeg, decimals: 3))° (≈\(cellKm) km); \(NumberText.grouped(points)) villages marked one by one; "
            + "\(NumberText.grouped(sites)) site positions. \(outlines)"
        return try HTMLResources.mapSection.filled([
            "outlineLegend": map.outlines.isEmpty ? "" : "<li><span class=\"sym sym-outline\"></span>Province boundary</li>",
            "labelsNote": map.outlines.isEmpty ? "" : " (zoomed in)",
            "outlineLayer": map.outlines.isEmpty ? "" : "<label><input type=\"checkbox\" data-layer=\"outlines\" checked> Province outlines</label>",
            "facts": HTMLText.escaped(facts),
        ])
    }
}
