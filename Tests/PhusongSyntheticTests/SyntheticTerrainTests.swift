import Foundation
import PhusongCoverage
import Testing
@testable import PhusongSynthetic

/// `synth --dem`'s tiles: deterministic by seed, SRTM's layout, plains near sea level and
/// ranges of 1,000–3,000 m.
@Suite("Synthetic terrain")
struct SyntheticTerrainTests {
    @Test("the same seed gives the same tile, another seed another; the bytes are SRTM posts of heightM")
    func deterministic() throws {
        let terrain = SyntheticTerrain(seed: 7)
        let name = TileName(south: 21, west: 105)
        let bytes = terrain.tileBytes(name)
        #expect(bytes.count == 2_884_802)
        // A tile is a pure function of the seed (one tile takes seconds in a debug build, so the
        // seeds are compared on a grid of points rather than whole tiles).
        let points = stride(from: 8.0, through: 24.0, by: 0.25).flatMap { lat in stride(from: 102.0, through: 110.0, by: 0.25).map { (lat, $0) } }
        let again = SyntheticTerrain(seed: 7), other = SyntheticTerrain(seed: 8)
        #expect(points.allSatisfy { terrain.heightM(latitude: $0.0, longitude: $0.1) == again.heightM(latitude: $0.0, longitude: $0.1) })
        #expect(!points.allSatisfy { terrain.heightM(latitude: $0.0, longitude: $0.1) == other.heightM(latitude: $0.0, longitude: $0.1) })
        let tile = try #require(ElevationTile(name: name, bigEndianPosts: Data(bytes)))
        for (row, column) in [(0, 0), (600, 600), (1200, 1200), (17, 1103)] {
            let expected = terrain.heightM(latitude: 22 - Double(row) / 1200, longitude: 105 + Double(column) / 1200)
            #expect(Double(tile.post(row: row, column: column)) == expected.rounded())
        }
        #expect(tile.voidPosts == 0)
    }

    @Test("relief: plains below 30 m, ranges between 1,000 and 4,000 m, 128 tiles over the mainland")
    func relief() {
        let terrain = SyntheticTerrain(seed: 2025)
        var lowest = Double.infinity, highest = 0.0
        for latitude in stride(from: 8.0, through: 24.0, by: 0.05) {
            for longitude in stride(from: 102.0, through: 110.0, by: 0.05) {
                let height = terrain.heightM(latitude: latitude, longitude: longitude)
                lowest = min(lowest, height)
                highest = max(highest, height)
            }
        }
        #expect(lowest >= 5 && lowest < 30)
        #expect(highest >= 1_000 && highest < 4_000)
        #expect(SyntheticTerrain.tileNames.count == 128)
        #expect(SyntheticTerrain.tileNames.first?.fileName == "N08E102.hgt" && SyntheticTerrain.tileNames.last?.fileName == "N23E109.hgt")
    }
}
