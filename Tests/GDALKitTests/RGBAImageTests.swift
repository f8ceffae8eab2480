import Foundation
import GDALKit
import PhusongTestSupport
import Testing

/// RGBA pictures encoded to PNG by GDAL's PNG driver in memory, and decoded back.
@Suite struct RGBAImageTests {
    /// A 5 × 3 picture: every pixel a different colour, the middle row half transparent, one
    /// pixel fully transparent.
    static func picture() throws -> RGBAImage {
        var pixels: [UInt8] = []
        for row in 0..<3 {
            for column in 0..<5 {
                let alpha: UInt8 = row == 1 ? 128 : (row == 2 && column == 4 ? 0 : 255)
                pixels += [UInt8(column * 50), UInt8(row * 100), UInt8(255 - column * 20 - row), alpha]
            }
        }
        return try RGBAImage(width: 5, height: 3, pixels: pixels)
    }

    @Test func pngRoundTripKeepsEveryByte() throws {
        let image = try Self.picture()
        let png = try image.pngBytes()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "the PNG signature")
        // IHDR: width and height (big-endian) at bytes 16…23, then 8 bits, colour type 6 (RGBA).
        #expect(Array(png[16..<24]) == [0, 0, 0, 5, 0, 0, 0, 3])
        #expect(png[24] == 8 && png[25] == 6)
        let decoded = try RGBAImage(decoding: png)
        #expect(decoded == image)
        #expect(decoded[2, 1] == (red: 100, green: 100, blue: 214, alpha: 128))
        #expect(decoded[4, 2].alpha == 0)
        #expect(try RGBAImage(decoding: image.pngBytes(compression: 1)) == image, "any level is lossless")
    }

    @Test func encodingFromSeveralTasksAtOnceGivesTheSameBytes() async throws {
        let image = try Self.picture()
        let expected = try image.pngBytes()
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try image.pngBytes() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == expected })
    }

    @Test func badSizesAndBytesAreRefused() throws {
        #expect(throws: GDALError.self) { try RGBAImage(width: 2, height: 2, pixels: [0, 0, 0]) }
        #expect(throws: GDALError.self) { try RGBAImage(width: 0, height: 1, pixels: []) }
        #expect(throws: GDALError.self) { try RGBAImage(decoding: Array("not a picture".utf8)) }
        #expect(throws: GDALError.self) { try Self.picture().pngBytes(compression: 0) }
    }
}
