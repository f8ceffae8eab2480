/// The sites placed so far in a province, bucketed into 5 km cells (larger when the frame would
/// need more than 65,536), to answer "is there a site within r km of here?" while sites are
/// added one by one.
struct SiteIndex: Sendable {
    private let cellKm: Double
    private let columns: Int
    private let rows: Int
    private var cells: [[Int32]]
    private var xs: [Double] = []
    private var ys: [Double] = []

    init(frame: LocalFrame) {
        cellKm = max(5, (frame.areaKm2 / 65_536).squareRoot())
        // Safe: at most about 65,536 cells, by the side chosen above.
        columns = max(1, Int((frame.widthKm / cellKm).rounded(.up)))
        rows = max(1, Int((frame.heightKm / cellKm).rounded(.up)))
        cells = Array(repeating: [], count: columns * rows)
    }

    mutating func insert(x: Double, y: Double) {
        let (column, row) = coordinates(x: x, y: y)
        cells[row * columns + column].append(Int32(xs.count))
        xs.append(x)
        ys.append(y)
    }

    /// True when a site lies within `radiusKm` of (x, y).
    func hasSite(near x: Double, _ y: Double, within radiusKm: Double) -> Bool {
        let low = coordinates(x: x - radiusKm, y: y - radiusKm)
        let high = coordinates(x: x + radiusKm, y: y + radiusKm)
        let limit = radiusKm * radiusKm
        for row in low.row...high.row {
            for column in low.column...high.column {
                for member in cells[row * columns + column] {
                    let dx = xs[Int(member)] - x
                    let dy = ys[Int(member)] - y
                    if dx * dx + dy * dy <= limit { return true }
                }
            }
        }
        return false
    }

    private func coordinates(x: Double, y: Double) -> (column: Int, row: Int) {
        // Safe: positions lie in the frame (or within a search radius of it).
        let column = min(max(Int((x / cellKm).rounded(.down)), 0), columns - 1)
        let row = min(max(Int((y / cellKm).rounded(.down)), 0), rows - 1)
        return (column, row)
    }
}
