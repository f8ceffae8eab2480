/// Finds villages near a point: a grid over the villages' locations, searched in rings with
/// exact great-circle distances.
public struct VillageIndex: Sendable {
    private let grid: CellGrid
    private let locations: [PreparedLocation]

    /// Indexes `villages` (or the villages at `subset`, whose indices are then what queries return).
    public init(villages: [Village], subset: [Int]? = nil) {
        let members = subset ?? Array(villages.indices)
        locations = villages.map { PreparedLocation(lon: $0.lon, lat: $0.lat) }
        grid = CellGrid(lons: members.map { villages[$0].lon }, lats: members.map { villages[$0].lat },
                        ids: members.map { Int32($0) }, squareDeg: CoverageEngine.gridSquareDeg)
    }

    /// Indices of the indexed villages within `radiusM` metres (great-circle, inclusive) of
    /// (`lon`, `lat`), ascending, with their distances.
    public func villages(within radiusM: Double, lon: Double, lat: Double) -> [(index: Int, distanceM: Double)] {
        let point = PreparedLocation(lon: lon, lat: lat)
        var found: [(index: Int, distanceM: Double)] = []
        grid.search(lon: lon, lat: lat) { lowerBound in
            lowerBound <= radiusM
        } visit: { index in
            let distance = locations[index].distanceM(to: point)
            if distance <= radiusM { found.append((index, distance)) }
        }
        return found.sorted { $0.index < $1.index }
    }

    /// The indexed village nearest to (`lon`, `lat`) by great-circle distance (ties: the
    /// smaller index), or nil when none is indexed.
    public func nearest(lon: Double, lat: Double) -> Int? {
        let point = PreparedLocation(lon: lon, lat: lat)
        var best = Double.infinity
        var bestIndex = -1
        grid.search(lon: lon, lat: lat) { lowerBound in
            lowerBound <= best
        } visit: { index in
            let distance = locations[index].distanceM(to: point)
            if distance < best || (distance == best && index < bestIndex) {
                best = distance
                bestIndex = index
            }
        }
        return bestIndex >= 0 ? bestIndex : nil
    }
}
