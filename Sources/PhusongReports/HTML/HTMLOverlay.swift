import Foundation
import PhusongCoverage
import PhusongSupport

/// The coverage overlay on report.html's map (`report --terrain`, `report --overlay`): its
/// layers as PNG images inlined as `data:` URLs in the page's JSON (`map.overlay`, drawn by
/// report-map.js as Leaflet image overlays in their own pane, under the boundaries and
/// villages), and the panel beside the map with the layers' switches, the legend and a note
/// on what the picture is. Without an overlay nothing is added to the page's data (the JSON
/// has no `overlay` key) or its HTML.
struct HTMLOverlay: Sendable {
    /// What report-map.js reads.
    struct JSON: Encodable, Sendable {
        /// `[[south, west], [north, east]]`, degrees: Leaflet's bounds of the images.
        var bounds: [[Double]]
        var layers: [Layer]
    }

    /// One image layer.
    struct Layer: Encodable, Sendable {
        /// `lte`, `nr` or `shadow`; the switch is `data-layer="overlay-<key>"`.
        var key: String
        /// `data:image/png;base64,…`.
        var image: String
        /// Coloured pixels.
        var pixels: Int
        /// Shown when the page opens: the shadow layer over terrain, else the 4G layer.
        var shown: Bool
    }

    var data: JSON
    /// The panel's HTML (escaped).
    var panel: String

    /// - Parameters:
    ///   - overlay: the overlay.
    ///   - radio: the run's radio model (its coverage thresholds colour the layers).
    ///   - text: the page's language.
    init(_ overlay: CoverageOverlay, radio: RadioModelParameters, text: ReportText) throws {
        let thresholds = (lte: radio.coverageThreshold4GdBm, nr: radio.coverageThreshold5GdBm)
        let images = try CoverageOverlayImage.layers(overlay, thresholds: thresholds)
        let shownKey = overlay.hasShadow ? "shadow" : "lte"
        let box = overlay.box
        data = JSON(bounds: [[box.minLat, box.minLon], [box.maxLat, box.maxLon]], layers: images.map { entry in
            Layer(key: entry.key, image: "data:image/png;base64," + Data(entry.layer.png).base64EncodedString(),
                  pixels: entry.layer.pixels, shown: entry.key == shownKey)
        })
        panel = Self.panel(overlay, layers: data.layers, thresholds: thresholds, text: text)
    }

    /// The heading, the switches, the legend and the note.
    private static func panel(_ overlay: CoverageOverlay, layers: [Layer], thresholds: (lte: Double, nr: Double), text: ReportText) -> String {
        func swatch(_ colour: CoverageOverlayPalette.Colour, _ label: String) -> String {
            "<li><span class=\"sym sym-cell\" style=\"background:\(colour.hex)\"></span>\(HTMLText.escaped(label))</li>"
        }
        func dBm(_ value: Double) -> String { text.decimal(value, decimals: 0) }
        let title = overlay.hasShadow ? text(.overlayTitleTerrain) : text(.overlayTitleFile)
        var html = "<h3>\(HTMLText.escaped(title))</h3>\n<div class=\"layers overlay-layers\">"
        for layer in layers {
            let label = switch layer.key {
            case "lte": text(.overlayLayerLTE)
            case "nr": text(.overlayLayerNR)
            default: text(.overlayLayerShadow, text.integer(layer.pixels))
            }
            html += "\n<label><input type=\"checkbox\" data-layer=\"overlay-\(layer.key)\"\(layer.shown ? " checked" : "")> \(HTMLText.escaped(label))</label>"
        }
        html += "\n</div>\n<ul class=\"legend overlay-legend\">"
        if overlay.hasShadow {
            html += "\n" + swatch(CoverageOverlayPalette.shadowFull, text(.overlayShadowFull))
            html += "\n" + swatch(CoverageOverlayPalette.shadowPartial, text(.overlayShadowPartial))
        }
        let colours = CoverageOverlayPalette.rsrpColours, width = CoverageOverlayPalette.classWidthDB
        let threshold = thresholds.lte
        html += "\n" + swatch(colours[0], text(.overlayAtLeast, dBm(threshold + 3 * width)))
        for step in [2.0, 1.0, 0.0] {
            html += "\n" + swatch(colours[3 - Int(step)], text(.overlayRange, dBm(threshold + step * width), dBm(threshold + (step + 1) * width)))
        }
        html += "\n" + swatch(colours[4], text(.overlayBelow, dBm(threshold)))
        html += "\n<li class=\"legend-note\">\(HTMLText.escaped(text(.overlayNoData)))</li>"
        if thresholds.nr != thresholds.lte {
            html += "\n<li class=\"legend-note\">\(HTMLText.escaped(text(.overlayThresholds, dBm(thresholds.lte), dBm(thresholds.nr))))</li>"
        }
        html += "\n</ul>"
        let size = text.integer(overlay.columns) + " × " + text.integer(overlay.rows)
        let metres = text.integer(Int(overlay.resolutionM.rounded()))
        var note: String
        switch overlay.source {
        case .terrain(let path):
            note = text(.overlayTerrainNote, size, metres, path)
            if overlay.terrain.outsideTerrainPairs > 0 { note += " " + text(.overlayOutsidePairs, text.integer(overlay.terrain.outsideTerrainPairs)) }
            if overlay.pixelsOffTerrain > 0 { note += " " + text(.overlayOffTerrain, text.integer(overlay.pixelsOffTerrain)) }
        case .file(let path):
            note = text(.overlayFileNote, size, metres, URL(fileURLWithPath: path).lastPathComponent)
            if overlay.sampling > 1 { note += " " + text(.overlaySampled, text.integer(overlay.sampling)) }
        }
        return html + "\n<p class=\"map-facts overlay-note\">\(HTMLText.escaped(note))</p>"
    }
}
