import Foundation
import GDALKit
import PhusongCoverage

/// The overlay's layers as PNG images (GDALKit's `RGBAImage`, GDAL's PNG driver) to place
/// over Leaflet's map between the overlay's corners.
///
/// Leaflet draws in Web Mercator (EPSG:3857) and stretches an image linearly between its
/// corners in that projection, while the overlay's pixels are equal steps of latitude: a
/// picture copied row for row would drift north or south inside its box (about 2 % of the
/// height over Vietnam's 15° of latitude). So the image has as many rows as the overlay, at
/// equal steps of Mercator y = ln tan(π/4 + φ/2) between the box's edges, and each image row
/// shows the overlay row under its centre (nearest neighbour: every image pixel is one
/// computed pixel's colour). Columns are equal steps of longitude in both, copied as they are.
enum CoverageOverlayImage {
    /// A layer: its PNG and how many of its pixels are coloured.
    struct Layer: Sendable, Hashable {
        var png: [UInt8]
        /// Coloured pixels of the overlay (not of the resampled image).
        var pixels: Int
    }

    /// The overlay row shown by each image row, top to bottom.
    static func sourceRows(box: LonLatBox, rows: Int) -> [Int] {
        func mercator(_ latitude: Double) -> Double { log(tan(Double.pi / 4 + latitude * Double.pi / 360)) }
        let north = mercator(box.maxLat), south = mercator(box.minLat)
        let rowHeightDeg = (box.maxLat - box.minLat) / Double(rows)
        return (0..<rows).map { row in
            let y = north - (Double(row) + 0.5) * (north - south) / Double(rows)
            let latitude = (2 * atan(exp(y)) - Double.pi / 2) * 180 / Double.pi
            let index = ((box.maxLat - latitude) / rowHeightDeg).rounded(.down)
            // Within the box by construction; clamped against rounding at the edges.
            return index.isFinite ? min(rows - 1, max(0, Int(index))) : 0
        }
    }

    /// The layer whose pixel `index` (row-major over the overlay) has `colour(index)`.
    static func layer(_ overlay: CoverageOverlay, colour: (Int) -> CoverageOverlayPalette.Colour?) throws(GDALError) -> Layer {
        let colours = (0..<(overlay.columns * overlay.rows)).map(colour)
        var pixels = [UInt8](repeating: 0, count: overlay.columns * overlay.rows * 4)
        var offset = 0
        for row in sourceRows(box: overlay.box, rows: overlay.rows) {
            for column in 0..<overlay.columns {
                if let value = colours[row * overlay.columns + column] {
                    pixels[offset] = value.red
                    pixels[offset + 1] = value.green
                    pixels[offset + 2] = value.blue
                    pixels[offset + 3] = value.alpha
                }
                offset += 4
            }
        }
        let image = try RGBAImage(width: overlay.columns, height: overlay.rows, pixels: pixels)
        return Layer(png: try image.pngBytes(), pixels: colours.reduce(0) { $0 + ($1 == nil ? 0 : 1) })
    }

    /// The layers of `overlay` coloured with `thresholds` (dBm): 4G RSRP, 5G RSRP, and the
    /// terrain shadow when the overlay has one, by key `lte`, `nr`, `shadow`.
    static func layers(_ overlay: CoverageOverlay, thresholds: (lte: Double, nr: Double)) throws(GDALError) -> [(key: String, layer: Layer)] {
        let values = overlay.values
        var layers = [
            ("lte", try layer(overlay) { index in
                CoverageOverlayPalette.rsrpClass(values.lte[index], thresholdDBm: thresholds.lte).map { CoverageOverlayPalette.rsrpColours[$0] }
            }),
            ("nr", try layer(overlay) { index in
                CoverageOverlayPalette.rsrpClass(values.nr[index], thresholdDBm: thresholds.nr).map { CoverageOverlayPalette.rsrpColours[$0] }
            }),
        ]
        if let flat = overlay.flat {
            layers.append(("shadow", try layer(overlay) { index in
                CoverageOverlayPalette.shadow(flat: (flat.lte[index], flat.nr[index]), terrain: (values.lte[index], values.nr[index]),
                                              thresholds: thresholds)
            }))
        }
        return layers.map { (key: $0.0, layer: $0.1) }
    }
}
