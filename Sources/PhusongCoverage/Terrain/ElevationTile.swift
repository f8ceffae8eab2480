import Foundation

/// One SRTM tile in memory: N × N posts, row 0 at the northern edge, column 0 at the western
/// edge, post (r, c) at lat = south + 1 − r·Δ, lon = west + c·Δ with Δ = 1/(N − 1) degrees;
/// heights in metres above the EGM96 geoid, −32768 for a void (docs/specs/terrain-model.md,
/// "Elevation data"). Read once from its file (big-endian 16-bit posts) and then only read, so
/// one value serves every thread.
public struct ElevationTile: Sendable {
    /// The tile's cell.
    public let name: TileName
    /// N, posts per row and per column (1201 for 3″, 3601 for 1″).
    public let size: Int
    /// The posts, row by row, in native byte order.
    let posts: [Int16]
    /// Δ, degrees between neighbouring posts.
    let spacingDegrees: Double

    /// The value that marks a void post.
    public static let void: Int16 = -32768
    /// The sizes SRTM tiles come in: 3″ (1201) and 1″ (3601).
    public static let sizes = [1201, 3601]

    /// A tile from its big-endian file contents.
    /// - Parameters:
    ///   - name: the tile's cell.
    ///   - data: the file's bytes: N² posts of 2 bytes, N one of ``sizes``.
    /// - Returns: nil when the byte count is not that of a tile.
    public init?(name: TileName, bigEndianPosts data: Data) {
        guard let size = Self.size(forByteCount: data.count) else { return nil }
        self.name = name
        self.size = size
        spacingDegrees = 1.0 / Double(size - 1)
        posts = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int16] in
            (0..<(size * size)).map { (index: Int) -> Int16 in
                Int16(bitPattern: UInt16(raw[2 * index]) << 8 | UInt16(raw[2 * index + 1]))
            }
        }
    }

    /// N for a file of `byteCount` bytes, nil when it is not 2·1201² or 2·3601².
    /// - Parameter byteCount: the file's size in bytes.
    /// - Returns: the posts per side.
    public static func size(forByteCount byteCount: Int) -> Int? {
        sizes.first { 2 * $0 * $0 == byteCount }
    }

    /// The raw post at row `row` (from the north) and column `column` (from the west); −32768
    /// for a void.
    /// - Parameters:
    ///   - row: 0 … N − 1.
    ///   - column: 0 … N − 1.
    /// - Returns: the height, m, or the void marker.
    public func post(row: Int, column: Int) -> Int16 { posts[row * size + column] }

    /// The number of void posts.
    public var voidPosts: Int { posts.reduce(0) { $0 + ($1 == Self.void ? 1 : 0) } }

    /// Whether the point lies in the tile; edges included (closed bounds).
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: true on or inside the edges.
    public func contains(latitude: Double, longitude: Double) -> Bool {
        let south = Double(name.south), west = Double(name.west)
        return latitude >= south && latitude <= south + 1 && longitude >= west && longitude <= west + 1
    }

    /// Inside the tile and off its edges (a point on an edge is looked up again, so that it is
    /// always read from the same piece whatever the path's previous point).
    /// - Parameters:
    ///   - latitude: degrees.
    ///   - longitude: degrees.
    /// - Returns: true strictly inside the edges.
    @inline(__always)
    func strictlyContains(latitude: Double, longitude: Double) -> Bool {
        let south = Double(name.south), west = Double(name.west)
        return latitude > south && latitude < south + 1 && longitude > west && longitude < west + 1
    }

    /// The height at a point of the tile (docs/specs/terrain-model.md, "Height at a point"):
    /// bilinear in (lon, lat) degrees over the posts (r0, c0) … (r0 + 1, c0 + 1) with
    /// r0 = ⌊(north − lat)/Δ⌋ and c0 = ⌊(lon − west)/Δ⌋, each clamped to 0 … N − 2; void posts
    /// among the four replaced by the mean of the non-void ones (weights unchanged); all four
    /// void gives 0 m and `allVoid`.
    /// - Parameters:
    ///   - latitude: degrees, within the tile.
    ///   - longitude: degrees, within the tile.
    /// - Returns: the height in metres and whether all four posts were void.
    public func height(latitude: Double, longitude: Double) -> (heightM: Double, allVoid: Bool) {
        let rowPosition = (Double(name.south + 1) - latitude) / spacingDegrees
        let columnPosition = (longitude - Double(name.west)) / spacingDegrees
        let r0 = BilinearHeight.cell(rowPosition, limit: size - 2)
        let c0 = BilinearHeight.cell(columnPosition, limit: size - 2)
        let base = r0 * size + c0
        let corners = (posts[base], posts[base + 1], posts[base + size], posts[base + size + 1])
        return BilinearHeight.height(
            (Double(corners.0), Double(corners.1), Double(corners.2), Double(corners.3)),
            void: (corners.0 == Self.void, corners.1 == Self.void, corners.2 == Self.void, corners.3 == Self.void),
            rowWeight: rowPosition - Double(r0), columnWeight: columnPosition - Double(c0))
    }
}
