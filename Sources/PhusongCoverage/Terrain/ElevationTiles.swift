import Crypto
import Foundation
import PhusongSupport

/// The tiles of a terrain source, read on first use and kept in a bounded cache shared by every
/// thread of a run (docs/specs/terrain-model.md, "Elevation data"; issue 17: only the tiles a run
/// needs, bounded memory). A point on a shared edge is read from the tile ⌊lat⌋, ⌊lon⌋ when it
/// exists, else from its neighbour that holds the edge: neighbouring tiles share their edge
/// posts, so the choice does not change the height.
///
/// The cache is the only mutable state, behind a lock taken once per tile look-up; callers that
/// sample many points (``TerrainProfiler``) keep the tile they are on, so the lock is taken
/// about once per profile.
public final class ElevationTiles: @unchecked Sendable {
    /// The source the tiles come from.
    public let source: TerrainSource
    /// The most tiles kept in memory at once (about 2.9 MB each at 3″, 26 MB at 1″).
    public let capacity: Int

    private let lock = NSLock()
    private var cache: [TileName: ElevationTile] = [:]
    private var lastUse: [TileName: UInt64] = [:]
    private var clock: UInt64 = 0

    /// A cache over `source`.
    /// - Parameters:
    ///   - source: the tiles available.
    ///   - capacity: the most tiles in memory at once (at least 4, so that a corner where four
    ///     tiles meet never thrashes).
    public init(source: TerrainSource, capacity: Int = 64) {
        self.source = source
        self.capacity = max(4, capacity)
    }

    /// The tile that holds a point (edges included), nil when no tile of the source does.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: the tile.
    /// - Throws: ``TerrainError`` when the tile's file cannot be read.
    public func tile(latitude: Double, longitude: Double) throws(TerrainError) -> ElevationTile? {
        guard let name = tileName(latitude: latitude, longitude: longitude) else { return nil }
        return try tile(name)
    }

    /// The name of the source's tile that holds a point, nil when none does.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: the tile's name.
    public func tileName(latitude: Double, longitude: Double) -> TileName? {
        guard let home = TileName(containingLatitude: latitude, longitude: longitude) else { return nil }
        let southEdge = Double(home.south) == latitude
        let westEdge = Double(home.west) == longitude
        let candidates = [
            home,
            southEdge ? TileName(south: home.south - 1, west: home.west) : nil,
            westEdge ? TileName(south: home.south, west: home.west - 1) : nil,
            southEdge && westEdge ? TileName(south: home.south - 1, west: home.west - 1) : nil,
        ]
        for case let name? in candidates where source.files[name] != nil {
            // A point at 90° N or 180° E lies on the edge of the tile below or to the west.
            let south = Double(name.south), west = Double(name.west)
            if latitude >= south && latitude <= south + 1 && longitude >= west && longitude <= west + 1 { return name }
        }
        return nil
    }

    /// The tile `name`, read from its file on first use (under the lock: a tile is read once
    /// even when many threads want it at the same time).
    /// - Parameter name: a tile of the source.
    /// - Returns: the tile, nil when the source has none of that name.
    /// - Throws: ``TerrainError`` when its file cannot be read or has changed size.
    public func tile(_ name: TileName) throws(TerrainError) -> ElevationTile? {
        guard let file = source.files[name] else { return nil }
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let tile = cache[name] {
            lastUse[name] = clock
            return tile
        }
        let tile = try Self.read(name, file: file).get()
        if cache.count >= capacity, let oldest = lastUse.min(by: { $0.value < $1.value })?.key {
            cache[oldest] = nil
            lastUse[oldest] = nil
        }
        cache[name] = tile
        lastUse[name] = clock
        return tile
    }

    /// The tiles read so far and still in memory.
    public var loadedTileCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return cache.count
    }

    private static func read(_ name: TileName, file: String) -> Result<ElevationTile, TerrainError> {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) } catch {
            return .failure(.unreadable(path: file, reason: error.localizedDescription))
        }
        guard let tile = ElevationTile(name: name, bigEndianPosts: data) else {
            return .failure(.wrongSize(file: file, bytes: data.count))
        }
        // The summary lists each tile read with its SHA-256, like every other input.
        FileChecksum.record(NumberText.hexadecimal(SHA256.hash(data: data)), path: file)
        return .success(tile)
    }
}
