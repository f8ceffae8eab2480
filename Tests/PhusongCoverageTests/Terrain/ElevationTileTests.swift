import Foundation
import PhusongCoverage
import PhusongTestSupport
import Testing

/// SRTM tiles: names, sizes, posts, bilinear heights with voids and edges
/// (docs/specs/terrain-model.md, "Elevation data" and "Height at a point").
@Suite("Elevation tiles")
struct ElevationTileTests {
    static let voids: Set<[Int]> = [[10, 10], [100, 100], [100, 101], [101, 100], [101, 101]]

    static func syntheticTiles() throws -> (ElevationTiles, TemporaryFiles) {
        let scratch = try TemporaryFiles()
        _ = try SyntheticTile.write("N21E105.hgt", into: scratch.folder, voids: voids)
        _ = try scratch.write("README.txt", "not a tile")
        return (ElevationTiles(source: try TerrainSource(path: scratch.folder.path)), scratch)
    }

    @Test("tile names: N/S and E/W, two and three digits, round trip")
    func names() throws {
        let north = try #require(TileName(fileName: "N21E105.hgt"))
        #expect(north.south == 21 && north.west == 105 && north.fileName == "N21E105.hgt")
        let south = try #require(TileName(fileName: "s01w073.HGT"))
        #expect(south.south == -1 && south.west == -73 && south.fileName == "S01W073.hgt")
        #expect(TileName(containingLatitude: -0.5, longitude: -72.5) == south)
        #expect(TileName(containingLatitude: 22.3, longitude: 104.2)?.fileName == "N22E104.hgt")
        #expect(TileName(fileName: "N2E105.hgt") == nil)
        #expect(TileName(fileName: "X21E105.hgt") == nil)
        #expect(TileName(fileName: "N21E105.tif") == nil)
    }

    @Test("a folder's other files are ignored; a wrong size names the file and its size")
    func sourceChecks() throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        _ = try SyntheticTile.write("N21E105.hgt", into: scratch.folder)
        _ = try scratch.write("SHA256SUMS", "abc  N21E105.hgt\n")
        let source = try TerrainSource(path: scratch.folder.path)
        #expect(source.tileNames.map(\.fileName) == ["N21E105.hgt"])
        let short = try scratch.write("N22E105.hgt", String(repeating: "x", count: 1000))
        #expect(throws: TerrainError.wrongSize(file: short, bytes: 1000)) { try TerrainSource(path: scratch.folder.path) }
        let message = TerrainError.wrongSize(file: short, bytes: 1000).description
        #expect(message.contains(short) && message.contains("1,000 bytes") && message.contains("2,884,802") && message.contains("25,934,402"))
        let empty = try TemporaryFiles()
        defer { empty.remove() }
        #expect(throws: TerrainError.noTiles(path: empty.folder.path)) { try TerrainSource(path: empty.folder.path) }
        #expect(throws: TerrainError.self) { try TerrainSource(path: empty.folder.path + "/none") }
    }

    @Test("heights: a plane is reproduced exactly, at posts and between them")
    func plane() throws {
        let (tiles, scratch) = try Self.syntheticTiles()
        defer { scratch.remove() }
        let tile = try #require(try tiles.tile(TileName(south: 21, west: 105)))
        #expect(tile.size == 1201 && tile.voidPosts == Self.voids.count)
        let delta = 1.0 / 1200
        for (row, column) in [(0, 0), (600, 300), (1200, 1200), (7, 1199), (500, 20)] {
            let latitude = 21 + 1 - Double(row) * delta, longitude = 105 + Double(column) * delta
            let height = tile.height(latitude: latitude, longitude: longitude)
            #expect(abs(height.heightM - Double(SyntheticTile.height(row: row, column: column))) < 1e-6)
            #expect(!height.allVoid)
        }
        // Between posts: row position 400.25, column position 700.75.
        let between = tile.height(latitude: 22 - 400.25 * delta, longitude: 105 + 700.75 * delta)
        #expect(abs(between.heightM - (400.25 + 2 * 700.75)) < 1e-6)
    }

    @Test("voids: replaced by the mean of the non-void corners; four voids give 0 m and are flagged")
    func voidPosts() throws {
        let (tiles, scratch) = try Self.syntheticTiles()
        defer { scratch.remove() }
        let tile = try #require(try tiles.tile(TileName(south: 21, west: 105)))
        let delta = 1.0 / 1200
        #expect(tile.post(row: 10, column: 10) == ElevationTile.void)
        // Corners (10,10) void, (10,11) = 32, (11,10) = 31, (11,11) = 33: the void becomes 32.
        // At row 10.25, column 10.5: 0.75·(0.5·32 + 0.5·32) + 0.25·(0.5·31 + 0.5·33) = 32.
        let oneVoid = tile.height(latitude: 22 - 10.25 * delta, longitude: 105 + 10.5 * delta)
        #expect(abs(oneVoid.heightM - 32) < 1e-9 && !oneVoid.allVoid)
        // At row 10.5, column 10.0 (on the column): 0.5·32(void→mean) + 0.5·31 = 31.5.
        let onColumn = tile.height(latitude: 22 - 10.5 * delta, longitude: 105 + 10 * delta)
        #expect(abs(onColumn.heightM - 31.5) < 1e-9)
        let allVoid = tile.height(latitude: 22 - 100.5 * delta, longitude: 105 + 100.5 * delta)
        #expect(allVoid.heightM == 0 && allVoid.allVoid)
    }

    @Test("edges are closed: a point on any edge or corner is in the tile; just outside is missing")
    func edges() throws {
        let (tiles, scratch) = try Self.syntheticTiles()
        defer { scratch.remove() }
        for (latitude, longitude, expected) in [
            (22.0, 105.0, 0.0), (21.0, 105.0, 1200.0), (21.0, 106.0, 3600.0), (22.0, 106.0, 2400.0), (21.5, 106.0, 3000.0),
        ] {
            let tile = try #require(try tiles.surface(latitude: latitude, longitude: longitude), "\(latitude), \(longitude)")
            #expect(abs(tile.height(latitude: latitude, longitude: longitude).heightM - expected) < 1e-6)
        }
        #expect(try tiles.surface(latitude: 22.000001, longitude: 105.5) == nil)
        #expect(try tiles.surface(latitude: 21.5, longitude: 104.999999) == nil)
    }

    @Test("the cache keeps at most its capacity and reads a tile again after eviction")
    func boundedCache() throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        for name in ["N21E105.hgt", "N21E106.hgt", "N22E105.hgt", "N22E106.hgt", "N20E105.hgt"] {
            _ = try SyntheticTile.write(name, into: scratch.folder)
        }
        let tiles = ElevationTiles(source: try TerrainSource(path: scratch.folder.path), capacity: 4)
        for name in try TerrainSource(path: scratch.folder.path).tileNames {
            #expect(try tiles.tile(name)?.name == name)
        }
        #expect(tiles.loadedTileCount == 4)
        #expect(try tiles.tile(TileName(south: 20, west: 105))?.post(row: 3, column: 4) == 11)
    }
}
