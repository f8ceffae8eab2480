import Foundation

/// A uniform lon/lat grid over points (villages, for ``VillageIndex``), stored compactly
/// (CSR: one array of point indices sorted by grid square, and where each square's run
/// starts). Queries walk square rings outward from a point, with a lower bound on the
/// great-circle distance of every point in a ring, so a search can stop as soon as nothing
/// farther can matter.
///
/// Longitude wraps: squares are numbered around each parallel from −180° (`period` squares
/// make the full circle), and a ring that crosses ±180° continues on the other side, so a
/// cell 110 m east of the antimeridian is found from a village 110 m west of it. The grid
/// stores only the window of columns and rows that holds points (the shortest arc of
/// longitude covering them, and their band of latitude).
///
/// Memory grows with the number of points, not with their spread: squares are
/// ``finestSquareDeg`` wide (0.01°, about 1.1 km) unless the window would then hold more than
/// ``maxSquares(points:)``, in which case the side doubles until it does not. The national
/// scenario's villages keep the finest side; points at the world's corners get coarse squares
/// instead of a grid of 648 million. (The coverage engine searches cells in a ``CellTree``.)
///
/// Written by hand: GEOS's STRtree answers box queries but cannot stream neighbours in
/// distance order with a bound, which is what makes the coverage search exact and fast.
struct CellGrid: Sendable {
    /// The side searches prefer, degrees.
    static let finestSquareDeg = 0.01
    /// Squares allowed per point, and squares allowed whatever the point count.
    static let squaresPerPoint = 8
    static let baseSquares = 1 << 16

    /// The most squares a grid over `points` points may have.
    static func maxSquares(points: Int) -> Int { squaresPerPoint * points + baseSquares }

    /// Side of a square, degrees (of latitude and of longitude): 360° / `period`.
    let squareDeg: Double
    /// Squares around a parallel.
    let period: Int
    /// The first stored column, counted eastward from −180° (0 ..< `period`); stored column
    /// `c` is column `(firstColumn + c) mod period`.
    let firstColumn: Int
    /// The first stored row, counted northward from −90°.
    let firstRow: Int
    let columns: Int
    let rows: Int
    /// `starts[s] ..< starts[s + 1]` are the entries of square `s = row * columns + column`.
    let starts: [Int32]
    let entries: [Int32]

    var squareCount: Int { columns * rows }

    /// - Parameters:
    ///   - lons, lats: the points' coordinates, degrees (longitude −180...180, latitude
    ///     −90...90, as the loaders check).
    ///   - ids: what to store for each point (e.g. its index in a larger array); by default
    ///     the point's own index.
    init(lons: [Double], lats: [Double], ids: [Int32]? = nil) {
        let maxSquares = Self.maxSquares(points: lons.count)
        var layout = Layout(period: Int((360 / Self.finestSquareDeg).rounded()), lons: lons, lats: lats)
        while layout.columns * layout.rows > maxSquares, layout.period > 1 {
            layout = Layout(period: layout.period % 2 == 0 ? layout.period / 2 : (layout.period + 1) / 2, lons: lons, lats: lats)
        }
        squareDeg = layout.squareDeg
        period = layout.period
        firstColumn = layout.firstColumn
        firstRow = layout.firstRow
        columns = layout.columns
        rows = layout.rows
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var squareOf = [Int](repeating: 0, count: lons.count)
        for index in lons.indices {
            let column = (layout.pointColumns[index] - firstColumn + period) % period
            squareOf[index] = (layout.pointRows[index] - firstRow) * columns + column
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

    /// The window of squares over some points for one square side.
    private struct Layout {
        let period: Int
        let squareDeg: Double
        /// Each point's column (counted from −180°) and row (from −90°).
        let pointColumns: [Int]
        let pointRows: [Int]
        var firstColumn = 0
        var firstRow = 0
        var columns = 1
        var rows = 1

        init(period: Int, lons: [Double], lats: [Double]) {
            self.period = period
            let squareDeg = 360 / Double(period)
            self.squareDeg = squareDeg
            pointColumns = lons.map { CellGrid.column(lon: $0, squareDeg: squareDeg, period: period) }
            pointRows = lats.map { CellGrid.row(lat: $0, squareDeg: squareDeg) }
            guard let lowestRow = pointRows.min(), let highestRow = pointRows.max() else { return }
            firstRow = lowestRow
            rows = highestRow - lowestRow + 1
            // The shortest arc holding every occupied column: the complement of the longest
            // run of empty columns around the circle.
            var occupied = [Bool](repeating: false, count: period)
            for column in pointColumns { occupied[column] = true }
            guard let someColumn = occupied.firstIndex(of: true) else { return }
            var longestGap = 0, gapEnd = someColumn
            var gap = 0
            for step in 1...period {
                let column = (someColumn + step) % period
                if occupied[column] {
                    if gap > longestGap { (longestGap, gapEnd) = (gap, column) }
                    gap = 0
                } else {
                    gap += 1
                }
            }
            firstColumn = gapEnd
            columns = period - longestGap
        }
    }

    /// The column of `lon` counted eastward from −180°, in 0 ..< `period` (any finite
    /// longitude, wrapped).
    private static func column(lon: Double, squareDeg: Double, period: Int) -> Int {
        let column = checkedIndex((lon + 180) / squareDeg) % period
        return column < 0 ? column + period : column
    }

    /// The row of `lat` counted northward from −90°.
    private static func row(lat: Double, squareDeg: Double) -> Int {
        checkedIndex((lat + 90) / squareDeg)
    }

    /// ⌊value⌋ as an index, clamped to ±10⁹ (0 for NaN) so that the conversion cannot trap
    /// whatever the coordinates: valid ones give at most 36,000 columns or 18,001 rows.
    private static func checkedIndex(_ value: Double) -> Int {
        guard value == value else { return 0 }
        return Int(min(1e9, max(-1e9, value.rounded(.down))))
    }

    /// The square holding `lon`, `lat` as (stored column 0 ..< `period`, row relative to the
    /// first stored row); both may lie outside the stored window.
    func squareCoordinates(lon: Double, lat: Double) -> (column: Int, row: Int) {
        let column = Self.column(lon: lon, squareDeg: squareDeg, period: period)
        return ((column - firstColumn + period) % period, Self.row(lat: lat, squareDeg: squareDeg) - firstRow)
    }

    /// The largest ring around (column, row) that still holds a stored square: rows are plain
    /// distances, columns are distances around the circle (at most `period / 2`).
    func lastRing(column: Int, row: Int) -> Int {
        let antipode = (column + period / 2) % period
        let acrossColumns = antipode < columns
            ? period / 2 : max(cyclicDistance(column, 0), cyclicDistance(column, columns - 1))
        return max(row, rows - 1 - row, acrossColumns, 0)
    }

    private func cyclicDistance(_ a: Int, _ b: Int) -> Int {
        let forward = (a - b + period) % period
        return min(forward, period - forward)
    }

    /// A lower bound, metres, on the great-circle distance from a point at latitude `lat` in
    /// square ring 0 to any point in a square of ring `ring` (Chebyshev distance in squares,
    /// around the circle for columns).
    ///
    /// Such a point is at least `ring - 1` whole squares away in latitude or in longitude (at
    /// most 180°, as columns are counted the short way round). By the haversine formula,
    /// hav(d/R) ≥ hav(Δφ) and hav(d/R) ≥ cos φ1 cos φ2 hav(Δλ) ≥ cos² φmax hav(Δλ), where φmax
    /// bounds |latitude| over both squares. Shrunk by 10⁻⁹ against the rounding of square
    /// boundaries.
    func ringLowerBoundM(ring: Int, lat: Double) -> Double {
        guard ring >= 2 else { return 0 }
        let gap = Double(ring - 1) * squareDeg * (Double.pi / 180)
        let maxAbsLat = min(90, abs(lat) + Double(ring + 1) * squareDeg) * (Double.pi / 180)
        let byLatitude = gap
        let byLongitude = 2 * asin(min(1, cos(maxAbsLat) * sin(gap / 2)))
        return Geodesy.earthRadiusM * min(byLatitude, byLongitude) * (1 - 1e-9)
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

    /// Calls `body` with the positions in `entries` of every square of `ring` around (column,
    /// row). Columns are taken the short way round the circle, each once: at most
    /// `period / 2` westward and `(period - 1) / 2` eastward.
    @inline(__always)
    func forEachPosition(ring: Int, column: Int, row: Int, _ body: (Int) -> Void) {
        let firstRow = max(0, row - ring)
        let lastRow = min(rows - 1, row + ring)
        guard firstRow <= lastRow else { return }
        guard column - ring >= columns - period, column + ring < period else {
            forEachPositionAcrossTheWrap(ring: ring, column: column, row: row, rows: firstRow...lastRow, body)
            return
        }
        // The ring's columns, unwrapped, are stored where they lie in 0 ..< columns (those
        // below 0 are past the window's end once wrapped): plain clipping suffices.
        for r in firstRow...lastRow {
            let onEdgeRow = r == row - ring || r == row + ring
            if onEdgeRow {
                let lower = max(0, column - ring)
                let upper = min(columns - 1, column + ring)
                if lower <= upper { visitRun(row: r, from: lower, through: upper, body) }
            } else {
                if column - ring >= 0, column - ring < columns { visitRun(row: r, from: column - ring, through: column - ring, body) }
                if ring > 0, column + ring >= 0, column + ring < columns { visitRun(row: r, from: column + ring, through: column + ring, body) }
            }
        }
    }

    /// ``forEachPosition(ring:column:row:_:)`` for a ring that reaches past ±180° into the
    /// window or around the whole circle.
    private func forEachPositionAcrossTheWrap(ring: Int, column: Int, row: Int, rows: ClosedRange<Int>, _ body: (Int) -> Void) {
        let west = min(ring, period / 2)
        let east = min(ring, (period - 1) / 2)
        for r in rows {
            if r == row - ring || r == row + ring {
                visit(row: r, from: column - west, through: column + east, body)
            } else {
                if west == ring { visit(row: r, column: column - ring, body) }
                if ring > 0, east == ring { visit(row: r, column: column + ring, body) }
            }
        }
    }

    /// Visits the stored squares of columns `first ... last` (unwrapped, fewer than `period`
    /// of them, within half a circle of 0 ..< period) in `row`.
    @inline(__always)
    private func visit(row: Int, from first: Int, through last: Int, _ body: (Int) -> Void) {
        if first >= 0, last < period {
            visitStored(row: row, from: first, through: last, body)
            return
        }
        // The run crosses the start of the numbering: split it where it wraps.
        if first < 0 { visitStored(row: row, from: first + period, through: min(last, -1) + period, body) }
        visitStored(row: row, from: max(first, 0), through: min(last, period - 1), body)
        if last >= period { visitStored(row: row, from: max(first, period) - period, through: last - period, body) }
    }

    @inline(__always)
    private func visit(row: Int, column: Int, _ body: (Int) -> Void) {
        let wrapped = column < 0 ? column + period : (column >= period ? column - period : column)
        visitStored(row: row, from: wrapped, through: wrapped, body)
    }

    /// Visits stored columns `first ... last` of `row` that exist (columns past the window
    /// hold nothing); `first` ≥ 0.
    @inline(__always)
    private func visitStored(row: Int, from first: Int, through last: Int, _ body: (Int) -> Void) {
        let upper = min(last, columns - 1)
        if first <= upper { visitRun(row: row, from: first, through: upper, body) }
    }

    /// Visits stored columns `first ... last` of `row`, all in the window.
    @inline(__always)
    private func visitRun(row: Int, from first: Int, through last: Int, _ body: (Int) -> Void) {
        let start = row * columns
        for position in Int(starts[start + first])..<Int(starts[start + last + 1]) { body(position) }
    }
}
