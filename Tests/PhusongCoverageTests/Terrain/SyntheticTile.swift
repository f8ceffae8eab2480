import Foundation
import PhusongCoverage

/// A 3″ tile written into a scratch folder: post (r, c) = r + 2c metres (a plane, so bilinear
/// interpolation is exact), with the voids asked for.
enum SyntheticTile {
    static let size = 1201

    static func height(row: Int, column: Int) -> Int16 { Int16(row + 2 * column) }

    /// The tile's bytes, big-endian as SRTM stores them.
    static func bytes(voids: Set<[Int]> = []) -> Data {
        var data = Data(count: 2 * size * size)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            for row in 0..<size {
                for column in 0..<size {
                    let value = voids.contains([row, column]) ? ElevationTile.void : height(row: row, column: column)
                    let bits = UInt16(bitPattern: value)
                    raw[2 * (row * size + column)] = UInt8(bits >> 8)
                    raw[2 * (row * size + column) + 1] = UInt8(bits & 0xFF)
                }
            }
        }
        return data
    }

    /// Writes the tile as `name` into `folder` and returns its path.
    static func write(_ name: String, into folder: URL, voids: Set<[Int]> = []) throws -> String {
        let url = folder.appendingPathComponent(name)
        try bytes(voids: voids).write(to: url)
        return url.path
    }
}
