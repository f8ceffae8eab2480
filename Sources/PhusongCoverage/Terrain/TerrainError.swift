import PhusongSupport

/// Why elevation data cannot be read or a point has no height (docs/specs/terrain-model.md,
/// "Elevation data" and "Height at a point"). Each case names the file or the tiles.
public enum TerrainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The terrain path does not exist or cannot be listed.
    case unreadable(path: String, reason: String)
    /// The terrain path is a folder without any `.hgt` tile.
    case noTiles(path: String)
    /// An `.hgt` file whose size is not 1201² or 3601² posts of 2 bytes.
    case wrongSize(file: String, bytes: Int)
    /// A file named like a tile that is not one (`N21E105.HGT.txt` is ignored, `N2E105.hgt`
    /// is refused).
    case badTileName(file: String)
    /// Two files for the same tile.
    case duplicateTile(first: String, second: String)
    /// A raster GDAL opens that is not a usable elevation raster (several bands, no north-up
    /// geotransform, too few or too many pixels, …).
    case notElevation(file: String, reason: String)
    /// A raster whose CRS is not WGS 84 longitude/latitude (EPSG:4326), or that has none:
    /// phusong does not reproject elevation.
    case notLonLat(file: String, crs: String)
    /// Two files whose areas overlap by more than a shared edge.
    case overlappingTiles(first: String, second: String)
    /// Points outside every tile: the tiles that would hold them, as `N22E104.hgt`.
    case outsideTerrain(missingTiles: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the terrain: \(reason)"
        case .noTiles(let path):
            "\(path): no elevation tiles in this folder (*.hgt, or rasters: \(TerrainSource.rasterExtensions.map { "*.\($0)" }.joined(separator: ", ")))"
        case .wrongSize(let file, let bytes):
            "\(file): \(NumberText.grouped(bytes)) bytes is not an SRTM tile: expected 2,884,802 (1201 × 1201 posts, 3″) or 25,934,402 (3601 × 3601 posts, 1″)"
        case .badTileName(let file): "\(file): not an SRTM tile name (expected e.g. N21E105.hgt)"
        case .duplicateTile(let first, let second): "\(second): the same tile as \(first)"
        case .notElevation(let file, let reason): "\(file): not a usable elevation raster: \(reason)"
        case .notLonLat(let file, let crs):
            "\(file): the elevation raster's CRS is \(crs), not WGS 84 longitude/latitude (EPSG:4326); phusong does not reproject elevation: warp it first, e.g. gdalwarp -t_srs EPSG:4326 -r bilinear"
        case .overlappingTiles(let first, let second):
            "\(second): overlaps \(first) (elevation tiles may share edges, not areas); keep one of them"
        case .outsideTerrain(let tiles):
            "outside the terrain: no elevation for these points; missing tiles: \(tiles.joined(separator: ", "))"
        }
    }
}
