/// Finds villages near a point: a grid over the villages' locations, searched in rings. Unit
/// vectors kept in the grid's order rule most villages out by their chord (no trigonometry);
/// the great-circle distance of docs/specs/radio-model.md §2 decides for the rest.
public struct VillageIndex: Sendable {
    private let grid: CellGrid
    /// The unit vectors of the grid's entries, in its order.
    private let vectors: UnitVectors
    private let locations: [PreparedLocation]

    /// Indexes `villages` (or the villages at `subset`, whose indices are then what queries return).
    public init(villages: [Village], subset: [Int]? = nil) {
        let members = subset ?? Array(villages.indices)
        locations = villages.map { PreparedLocation(lon: $0.lon, lat: $0.lat) }
        grid = CellGrid(lons: members.map { villages[$0].lon }, lats: members.map { villages[$0].lat },
                        ids: members.map { Int32($0) })
        vectors = UnitVectors(lons: grid.entries.map { villages[Int($0)].lon }, lats: grid.entries.map { villages[Int($0)].lat })
    }

    /// Squares of the index's grid (it grows with the villages, not with their spread).
    var squareCount: Int { grid.squareCount }

    /// Indices of the indexed villages within `radiusM` metres (great-circle, inclusive) of
    /// (`lon`, `lat`), ascending, with their distances.
    public func villages(within radiusM: Double, lon: Double, lat: Double) -> [(index: Int, distanceM: Double)] {
        let point = PreparedLocation(lon: lon, lat: lat)
        let vector = UnitVectors.vector(lon: lon, lat: lat)
        let chordLimit = UnitVectors.chordSquaredLimit(distanceM: radiusM)
        var found: [(index: Int, distanceM: Double)] = []
        grid.searchPositions(lon: lon, lat: lat) { lowerBound in
            lowerBound <= radiusM
        } visit: { position in
            guard vectors.chordSquared(position, vector) <= chordLimit else { return }
            let index = Int(grid.entries[position])
            let distance = locations[index].distanceM(to: point)
            if distance <= radiusM { found.append((index, distance)) }
        }
        return found.sorted { $0.index < $1.index }
    }

    /// The indexed village nearest to (`lon`, `lat`) by great-circle distance (ties: the
    /// smaller index), or nil when none is indexed.
    public func nearest(lon: Double, lat: Double) -> Int? {
        let point = PreparedLocation(lon: lon, lat: lat)
        let vector = UnitVectors.vector(lon: lon, lat: lat)
        var best = Double.infinity
        var bestChordSquared = Double.infinity
        var bestIndex = -1
        grid.searchPositions(lon: lon, lat: lat) { lowerBound in
            lowerBound <= best
        } visit: { position in
            guard vectors.chordSquared(position, vector) <= bestChordSquared else { return }
            let index = Int(grid.entries[position])
            let distance = locations[index].distanceM(to: point)
            if distance < best || (distance == best && index < bestIndex) {
                best = distance
                bestIndex = index
                bestChordSquared = UnitVectors.chordSquaredLimit(distanceM: distance)
            }
        }
        return bestIndex >= 0 ? bestIndex : nil
    }
}
