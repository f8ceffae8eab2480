import Foundation
import Testing
@testable import PhusongCoverage

@Suite("A tile's coverage from its halo cells equals that from every cell")
struct HaloCoverageTests {
    @Test("every point within the radius of a point of the tile lies in the halo, at any latitude and near ±180°")
    func haloHoldsEveryPointInRange() throws {
        var random = TestRandom(seed: 2020)
        let tiles = [
            try #require(TileBounds(minLon: 104, minLat: 20, maxLon: 105, maxLat: 21)),
            try #require(TileBounds(minLon: 100, minLat: 8, maxLon: 108, maxLat: 16)),
            try #require(TileBounds(minLon: 20, minLat: 70, maxLon: 21, maxLat: 71)),
            try #require(TileBounds(minLon: -30, minLat: -60, maxLon: -29.5, maxLat: -59.5)),
            try #require(TileBounds(minLon: 179.5, minLat: 0, maxLon: 180.000001, maxLat: 1)),
        ]
        for tile in tiles {
            for radius in [1_000.0, 35_000, 200_000] {
                let halo = TileHalo(tile: tile, radiusM: radius)
                var inRange = 0
                for _ in 0..<4000 {
                    let lon = random.uniform(tile.minLon...min(180, tile.maxLon)), lat = random.uniform(tile.minLat...tile.maxLat)
                    // A point near the tile, often within the radius.
                    let spread = 3 * radius / 111_000 + 0.01
                    let otherLat = max(-90, min(90, lat + random.uniform(-spread...spread)))
                    var otherLon = lon + random.uniform(-spread...spread) / max(0.05, cos(otherLat * .pi / 180))
                    otherLon = otherLon > 180 ? otherLon - 360 : otherLon < -180 ? otherLon + 360 : otherLon
                    if Geodesy.distanceM(lon1: lon, lat1: lat, lon2: otherLon, lat2: otherLat) <= radius {
                        inRange += 1
                        #expect(halo.contains(lon: otherLon, lat: otherLat), "tile \(tile), radius \(radius): \(otherLon), \(otherLat)")
                    }
                }
                #expect(inRange > 100)
            }
        }
        // The box is not the world: a national tile's halo leaves out cells far away.
        let halo = TileHalo(tile: tiles[0], radiusM: 35_000)
        #expect(!halo.contains(lon: 106, lat: 20.5) && !halo.contains(lon: 104.5, lat: 22) && halo.contains(lon: 105.3, lat: 21.2))
    }

    @Test("tiles of a random scenario: halo coverage equals the coverage against every cell, indices in the run's terms")
    func haloCoverageEqualsWholeCoverage() async throws {
        var scenario = randomScenario(seed: 31, villages: 1200)
        // An operator that sorts first, far east: most halos miss it, so their operator bits move.
        for index in 0..<6 {
            scenario.cells.insert(Cell(id: "F\(index)", siteID: "F\(index / 3)", operatorName: "AAA", technology: index % 2 == 0 ? .lte : .nr,
                                       bandMHz: index % 2 == 0 ? 1800 : 3500, lon: 107.5 + Double(index / 3), lat: 21, heightM: 30,
                                       azimuthDeg: Double(120 * (index % 3))), at: 5 * index)
        }
        let sites = SiteTable(cells: scenario.cells)
        let parameters = RadioModelParameters()
        let whole = try CoverageEngine(cells: scenario.cells, sites: sites, parameters: parameters)
        var fartherThanRange = 0
        var checked = 0
        for (lon, lat, size) in [(104.5, 20.25, 0.5), (105.0, 20.75, 0.25), (105.25, 21.0, 0.25), (105.5, 21.5, 1.0), (106.0, 20.0, 0.5),
                                 (104.0, 20.0, 2.5), (108.0, 21.0, 1.0)] {
            let tile = try #require(TileBounds(minLon: lon, minLat: lat, maxLon: lon + size, maxLat: lat + size))
            let villages = scenario.villages.filter { tile.contains(lon: $0.lon, lat: $0.lat) }
            let halo = try await HaloCoverage.coverage(
                of: villages, tile: tile, cells: scenario.cells, sites: sites, parameters: parameters, terrain: nil, threads: 2)
            let expected = try await whole.coverage(of: villages, threads: 1)
            #expect(halo.coverage == expected, "tile \(tile)")
            #expect(halo.empiricallyConnected == nil)
            if !villages.isEmpty && size < 2 { #expect(halo.haloCells < scenario.cells.count, "tile \(tile)") }
            fartherThanRange += expected.filter { ($0.nearestSite?.distanceM ?? .infinity) > parameters.maxRangeM }.count
            checked += villages.count
        }
        #expect(checked > 500)
        // Some villages lie beyond max_range_m of every cell: their nearest site comes from every cell.
        #expect(fartherThanRange > 0)
    }
}
