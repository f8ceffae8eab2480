import Foundation
import PhusongCoverage

/// Connected villages aggregated to a square lon/lat grid, so that a national run (100,000+
/// villages) draws as a few thousand cells. Each cell counts its villages with 5G coverage
/// (4G+5G or 5G only) and with 4G only; the page colours a cell by its share with 5G and
/// shades it by its number of villages.
struct HTMLDensityGrid: Encodable, Sendable, Hashable {
    /// Side of a cell, degrees.
    var cellDeg: Double
    /// Side of a cell, frame units.
    var cell: Int
    /// Flat `[column, row, villages with 5G, villages with 4G only, …]`, by row then column;
    /// cell (column, row) spans frame units `column·cell ..< (column+1)·cell` east and the same
    /// north.
    var cells: [Int]
    /// The largest number of villages in one cell.
    var maxVillages: Int

    /// Cell sides the grid chooses from, degrees.
    static let steps = [0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0]

    /// Aims at about 250 cells along the larger side of the villages' extent (a cell is then
    /// 3–4 pixels on a full-width map): 0.01° (≈1.1 km) for a few provinces, 0.05° (≈5.5 km)
    /// for the whole country.
    static let cellsAcross = 250.0

    init(villages: [Village], coverage: [VillageCoverage], frame: HTMLMapFrame) {
        var minLon = Double.infinity, maxLon = -Double.infinity, minLat = Double.infinity, maxLat = -Double.infinity
        for village in villages {
            minLon = min(minLon, village.lon); maxLon = max(maxLon, village.lon)
            minLat = min(minLat, village.lat); maxLat = max(maxLat, village.lat)
        }
        let span = villages.isEmpty ? 0 : max((maxLon - minLon) * frame.kx, maxLat - minLat)
        let wanted = span / Self.cellsAcross
        // The step nearest to the wanted side on a log scale.
        cellDeg = wanted > 0 ? Self.steps.min { abs(log($0 / wanted)) < abs(log($1 / wanted)) } ?? Self.steps[0] : Self.steps[0]
        // Safe: `cellDeg` is one of `steps`.
        cell = Int((cellDeg * HTMLMapFrame.unitsPerDegree).rounded())

        var counts: [Int: (with5G: Int, only4G: Int)] = [:]
        let columns = frame.width / cell + 1
        for (village, result) in zip(villages, coverage) where result.connected {
            let x = frame.x(village.lon), y = frame.y(village.lat)
            guard frame.contains(x: x, y: y) else { continue }
            let key = (y / cell) * columns + x / cell
            if result.covered5G { counts[key, default: (0, 0)].with5G += 1 } else { counts[key, default: (0, 0)].only4G += 1 }
        }
        var flat: [Int] = []
        flat.reserveCapacity(counts.count * 4)
        var largest = 0
        for key in counts.keys.sorted() {
            let count = counts[key] ?? (0, 0)
            flat += [key % columns, key / columns, count.with5G, count.only4G]
            largest = max(largest, count.with5G + count.only4G)
        }
        cells = flat
        maxVillages = largest
    }
}
