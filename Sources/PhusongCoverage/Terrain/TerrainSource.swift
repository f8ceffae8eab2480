import Foundation

/// Where elevation comes from: one `.hgt` file or a folder of them (docs/specs/terrain-model.md,
/// "Elevation data": other files in the folder, such as README or checksum files, are ignored).
/// Building a source lists the tiles and checks their names and sizes without reading them;
/// ``ElevationTiles`` reads a tile the first time a point needs it.
public struct TerrainSource: Sendable {
    /// The path the user gave.
    public let path: String
    /// Each tile's file.
    public let files: [TileName: String]

    /// The tiles of a file or folder.
    /// - Parameter path: an `.hgt` file or a folder holding `.hgt` files (not searched below).
    /// - Throws: ``TerrainError`` when the path cannot be read, holds no tile, or a tile's name or
    ///   size is not SRTM's.
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
            candidates = names.sorted().filter { $0.lowercased().hasSuffix(".hgt") }.map { path + "/" + $0 }
            if candidates.isEmpty { throw .noTiles(path: path) }
        } else {
            candidates = [path]
        }
        var files: [TileName: String] = [:]
        for file in candidates {
            let fileName = URL(fileURLWithPath: file).lastPathComponent
            guard let name = TileName(fileName: fileName) else { throw .badTileName(file: file) }
            let bytes = try Self.byteCount(of: file)
            guard ElevationTile.size(forByteCount: bytes) != nil else { throw .wrongSize(file: file, bytes: bytes) }
            if let first = files[name] { throw .duplicateTile(first: first, second: file) }
            files[name] = file
        }
        self.files = files
    }

    /// The tiles, south to north, west to east.
    public var tileNames: [TileName] { files.keys.sorted() }

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
