import Foundation
import GEOSKit
import PhusongCoverage

/// The map's coordinate frame: positions are integers, thousandths of a degree (about 110 m)
/// east and north of the frame's south-west corner, which keeps the embedded data small.
/// The page projects them equirectangularly, x scaled by `kx` = cos(middle latitude).
struct HTMLMapFrame: Sendable, Hashable {
    static let unitsPerDegree = 1_000.0

    /// South-west corner, in units from (0°, 0°).
    var originX: Int
    var originY: Int
    /// Extent, units.
    var width: Int
    var height: Int
    /// cos(middle latitude), rounded to 6 decimals.
    var kx: Double

    /// The frame around `extent` (lon/lat degrees) with a small margin; a frame around
    /// Vietnam when `extent` is nil or empty.
    init(extent: Envelope?) {
        var box = extent ?? Envelope(minX: 102.1, minY: 8.4, maxX: 109.5, maxY: 23.4)
        if box.isEmpty { box = Envelope(minX: 102.1, minY: 8.4, maxX: 109.5, maxY: 23.4) }
        let margin = max(0.02, 0.02 * max(box.width, box.height))
        let scale = Self.unitsPerDegree
        // Saturating: boundary files may hold any coordinates.
        originX = Int(saturating: (box.minX - margin) * scale, rounding: .down)
        originY = Int(saturating: (box.minY - margin) * scale, rounding: .down)
        width = Int(saturating: (box.maxX + margin) * scale, rounding: .up) - originX
        height = Int(saturating: (box.maxY + margin) * scale, rounding: .up) - originY
        let middleLat = (box.minY + box.maxY) / 2
        kx = (cos(middleLat * .pi / 180) * 1e6).rounded() / 1e6
    }

    /// The frame around the boundaries (islands included) and every village.
    static func covering(_ run: CoverageRun) -> HTMLMapFrame {
        var extent = run.inputs.boundaries?.extent
        for village in run.inputs.scenario.villages {
            let point = Envelope(x: village.lon, y: village.lat)
            extent = extent.map { $0.union(point) } ?? point
        }
        return HTMLMapFrame(extent: extent)
    }

    func x(_ lon: Double) -> Int { Int(saturating: lon * Self.unitsPerDegree) - originX }
    func y(_ lat: Double) -> Int { Int(saturating: lat * Self.unitsPerDegree) - originY }

    func contains(x: Int, y: Int) -> Bool { (0...width).contains(x) && (0...height).contains(y) }
}
