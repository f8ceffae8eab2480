/// Finds, for a point, the nearest village by great-circle distance (ties: the village that
/// comes first in the file), on a `CellGrid` over the villages.
struct NearestVillage: Sendable {
    private let grid: CellGrid
    private let locations: [PreparedLocation]

    init(villages: [Village]) {
        locations = villages.map { PreparedLocation(lon: $0.lon, lat: $0.lat) }
        grid = CellGrid(lons: villages.map(\.lon), lats: villages.map(\.lat), squareDeg: CoverageEngine.gridSquareDeg)
    }

    /// Index of the nearest village to (`lon`, `lat`), or nil when there are no villages.
    func nearest(lon: Double, lat: Double) -> Int? {
        guard !locations.isEmpty else { return nil }
        let point = PreparedLocation(lon: lon, lat: lat)
        let (column, row) = grid.squareCoordinates(lon: lon, lat: lat)
        var best = Double.infinity
        var bestIndex = -1
        for ring in 0...grid.lastRing(column: column, row: row) {
            if grid.ringLowerBoundM(ring: ring, lat: lat) > best { break }
            grid.forEachEntry(ring: ring, column: column, row: row) { index in
                let distance = locations[index].distanceM(to: point)
                if distance < best || (distance == best && index < bestIndex) {
                    best = distance
                    bestIndex = index
                }
            }
        }
        return bestIndex >= 0 ? bestIndex : nil
    }
}
