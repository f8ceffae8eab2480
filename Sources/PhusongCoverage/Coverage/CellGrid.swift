import Foundation

/// A uniform lon/lat grid over points (the cells' antennas), stored compactly (CSR: one array of
/// point indices sorted by grid square, and where each square's run starts). Queries walk
/// square rings outward from a point, with a lower bound on the great-circle distance of every
/// point in a ring, so a search can stop as soon as nothing farther can matter.
///
/// Written by hand: GEOS's STRtree answers box queries but cannot stream neighbours in
/// distance order with a bound, which is what makes the coverage search exact and fast.
struct CellGrid: Sendable {
    /// Side of a square, degrees (of latitude and of longitude).
    let squareDeg: Double
    let minLon: Double
    let minLat: Double
    let columns: Int
    let rows: Int
    /// `starts[s] ..< starts[s + 1]` are the entries of square `s = row * columns + column`.
    let starts: [Int32]
    let entries: [Int32]

    /// - Parameters:
    ///   - lons, lats: the points' coordinates, degrees.
    ///   - ids: what to store for each point (e.g. its index in a larger array); by default
    ///     the point's own index.
    init(lons: [Double], lats: [Double], ids: [Int32]? = nil, squareDeg: Double) {
        self.squareDeg = squareDeg
        minLon = (lons.min() ?? 0) - squareDeg / 2
        minLat = (lats.min() ?? 0) - squareDeg / 2
        let maxLon = (lons.max() ?? 0) + squareDeg / 2
        let maxLat = (lats.max() ?? 0) + squareDeg / 2
        columns = max(1, Int(((maxLon - minLon) / squareDeg).rounded(.up)))
        rows = max(1, Int(((maxLat - minLat) / squareDeg).rounded(.up)))
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var squareOf = [Int](repeating: 0, count: lons.count)
        for index in lons.indices {
            let column = min(columns - 1, max(0, Int(((lons[index] - minLon) / squareDeg).rounded(.down))))
            let row = min(rows - 1, max(0, Int(((lats[index] - minLat) / squareDeg).rounded(.down))))
            squareOf[index] = row * columns + column
            counts[squareOf[index] + 1] += 1
        }
        for square in 0..<(columns * rows) { counts[square + 1] += counts[square] }
        var fill = counts
        var entries = [Int32](repeating: 0, count: lons.count)
        for index in lons.indices {
            let square = squareOf[index]
            entries[Int(fill[square])] = ids?[index] ?? Int32(index)
            fill[square] += 1
        }
        starts = counts
        self.entries = entries
    }

    /// The (unclamped) column and row of the square holding `lon`, `lat`; may lie outside the grid.
    func squareCoordinates(lon: Double, lat: Double) -> (column: Int, row: Int) {
        (Int(((lon - minLon) / squareDeg).rounded(.down)), Int(((lat - minLat) / squareDeg).rounded(.down)))
    }

    /// The largest Chebyshev ring around (column, row) that still touches the grid.
    func lastRing(column: Int, row: Int) -> Int {
        max(column, columns - 1 - column, row, rows - 1 - row, 0)
    }

    /// A lower bound, metres, on the great-circle distance from a point at latitude `lat` in
    /// square ring 0 to any point in a square of ring `ring` (Chebyshev distance in squares).
    ///
    /// Such a point is at least `ring - 1` whole squares away in latitude or in longitude. By
    /// the haversine formula, hav(d/R) ≥ hav(Δφ) and hav(d/R) ≥ cos φ1 cos φ2 hav(Δλ) ≥
    /// cos² φmax hav(Δλ), where φmax bounds |latitude| over both squares.
    func ringLowerBoundM(ring: Int, lat: Double) -> Double {
        guard ring >= 2 else { return 0 }
        let gap = Double(ring - 1) * squareDeg * (Double.pi / 180)
        let maxAbsLat = min(90, abs(lat) + Double(ring + 1) * squareDeg) * (Double.pi / 180)
        let byLatitude = gap
        let byLongitude = 2 * asin(min(1, cos(maxAbsLat) * sin(gap / 2)))
        return Geodesy.earthRadiusM * min(byLatitude, byLongitude)
    }

    /// Walks rings outward from (`lon`, `lat`): before each ring, `proceed` gets the ring's
    /// distance lower bound (metres) and decides whether to go on; `visit` then gets the
    /// position in `entries` of each entry of the ring (its id is `entries[position]`), so
    /// that an array kept in the grid's order (such as a group's unit vectors) is read
    /// sequentially, square after square.
    @inline(__always)
    func searchPositions(lon: Double, lat: Double, proceed: (Double) -> Bool, visit: (Int) -> Void) {
        let (column, row) = squareCoordinates(lon: lon, lat: lat)
        for ring in 0...lastRing(column: column, row: row) {
            guard proceed(ringLowerBoundM(ring: ring, lat: lat)) else { return }
            forEachPosition(ring: ring, column: column, row: row, visit)
        }
    }

    /// Calls `body` with the positions in `entries` of every square of `ring` around (column, row).
    @inline(__always)
    func forEachPosition(ring: Int, column: Int, row: Int, _ body: (Int) -> Void) {
        let firstRow = max(0, row - ring)
        let lastRow = min(rows - 1, row + ring)
        guard firstRow <= lastRow else { return }
        for r in firstRow...lastRow {
            let onEdgeRow = r == row - ring || r == row + ring
            if onEdgeRow {
                let lower = max(0, column - ring)
                let upper = min(columns - 1, column + ring)
                if lower <= upper { visit(row: r, columns: lower...upper, body) }
            } else {
                if column - ring >= 0, column - ring < columns { visit(row: r, columns: (column - ring)...(column - ring), body) }
                if ring > 0, column + ring >= 0, column + ring < columns { visit(row: r, columns: (column + ring)...(column + ring), body) }
            }
        }
    }

    @inline(__always)
    private func visit(row: Int, columns range: ClosedRange<Int>, _ body: (Int) -> Void) {
        let first = row * columns + range.lowerBound
        let last = row * columns + range.upperBound
        for position in Int(starts[first])..<Int(starts[last + 1]) { body(position) }
    }
}
