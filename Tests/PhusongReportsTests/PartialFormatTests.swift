import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

/// The pieces of a tiled run (docs/tiles.md): the tile's half-open bounds, coverage.csv read
/// back to the very values written, and the merge's checks on partials built in memory.
@Suite("Tiled runs: tile bounds, partial format, merge checks")
struct PartialFormatTests {
    @Test("--tile parses four finite edges with min < max; bounds are half open; sharing an edge is no overlap")
    func bounds() throws {
        let tile = try #require(TileBounds("102,21.5,103,22"))
        #expect(tile.contains(lon: 102, lat: 21.5))
        #expect(!tile.contains(lon: 103, lat: 21.7) && !tile.contains(lon: 102.5, lat: 22))
        #expect(tile.contains(lon: 102.999999, lat: 21.999999))
        let east = try #require(TileBounds("103,21.5,104,22"))
        #expect(!tile.overlaps(east) && !east.overlaps(tile))
        #expect(tile.overlaps(try #require(TileBounds("102.9,21,103.5,21.6"))))
        #expect(tile.overlaps(tile))
        #expect(tile.description == "102.0,21.5,103.0,22.0")
        for bad in ["103,21,102,22", "102,22,103,22", "102,21,103", "102,21,103,22,1", "a,21,103,22", "nan,21,103,22",
                    "-181,21,103,22", "102,-91,103,22", "102, 21,103,22", "102,21,inf,22"] {
            #expect(TileBounds(bad) == nil, "\(bad)")
        }
    }

    static let rows: [VillageCoverage] = [
        VillageCoverage(best4G: .init(cellIndex: 3, rsrpDBm: -104.85341333428133), best5G: nil, covered4G: true, covered5G: false,
                        nearestSite: .init(siteIndex: 90, distanceM: 10226.810681748762), operatorCoverage: 64),
        VillageCoverage(best4G: .init(cellIndex: 0, rsrpDBm: -0.1 - 0.2), best5G: .init(cellIndex: 7, rsrpDBm: -1e-300),
                        covered4G: true, covered5G: true, nearestSite: .init(siteIndex: 0, distanceM: .leastNonzeroMagnitude),
                        operatorCoverage: UInt64.max),
        VillageCoverage(best4G: nil, best5G: nil, covered4G: false, covered5G: false, nearestSite: nil, operatorCoverage: 0),
    ]

    @Test("coverage.csv reads back to the same values, bit for bit, with and without the empirical column")
    func coverageRoundTrip() throws {
        for connected in [nil, [true, false, true]] as [[Bool]?] {
            let bytes = PartialCoverageCSV.bytes(indices: [2, 5, 9], coverage: Self.rows, empiricallyConnected: connected)
            let read = try PartialCoverageCSV.read(bytes, path: "coverage.csv", terrain: connected != nil)
            #expect(read.indices == [2, 5, 9])
            #expect(read.coverage == Self.rows)
            #expect(read.empiricallyConnected == connected)
        }
    }

    @Test("a bad coverage.csv row is refused, naming the line, column and value")
    func coverageRefusals() throws {
        let good = String(decoding: PartialCoverageCSV.bytes(indices: [2, 5, 9], coverage: Self.rows, empiricallyConnected: nil), as: UTF8.self)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "\n5,", with: "\n1,"), "line 3, column village_index: '1' is not above the row before's 2"),
            (good.replacingOccurrences(of: "-104.85341333428133", with: "x"), "line 2, column best_4g_rsrp_dbm: 'x' is not a finite number"),
            (good.replacingOccurrences(of: ",true,false,90,", with: ",yes,false,90,"), "line 2, column covered_4g: 'yes' is not true or false"),
            (String(good.dropLast()), "the last line is not complete"),
            (good.replacingOccurrences(of: ",64,", with: ",-64,"), "column operator_coverage: '-64' is not an unsigned 64-bit integer"),
        ]
        for (text, message) in cases {
            #expect(throws: PartialError.self) { try PartialCoverageCSV.read(Array(text.utf8), path: "c.csv", terrain: false) }
            do {
                _ = try PartialCoverageCSV.read(Array(text.utf8), path: "c.csv", terrain: false)
            } catch {
                #expect(error.kind == .invalid && error.message.contains(message), "\(error.message)")
            }
        }
    }

    static func manifest(tile: String, villagesSHA: String = "aa", inTile: Int) throws -> PartialManifest {
        PartialManifest(
            toolVersion: "test", tile: try #require(TileBounds(tile)),
            inputs: .init(villages: .init(path: "v.csv", sha256: villagesSHA), cells: [.init(path: "c.csv", sha256: "bb")], admin: [],
                          layers: [], config: nil),
            model: RadioModelParameters(), terrain: nil, report: .init(month: "2026-05", language: "vi", basemap: nil, area: false),
            villages: .init(total: 3, inTile: inTile))
    }

    static func village(_ id: String, lon: Double) -> Village {
        Village(id: id, name: id, provinceCode: "11", communeCode: nil, lon: lon, lat: 21.5, population: 10, households: 3,
                gridPower: true, areaType: .rural)
    }

    /// The error `body` throws, nil when it throws none or another kind.
    static func refusal(_ body: () throws -> Void) -> PartialError? {
        do { try body() } catch { return error as? PartialError }
        return nil
    }

    @Test("merge: villages back by index; a missing village, a village in two partials and different inputs are refused")
    func merge() throws {
        let villages = [Self.village("a", lon: 102.5), Self.village("b", lon: 103.5), Self.village("c", lon: 102.7)]
        let west = Partial(manifest: try Self.manifest(tile: "102,21,103,22", inTile: 2), villageIndices: [0, 2],
                           coverage: [Self.rows[0], Self.rows[2]], empiricallyConnected: nil, indicators: TileIndicators(), terrainStatistics: nil)
        let east = Partial(manifest: try Self.manifest(tile: "103,21,104,22", inTile: 1), villageIndices: [1],
                           coverage: [Self.rows[1]], empiricallyConnected: nil, indicators: TileIndicators(), terrainStatistics: nil)
        let merged = try PartialMerge([("w", west), ("e", east)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 32)
        #expect(merged.coverage == [Self.rows[0], Self.rows[1], Self.rows[2]])
        #expect(merged.empiricallyConnected == nil)

        #expect(Self.refusal { _ = try PartialMerge([("w", west)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 32) }?.kind == .missingTiles)
        #expect(Self.refusal { _ = try PartialMerge([("w", west)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 32) }?.message.contains("1 of 3 villages are in no partial given (a tile is missing): b at lon 103.5, lat 21.5") == true)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", east)]).assemble(villages: villages, cellCount: 7, siteCount: 91, operatorCount: 32) }?.kind == .invalid)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", east)]).assemble(villages: villages, cellCount: 7, siteCount: 91, operatorCount: 32) }?.message.contains("e/coverage.csv: village_index 1 (b): best cell 7, but the inputs have 7 cells") == true)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", east)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 2) }?.kind == .invalid)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", east)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 2) }?.message.contains("names more than the inputs' 2 operators") == true)
        var other = east
        other.manifest = try Self.manifest(tile: "103,21,104,22", villagesSHA: "ab", inTile: 1)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", other)]) }?.kind == .differentRuns)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", other)]) }?.message.contains("w and e come from different runs: their villages file") == true)
        var wide = east
        wide.manifest = try Self.manifest(tile: "102.5,21,104,22", inTile: 1)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("x", wide)]) }?.kind == .overlap)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("x", wide)]) }?.message.contains("tiles overlap: w (tile 102.0,21.0,103.0,22.0) and x (tile 102.5,21.0,104.0,22.0)") == true)
        var misplaced = east
        misplaced.villageIndices = [0]
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", misplaced)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 32) }?.kind == .invalid)
        #expect(Self.refusal { _ = try PartialMerge([("w", west), ("e", misplaced)]).assemble(villages: villages, cellCount: 8, siteCount: 91, operatorCount: 32) }?.message.contains("outside the partial's tile") == true)
    }
}
