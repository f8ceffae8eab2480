import PhusongCoverage
import PhusongSupport

/// The map panel: the element Leaflet draws in (`#map`, which gets `data-drawn="true"`,
/// `data-engine="leaflet"` and `data-points` once drawn), its legend and layer switches.
/// Without the map library (`LeafletAssets.Missing`) the panel says which package to install
/// and `#map` carries `data-engine="none"`.
enum HTMLMapSection {
    /// - Parameter overlay: the coverage overlay's panel (switches, legend, note), or nil.
    static func section(
        _ map: HTMLMapData, run: CoverageRun, text: ReportText, missing: LeafletAssets.Missing?, overlay: HTMLOverlay? = nil
    ) throws -> String {
        let connected = run.tables.national.villagesConnected
        let cells = map.grid.cells.count / 4
        let sites = (map.sites4G.count + map.sites5G.count) / 2
        let points = map.points.count / 3
        let cellKm = text.decimal(map.grid.cellDeg * 111.32, decimals: map.grid.cellDeg < 0.05 ? 1 : 0)
        let outlines = (map.outlines.isEmpty ? text(.mapNoOutlines) : text(.mapOutlines, text.integer(map.outlines.count)))
            + (map.communeOutlines.isEmpty ? "" : text(.mapCommunes, text.integer(map.communeOutlines.count)))
        let facts = text(.mapFacts, text.integer(connected), text.integer(cells), text.decimal(map.grid.cellDeg, decimals: 3), cellKm,
                         text.integer(points), text.integer(sites), outlines)
        let phrases = text.phrases
        let fallback = missing.map { "<p class=\"map-missing\">\(HTMLText.escaped(text(.mapMissing, $0.description)))</p>" }
            ?? "<noscript><p class=\"map-noscript\">\(phrases["mapNoScript"] ?? "")</p></noscript>"
        var outlineLayers = ""
        if !map.outlines.isEmpty {
            outlineLayers += "<label><input type=\"checkbox\" data-layer=\"outlines\" checked> \(phrases["layerOutlines"] ?? "")</label>"
        }
        if !map.communeOutlines.isEmpty {
            outlineLayers += "\n<label><input type=\"checkbox\" data-layer=\"communes\" checked> \(phrases["layerCommunes"] ?? "")</label>"
        }
        return try HTMLResources.mapSection.filled([
            "engine": missing == nil ? "leaflet" : "none",
            "fallback": fallback,
            "outlineLegend": map.outlines.isEmpty ? "" : "<li><span class=\"sym sym-outline\"></span>\(phrases["legendOutline"] ?? "")</li>",
            "labelsLayer": phrases[map.outlines.isEmpty ? "layerLabels" : "layerLabelsZoomed"] ?? "",
            "outlineLayer": outlineLayers,
            "facts": HTMLText.escaped(facts),
            "overlay": overlay?.panel ?? "",
        ], phrases: phrases)
    }
}
