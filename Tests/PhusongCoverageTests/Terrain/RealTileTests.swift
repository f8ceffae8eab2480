import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing

/// The real SRTM 3″ tile N21E105 (Tam Đảo range and the Red River plain, with voids), read from
/// `../shared/geodata/vn-dem-srtm3/` (docs/specs/terrain-model.md, "Known answers").
@Suite("Real tile N21E105", .enabled(if: SharedData.has("vn-dem-srtm3"), SharedData.skipReason))
struct RealTileTests {
    static let folder = "vn-dem-srtm3"
    static var tiles: ElevationTiles {
        get throws { ElevationTiles(source: try TerrainSource(path: SharedData.path(folder))) }
    }

    @Test("1201 × 1201 posts, 1,539 voids, Tam Đảo's peak 1,582 m; the folder's SHA256SUMS and SOURCE.md ignored")
    func tileFacts() throws {
        let tiles = try Self.tiles
        #expect(tiles.source.tileNames.map(\.fileName) == ["N21E105.hgt"])
        let tile = try #require(try tiles.tile(TileName(south: 21, west: 105)))
        #expect(tile.size == 1201)
        #expect(tile.voidPosts == 1539)
        var highest = Int16.min
        var at = (0, 0)
        for row in 0..<1201 {
            for column in 0..<1201 where tile.post(row: row, column: column) > highest {
                highest = tile.post(row: row, column: column)
                at = (row, column)
            }
        }
        #expect(highest == 1582)
        // Row 512, column 653: 21.5733° N, 105.5442° E, on the Tam Đảo ridge.
        #expect(at == (512, 653))
    }

    @Test("the height at a post is the raw post; the edges are in the tile")
    func postsAndEdges() throws {
        let tiles = try Self.tiles
        let tile = try #require(try tiles.tile(TileName(south: 21, west: 105)))
        let delta = 1.0 / 1200
        for (row, column) in [(512, 653), (0, 0), (1200, 1200), (0, 1200), (1200, 0), (900, 100), (300, 1000)] {
            let post = tile.post(row: row, column: column)
            guard post != ElevationTile.void else { continue }
            let latitude = 21 + 1 - Double(row) * delta, longitude = 105 + Double(column) * delta
            let found = try #require(try tiles.surface(latitude: latitude, longitude: longitude))
            #expect(abs(found.height(latitude: latitude, longitude: longitude).heightM - Double(post)) < 1e-6, "post (\(row), \(column))")
        }
    }

    @Test("a profile across Tam Đảo: n = ceil(d/90), ends exact, crest near the peak")
    func profileAcrossTamDao() throws {
        let profiler = TerrainProfiler(tiles: try Self.tiles)
        var heights: [Double] = []
        let profile = try profiler.profile(txLatitude: 21.45, txLongitude: 105.45, rxLatitude: 21.70, rxLongitude: 105.64, into: &heights)
        let d = ProfileGeometry.distanceM(latitude1: 21.45, longitude1: 105.45, latitude2: 21.70, longitude2: 105.64)
        #expect(profile.distanceM == d)
        #expect(profile.intervals == Int((d / 90).rounded(.up)))
        #expect(heights.count == profile.intervals + 1)
        #expect(profile.spacingM == d / Double(profile.intervals))
        let tile = try #require(try profiler.tiles.tile(TileName(south: 21, west: 105)))
        #expect(heights.first == tile.height(latitude: 21.45, longitude: 105.45).heightM)
        #expect(heights.last == tile.height(latitude: 21.70, longitude: 105.64).heightM)
        #expect((heights.max() ?? 0) > 1_000)
        // The buffer is reused: a second, shorter profile keeps its capacity.
        let capacity = heights.capacity
        _ = try profiler.profile(txLatitude: 21.45, txLongitude: 105.45, rxLatitude: 21.46, rxLongitude: 105.46, into: &heights)
        #expect(heights.capacity == capacity)
    }

    @Test("a path leaving the tile stops naming the missing tiles")
    func outsideTerrain() throws {
        let profiler = TerrainProfiler(tiles: try Self.tiles)
        var heights: [Double] = []
        // The path leaves N21E105 westwards into N21E104, then crosses 22° N into N22E104.
        #expect(throws: TerrainError.outsideTerrain(missingTiles: ["N21E104.hgt", "N22E104.hgt"])) {
            try profiler.profile(txLatitude: 21.95, txLongitude: 105.05, rxLatitude: 22.05, rxLongitude: 104.90, into: &heights)
        }
    }
}
