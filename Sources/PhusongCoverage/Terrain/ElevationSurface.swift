/// One piece of a terrain source in memory: an SRTM tile on its own fast path, or a raster
/// read through GDAL. Both answer heights by the contract's rule (`BilinearHeight`) and are
/// read-only, so one value serves every thread.
public enum ElevationSurface: Sendable {
    /// An SRTM `.hgt` tile.
    case tile(ElevationTile)
    /// A raster read through GDAL.
    case raster(ElevationRaster)

    /// The height at a point of the surface (docs/specs/terrain-model.md, "Height at a point").
    /// - Parameters:
    ///   - latitude: degrees, within the surface's bounds.
    ///   - longitude: degrees, within the surface's bounds.
    /// - Returns: the height in metres and whether all four posts were void.
    @inline(__always)
    public func height(latitude: Double, longitude: Double) -> (heightM: Double, allVoid: Bool) {
        switch self {
        case .tile(let tile): tile.height(latitude: latitude, longitude: longitude)
        case .raster(let raster): raster.height(latitude: latitude, longitude: longitude)
        }
    }

    /// The bytes its heights take in memory.
    var byteCount: Int {
        switch self {
        case .tile(let tile): 2 * tile.size * tile.size
        case .raster(let raster): 4 * raster.heights.count
        }
    }
}
