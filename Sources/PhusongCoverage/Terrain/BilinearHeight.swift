/// The contract's height between four posts (docs/specs/terrain-model.md, "Height at a
/// point"), shared by SRTM tiles (``ElevationTile``) and GDAL rasters (``ElevationRaster``) so
/// that both give the same bits for the same posts: bilinear in (lon, lat) degrees, void posts
/// among the four replaced by the mean of the non-void ones before interpolating (weights
/// unchanged), 0 m and `allVoid` when all four are void.
enum BilinearHeight {
    /// The height from the four posts around a point.
    /// - Parameters:
    ///   - z: the posts (r0, c0), (r0, c0 + 1), (r0 + 1, c0), (r0 + 1, c0 + 1), m (any value
    ///     where the post is void).
    ///   - void: which of the four are void, in the same order.
    ///   - rowWeight: the point's row position minus r0 (0 … 1 inside the grid).
    ///   - columnWeight: its column position minus c0.
    /// - Returns: the height in metres and whether all four posts were void.
    @inline(__always)
    static func height(
        _ z: (Double, Double, Double, Double), void: (Bool, Bool, Bool, Bool), rowWeight: Double, columnWeight: Double
    ) -> (heightM: Double, allVoid: Bool) {
        let voids = (void.0 ? 1 : 0) + (void.1 ? 1 : 0) + (void.2 ? 1 : 0) + (void.3 ? 1 : 0)
        if voids == 4 { return (0, true) }
        var z = z
        if voids > 0 {
            var sum = 0.0
            if !void.0 { sum += z.0 }
            if !void.1 { sum += z.1 }
            if !void.2 { sum += z.2 }
            if !void.3 { sum += z.3 }
            let mean = sum / Double(4 - voids)
            if void.0 { z.0 = mean }
            if void.1 { z.1 = mean }
            if void.2 { z.2 = mean }
            if void.3 { z.3 = mean }
        }
        let north = z.0 * (1 - columnWeight) + z.1 * columnWeight
        let south = z.2 * (1 - columnWeight) + z.3 * columnWeight
        return (north * (1 - rowWeight) + south * rowWeight, false)
    }

    /// ⌊position⌋ clamped to 0 … limit (no trap for any value, NaN included).
    /// - Parameters:
    ///   - position: a row or column position in posts.
    ///   - limit: N − 2 for N posts along the axis.
    /// - Returns: r0 or c0.
    @inline(__always)
    static func cell(_ position: Double, limit: Int) -> Int {
        guard position > 0 else { return 0 }
        return position < Double(limit) ? Int(position) : limit
    }
}
