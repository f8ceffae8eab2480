import Foundation
import PhusongCoverage

/// A 3″ tile written into a scratch folder: post (r, c) = r + 2c metres (a plane, so bilinear
/// interpolation is exact), with the voids asked for.
enum SyntheticTile {
    static let size = 1201

    static func height(row: Int, column: Int) -> Int16 { Int16(row + 2 * column) }

    /// The tile's bytes, big-endian as SRTM stores them.
    static func bytes(voids: Set<[Int]> = [], height: (Int, Int) -> Int16 = height(row:column:)) -> Data {
        var data = Data(count: 2 * size * size)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            for row in 0..<size {
                for column in 0..<size {
                    let value = voids.contains([row, column]) ? ElevationTile.void : height(row, column)
                    let bits = UInt16(bitPattern: value)
                    raw[2 * (row * size + column)] = UInt8(bits >> 8)
                    raw[2 * (row * size + column) + 1] = UInt8(bits & 0xFF)
                }
            }
        }
        return data
    }

    /// Writes the tile as `name` into `folder` and returns its path.
    static func write(
        _ name: String, into folder: URL, voids: Set<[Int]> = [], height: (Int, Int) -> Int16 = height(row:column:)
    ) throws -> String {
        let url = folder.appendingPathComponent(name)
        try bytes(voids: voids, height: height).write(to: url)
        return url.path
    }

    /// A north–south ridge 800 m above a plain at 20 m, its crest at column 600 (105.5° E in
    /// N21E105), with gentle hills: villages east of it are in the shadow of cells west of it.
    static func ridge(row: Int, column: Int) -> Int16 {
        let across = Double(column - 600) / 40
        let hills = 60 * sin(Double(row) / 37) * sin(Double(column) / 53)
        return Int16((20 + 800 * exp(-across * across) + hills).rounded())
    }
}
