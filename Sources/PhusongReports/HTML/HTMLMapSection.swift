import PhusongCoverage
import PhusongSupport

/// The map panel: the canvas the script draws on (`#map`, which gets `data-drawn="true"`
/// and `data-points` once drawn), its tools, legend and layer switches.
enum HTMLMapSection {
    static func section(_ map: HTMLMapData, run: CoverageRun, text: ReportText) throws -> String {
        let connected = run.tables.national.villagesConnected
        let cells = map.grid.cells.count / 4
        let sites = (map.sites4G.count + map.sites5G.count) / 2
        let points = map.points.count / 3
        let cellKm = text.decimal(map.grid.cellDeg * 111.32, decimals: map.grid.cellDeg < 0.05 ? 1 : 0)
        let outlines = map.outlines.isEmpty ? text(.mapNoOutlines) : text(.mapOutlines, text.integer(map.outlines.count))
        let facts = text(.mapFacts, text.integer(connected), text.integer(cells), text.decimal(map.grid.cellDeg, decimals: 3), cellKm,
                         text.integer(points), text.integer(sites), outlines)
        let phrases = text.phrases
        return try HTMLResources.mapSection.filled([
            "outlineLegend": map.outlines.isEmpty ? "" : "<li><span class=\"sym sym-outline\"></span>\(phrases["legendOutline"] ?? "")</li>",
            "labelsLayer": phrases[map.outlines.isEmpty ? "layerLabels" : "layerLabelsZoomed"] ?? "",
            "outlineLayer": map.outlines.isEmpty ? ""
                : "<label><input type=\"checkbox\" data-layer=\"outlines\" checked> \(phrases["layerOutlines"] ?? "")</label>",
            "facts": HTMLText.escaped(facts),
        ], phrases: phrases)
    }
}
