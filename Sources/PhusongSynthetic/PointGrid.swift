/// A fixed set of points bucketed into square cells of a frame, for radius queries in O(points
/// nearby): compressed rows (cell start offsets + point indices), no hashing. Cells are
/// `cellKm` wide unless the frame would then need more than `8 × points + 65,536` of them
/// (memory grows with the points, not with the frame); they are then enlarged, which changes
/// no answer.
struct PointGrid: Sendable {
    private let cellKm: Double
    private let columns: Int
    private let rows: Int
    private let cellStart: [Int32]
    private let members: [Int32]
    private let xs: [Double]
    private let ys: [Double]

    /// Buckets points (km) of a frame `widthKm` × `heightKm` into cells of `cellKm`.
    init(xs: [Double], ys: [Double], widthKm: Double, heightKm: Double, cellKm: Double) {
        let cellKm = max(cellKm, (widthKm * heightKm / Double(8 * xs.count + 65_536)).squareRoot())
        self.cellKm = cellKm
        // Safe: at most about 8 × points + 65,536 cells in all, by the side chosen above.
        columns = max(1, Int((widthKm / cellKm).rounded(.up)))
        rows = max(1, Int((heightKm / cellKm).rounded(.up)))
        self.xs = xs
        self.ys = ys
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOfPoint = [Int](repeating: 0, count: xs.count)
        for index in xs.indices {
            let cell = Self.cell(x: xs[index], y: ys[index], cellKm: cellKm, columns: columns, rows: rows)
            cellOfPoint[index] = cell
            counts[cell + 1] += 1
        }
        for cell in 0..<(columns * rows) {
            counts[cell + 1] += counts[cell]
        }
        var next = counts
        var members = [Int32](repeating: 0, count: xs.count)
        for index in xs.indices {
            let cell = cellOfPoint[index]
            members[Int(next[cell])] = Int32(index)
            next[cell] += 1
        }
        cellStart = counts
        self.members = members
    }

    /// Calls `body` with the index of every point within `radiusKm` of (x, y), in ascending
    /// cell order, then insertion order.
    func forEach(near x: Double, _ y: Double, within radiusKm: Double, _ body: (Int) -> Void) {
        let low = Self.cellCoordinates(x: x - radiusKm, y: y - radiusKm, cellKm: cellKm, columns: columns, rows: rows)
        let high = Self.cellCoordinates(x: x + radiusKm, y: y + radiusKm, cellKm: cellKm, columns: columns, rows: rows)
        let limit = radiusKm * radiusKm
        for row in low.row...high.row {
            for column in low.column...high.column {
                let cell = row * columns + column
                for slot in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                    let index = Int(members[slot])
                    let dx = xs[index] - x
                    let dy = ys[index] - y
                    if dx * dx + dy * dy <= limit { body(index) }
                }
            }
        }
    }

    private static func cellCoordinates(x: Double, y: Double, cellKm: Double, columns: Int, rows: Int) -> (column: Int, row: Int) {
        // Safe: positions lie in the frame (or within a search radius of it).
        let column = min(max(Int((x / cellKm).rounded(.down)), 0), columns - 1)
        let row = min(max(Int((y / cellKm).rounded(.down)), 0), rows - 1)
        return (column, row)
    }

    private static func cell(x: Double, y: Double, cellKm: Double, columns: Int, rows: Int) -> Int {
        let coordinates = cellCoordinates(x: x, y: y, cellKm: cellKm, columns: columns, rows: rows)
        return coordinates.row * columns + coordinates.column
    }
}
