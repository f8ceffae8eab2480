import Foundation

/// Where elevation comes from: one file or a folder of files (docs/specs/terrain-model.md,
/// "Elevation data"): SRTM `.hgt` tiles, read on their own fast path, and single-band rasters in
/// EPSG:4326 that GDAL reads (GeoTIFF, DTED, …), which may be mixed as long as no two overlap
/// by more than an edge. In a folder, rasters are the files ending in one of
/// ``rasterExtensions``; other files, such as README or checksum files, are ignored. A single
/// file that is not `.hgt` is opened by GDAL whatever its extension.
///
/// Building a source lists the tiles and checks SRTM names and sizes and each raster's
/// bands, CRS and geotransform without reading the heights; ``ElevationTiles`` reads a tile or
/// raster the first time a point needs it.
public struct TerrainSource: Sendable {
    /// The path the user gave.
    public let path: String
    /// Each SRTM tile's file.
    public let files: [TileName: String]
    /// The rasters read through GDAL, by path.
    public let rasters: [RasterFile]

    /// A raster of the source: its file and where its posts lie.
    public struct RasterFile: Sendable, Hashable {
        /// The file.
        public let path: String
        /// Where its posts lie (its bounds are the outermost pixel centres).
        public let layout: ElevationRasterLayout
    }

    /// The extensions (lower case) of the files of a folder read as GDAL rasters: GeoTIFF,
    /// DTED levels 0–2, Esri ASCII grid, ERDAS Imagine.
    public static let rasterExtensions = ["tif", "tiff", "dt0", "dt1", "dt2", "asc", "img"]

    /// The tiles of a file or folder.
    /// - Parameter path: an `.hgt` file, a raster, or a folder holding them (not searched below).
    /// - Throws: ``TerrainError`` when the path cannot be read, holds no tile, a tile's name or
    ///   size is not SRTM's, a raster is not a single-band EPSG:4326 elevation raster, or two
    ///   files overlap.
    public init(path: String) throws(TerrainError) {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        var candidates: [String] = []
        if isFolder.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw .unreadable(path: path, reason: error.localizedDescription)
            }
            candidates = names.sorted().filter { name in
                let lowered = name.lowercased()
                return lowered.hasSuffix(".hgt") || Self.rasterExtensions.contains { lowered.hasSuffix("." + $0) }
            }.map { path + "/" + $0 }
            if candidates.isEmpty { throw .noTiles(path: path) }
        } else {
            candidates = [path]
        }
        var files: [TileName: String] = [:]
        var rasters: [RasterFile] = []
        for file in candidates {
            guard file.lowercased().hasSuffix(".hgt") else {
                rasters.append(RasterFile(path: file, layout: try ElevationRaster.inspect(file)))
                continue
            }
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            guard let name = TileName(fileName: fileName) else { throw .badTileName(file: file) }
            let bytes = try Self.byteCount(of: file)
            guard ElevationTile.size(forByteCount: bytes) != nil else { throw .wrongSize(file: file, bytes: bytes) }
            if let first = files[name] { throw .duplicateTile(first: first, second: file) }
            files[name] = file
        }
        self.files = files
        self.rasters = rasters
        try checkOverlaps()
    }

    /// The SRTM tiles, south to north, west to east.
    public var tileNames: [TileName] { files.keys.sorted() }

    /// Every file of the source: the SRTM tiles south to north, west to east, then the rasters.
    public var allFiles: [String] { tileNames.compactMap { files[$0] } + rasters.map(\.path) }

    /// Refuses two files whose areas overlap by more than an edge (SRTM tiles cannot: their
    /// names are distinct 1° cells), naming both.
    private func checkOverlaps() throws(TerrainError) {
        for (index, raster) in rasters.enumerated() {
            for name in tileNames {
                let south = Double(name.south), west = Double(name.west)
                if raster.layout.overlaps(south: south, north: south + 1, west: west, east: west + 1), let tile = files[name] {
                    throw .overlappingTiles(first: tile, second: raster.path)
                }
            }
            for other in rasters[..<index] {
                let bounds = other.layout
                if raster.layout.overlaps(south: bounds.south, north: bounds.north, west: bounds.west, east: bounds.east) {
                    throw .overlappingTiles(first: other.path, second: raster.path)
                }
            }
        }
    }

    private static func byteCount(of file: String) throws(TerrainError) -> Int {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            guard (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.intValue
            else { throw TerrainError.unreadable(path: file, reason: "not a regular file") }
            return size
        } catch let error as TerrainError {
            throw error
        } catch {
            throw .unreadable(path: file, reason: error.localizedDescription)
        }
    }
}
