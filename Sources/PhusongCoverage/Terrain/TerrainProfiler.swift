/// Samples terrain profiles from transmitter to receiver into a caller's buffer
/// (docs/specs/terrain-model.md, "Profile from cell (transmitter) to village (receiver)"):
/// point i = 0 … n at lat_i = lat_tx + (lat_rx − lat_tx)·i/n, lon_i = lon_tx + Δlon·i/n, the
/// end points exact, the height of each from ``ElevationSurface/height(latitude:longitude:)``.
/// Shared by every thread (the tiles are read-only); each thread keeps its own buffer, which
/// grows to the longest profile once and is then reused, so sampling allocates nothing.
public struct TerrainProfiler: Sendable {
    /// The tiles heights come from.
    public let tiles: ElevationTiles
    /// s, `profile_step_m`, the longest spacing between samples, m.
    public let stepM: Double

    /// A profiler over `tiles` with sample spacing at most `stepM`.
    /// - Parameters:
    ///   - tiles: the elevation tiles.
    ///   - stepM: s, m (the contract's default is 90 m).
    public init(tiles: ElevationTiles, stepM: Double = 90) {
        self.tiles = tiles
        self.stepM = stepM
    }

    /// What one sampled profile is, beside its heights.
    public struct Profile: Sendable, Hashable {
        /// d, the clamped haversine distance, m.
        public var distanceM: Double
        /// n, the number of intervals (the buffer holds n + 1 heights).
        public var intervals: Int
        /// d / n, m.
        public var spacingM: Double
        /// Samples whose four posts were all void (height 0 m).
        public var voidSamples: Int
    }

    /// Samples the profile from (`txLatitude`, `txLongitude`) to (`rxLatitude`, `rxLongitude`).
    /// - Parameters:
    ///   - txLatitude: transmitter latitude, degrees.
    ///   - txLongitude: transmitter longitude, degrees.
    ///   - rxLatitude: receiver latitude, degrees.
    ///   - rxLongitude: receiver longitude, degrees.
    ///   - heights: replaced by z_0 … z_n, m (its capacity is kept between calls).
    /// - Returns: the distance, the intervals, the spacing and the all-void count.
    /// - Throws: ``TerrainError/outsideTerrain(missingTiles:)`` naming every missing tile the
    ///   path crosses, or a tile's read error.
    public func profile(
        txLatitude: Double, txLongitude: Double, rxLatitude: Double, rxLongitude: Double, into heights: inout [Double]
    ) throws(TerrainError) -> Profile {
        let d = ProfileGeometry.distanceM(latitude1: txLatitude, longitude1: txLongitude, latitude2: rxLatitude, longitude2: rxLongitude)
        let n = ProfileGeometry.intervals(distanceM: d, stepM: stepM)
        let latitudeDifference = rxLatitude - txLatitude
        let longitudeDifference = ProfileGeometry.longitudeDifference(from: txLongitude, to: rxLongitude)
        heights.removeAll(keepingCapacity: true)
        heights.reserveCapacity(n + 1)
        // The piece the path is on, unpacked: an SRTM tile (the common case) or a raster. Testing
        // and sampling the tile directly, not through `ElevationSurface`, keeps the per-sample
        // work at the tile's own (switching on the enum per sample cost 30 % of a terrain run).
        var tile: ElevationTile?
        var raster: ElevationRaster?
        var voids = 0
        var missing: Set<TileName> = []
        for i in 0...n {
            let latitude: Double
            let longitude: Double
            if i == 0 {
                (latitude, longitude) = (txLatitude, txLongitude)
            } else if i == n {
                (latitude, longitude) = (rxLatitude, rxLongitude)
            } else {
                latitude = txLatitude + latitudeDifference * Double(i) / Double(n)
                longitude = ProfileGeometry.normalizedLongitude(txLongitude + longitudeDifference * Double(i) / Double(n))
            }
            let inside = if let tile { tile.strictlyContains(latitude: latitude, longitude: longitude) }
                else if let raster { raster.layout.strictlyContains(latitude: latitude, longitude: longitude) } else { false }
            if !inside {
                switch try tiles.surface(latitude: latitude, longitude: longitude) {
                case .tile(let found)?: (tile, raster) = (found, nil)
                case .raster(let found)?: (tile, raster) = (nil, found)
                case nil: (tile, raster) = (nil, nil)
                }
            }
            let sample: (heightM: Double, allVoid: Bool)
            if let tile {
                sample = tile.height(latitude: latitude, longitude: longitude)
            } else if let raster {
                sample = raster.height(latitude: latitude, longitude: longitude)
            } else {
                missing.insert(TileName(containingLatitude: latitude, longitude: longitude) ?? TileName(south: 0, west: 0))
                heights.append(0)
                continue
            }
            if sample.allVoid { voids += 1 }
            heights.append(sample.heightM)
        }
        if !missing.isEmpty { throw .outsideTerrain(missingTiles: missing.sorted().map(\.fileName)) }
        return Profile(distanceM: d, intervals: n, spacingM: d / Double(n), voidSamples: voids)
    }
}
