import Crypto
import Foundation
import PhusongSupport

/// The tiles and rasters of a terrain source, read on first use and kept in a bounded cache
/// shared by every thread of a run (docs/specs/terrain-model.md, "Elevation data"; issue 17:
/// only the tiles a run needs, bounded memory). A point on a shared edge is read from the SRTM
/// tile ⌊lat⌋, ⌊lon⌋ when it exists, else from its neighbour that holds the edge (neighbouring
/// tiles share their edge posts, so the choice does not change the height), else from the
/// first raster, by path, whose bounds hold it.
///
/// The cache is the only mutable state, behind a lock taken once per look-up; callers that
/// sample many points (``TerrainProfiler``) keep the piece they are on, so the lock is taken
/// about once per profile. A raster is read by the thread that first needs it, with its own
/// GDAL dataset opened and closed inside that call (datasets are never shared).
public final class ElevationTiles: @unchecked Sendable {
    /// The source the tiles come from.
    public let source: TerrainSource
    /// The most tiles and rasters kept in memory at once (an SRTM tile is about 2.9 MB at 3″,
    /// 26 MB at 1″).
    public let capacity: Int
    /// The most bytes of heights kept in memory at once (2 GiB by default); the piece a point
    /// needs is always read, evicting the least recently used ones first.
    public let byteBudget: Int

    /// A cache entry: an SRTM tile by name or a raster by its index in the source.
    private enum Key: Hashable {
        case tile(TileName)
        case raster(Int)
    }

    private let lock = NSLock()
    private var cache: [Key: (surface: ElevationSurface, bytes: Int)] = [:]
    private var lastUse: [Key: UInt64] = [:]
    private var bytesHeld = 0
    private var clock: UInt64 = 0

    /// A cache over `source`.
    /// - Parameters:
    ///   - source: the tiles available.
    ///   - capacity: the most tiles in memory at once (at least 4, so that a corner where four
    ///     tiles meet never thrashes).
    ///   - byteBudget: the most bytes of heights in memory at once.
    public init(source: TerrainSource, capacity: Int = 64, byteBudget: Int = 1 << 31) {
        self.source = source
        self.capacity = max(4, capacity)
        self.byteBudget = byteBudget
    }

    /// The tile or raster that holds a point (edges included), nil when none of the source does.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: the tile or raster.
    /// - Throws: ``TerrainError`` when its file cannot be read.
    public func surface(latitude: Double, longitude: Double) throws(TerrainError) -> ElevationSurface? {
        if let name = tileName(latitude: latitude, longitude: longitude) { return try tile(name).map { .tile($0) } }
        guard let index = source.rasters.firstIndex(where: { $0.layout.contains(latitude: latitude, longitude: longitude) }) else {
            return nil
        }
        let raster = source.rasters[index]
        return try cached(.raster(index)) { () throws(TerrainError) in
            .raster(try ElevationRaster.read(raster.path, expected: raster.layout))
        }
    }

    /// The name of the source's tile that holds a point, nil when none does.
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: the tile's name.
    public func tileName(latitude: Double, longitude: Double) -> TileName? {
        guard !source.files.isEmpty, let home = TileName(containingLatitude: latitude, longitude: longitude) else { return nil }
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

    /// The SRTM tile `name`, read from its file on first use (under the lock: a tile is read
    /// once even when many threads want it at the same time).
    /// - Parameter name: a tile of the source.
    /// - Returns: the tile, nil when the source has none of that name.
    /// - Throws: ``TerrainError`` when its file cannot be read or has changed size.
    public func tile(_ name: TileName) throws(TerrainError) -> ElevationTile? {
        guard let file = source.files[name] else { return nil }
        let surface = try cached(.tile(name)) { () throws(TerrainError) in
            .tile(try Self.read(name, file: file).get())
        }
        guard case .tile(let tile) = surface else { return nil }
        return tile
    }

    /// The entry `key`, read by `read` under the lock when it is not in memory, evicting the
    /// least recently used entries while the cache is full or would exceed ``byteBudget``
    private func cached(_ key: Key, read: () throws(TerrainError) -> ElevationSurface) throws(TerrainError) -> ElevationSurface {
        lock.lock()
        defer { lock.unlock() }
        clock += 1
        if let entry = cache[key] {
            lastUse[key] = clock
            return entry.surface
        }
        let surface = try read()
        let bytes = surface.byteCount
        while !cache.isEmpty && (cache.count >= capacity || bytesHeld + bytes > byteBudget),
              let oldest = lastUse.min(by: { $0.value < $1.value })?.key {
            bytesHeld -= cache[oldest]?.bytes ?? 0
            cache[oldest] = nil
            lastUse[oldest] = nil
        }
        cache[key] = (surface, bytes)
        lastUse[key] = clock
        bytesHeld += bytes
        return surface
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
