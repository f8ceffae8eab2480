import Foundation
import Testing
@testable import PhusongCoverage

/// Issue 13, class 6 (first point): longitude wraps at ±180°. Distances and bearings are
/// periodic by their formulas; every index must find neighbours across the antimeridian.
@Suite("Class 6: antimeridian")
struct Class6AntimeridianTests {
    /// 0.001° of longitude on the equator: R · 0.001 · π / 180.
    static let gapM = Geodesy.earthRadiusM * 0.001 * Double.pi / 180

    @Test("distance and bearing across ±180° are those of the short way round")
    func geometry() {
        let distance = Geodesy.distanceM(lon1: -179.9995, lat1: 0, lon2: 179.9995, lat2: 0)
        #expect(abs(distance - Self.gapM) < 1e-6)
        #expect(abs(Geodesy.bearingDeg(lon1: -179.9995, lat1: 0, lon2: 179.9995, lat2: 0) - 270) < 1e-9)
        #expect(abs(Geodesy.bearingDeg(lon1: 179.9995, lat1: 0, lon2: -179.9995, lat2: 0) - 90) < 1e-9)
    }

    @Test("the coverage engine serves a village from a cell 111 m across the antimeridian", arguments: [0.0, 65.0, -40.0])
    func engineAcross(lat: Double) async throws {
        let cell = Cell(id: "C1", siteID: "S1", operatorName: "Viettel", technology: .lte, bandMHz: 900,
                        lon: -179.9995, lat: lat, heightM: 30)
        let far = Cell(id: "C2", siteID: "S2", operatorName: "Viettel", technology: .lte, bandMHz: 900,
                       lon: 105.8, lat: 21.0, heightM: 30)
        let village = Village(id: "V1", lon: 179.9995, lat: lat, population: 100, areaType: .rural)
        let engine = try CoverageEngine(cells: [cell, far])
        let result = try await engine.coverage(of: [village], threads: 1)[0]
        #expect(result.best4G?.cellIndex == 0)
        #expect(result.covered4G)
        #expect(result.nearestSite?.siteIndex == 0)
        let distance = try #require(result.nearestSite?.distanceM)
        #expect(abs(distance - Self.gapM * cos(lat * Double.pi / 180)) < 0.01)
        #expect(result == bruteForceCoverage(village, cells: [cell, far], engine: engine))
    }

    @Test("a village index finds villages within a radius and the nearest one across ±180° as a full scan does")
    func villageIndexAcross() {
        var random = TestRandom(seed: 6)
        let villages = (0..<600).map { index in
            let lon = index % 3 == 0 ? random.uniform(-180...180) : (index % 2 == 0 ? random.uniform(179.9...180) : random.uniform(-180 ... -179.9))
            return Village(id: "v\(index)", lon: lon, lat: random.uniform(-60...60), population: 1)
        }
        let index = VillageIndex(villages: villages)
        for _ in 0..<200 {
            let lon = random.below(2) == 0 ? random.uniform(179.95...180) : random.uniform(-180 ... -179.95)
            let lat = random.uniform(-60...60)
            let radius = random.uniform(0...20_000)
            let expected = villages.indices.compactMap { village -> Int? in
                Geodesy.distanceM(lon1: villages[village].lon, lat1: villages[village].lat, lon2: lon, lat2: lat) <= radius ? village : nil
            }
            #expect(index.villages(within: radius, lon: lon, lat: lat).map(\.index) == expected)
            let nearest = villages.indices.min { a, b in
                let da = Geodesy.distanceM(lon1: villages[a].lon, lat1: villages[a].lat, lon2: lon, lat2: lat)
                let db = Geodesy.distanceM(lon1: villages[b].lon, lat1: villages[b].lat, lon2: lon, lat2: lat)
                return da < db || (da == db && a < b)
            }
            #expect(index.nearest(lon: lon, lat: lat) == nearest)
        }
    }

    @Test("random scenarios straddling ±180°: the engine equals the exhaustive evaluation")
    func engineStraddling() async throws {
        var random = TestRandom(seed: 17)
        var cells: [Cell] = []
        for site in 0..<80 {
            let lon = random.below(2) == 0 ? random.uniform(179.7...180) : random.uniform(-180 ... -179.7)
            let lat = random.uniform(64.8...65.2)
            for sector in 0..<3 {
                cells.append(Cell(id: "S\(site)-\(sector)", siteID: "S\(site)", operatorName: random.below(2) == 0 ? "A" : "B",
                                  technology: random.below(3) == 0 ? .nr : .lte, bandMHz: random.below(2) == 0 ? 900 : 3500,
                                  lon: lon, lat: lat, heightM: 30, azimuthDeg: Double(120 * sector)))
            }
        }
        let villages = (0..<150).map { index in
            Village(id: "v\(index)", lon: random.below(2) == 0 ? random.uniform(179.5...180) : random.uniform(-180 ... -179.5),
                    lat: random.uniform(64.7...65.3), population: 10, areaType: AreaType.allCases[index % 4])
        }
        let engine = try CoverageEngine(cells: cells)
        let coverage = try await engine.coverage(of: villages, threads: 2)
        for (village, result) in zip(villages, coverage) {
            #expect(result == bruteForceCoverage(village, cells: cells, engine: engine), "\(village.id)")
        }
    }

    @Test("area coverage: footprints on both sides of ±180° are united where they overlap, not added")
    func areaAcross() async throws {
        func area(_ lons: [Double], villageLon: Double) async throws -> Double {
            let cells = lons.enumerated().map { index, lon in
                Cell(id: "C\(index)", siteID: "S\(index)", operatorName: "Viettel", technology: .lte, bandMHz: 900, lon: lon, lat: 0, heightM: 30)
            }
            let villages = [Village(id: "V", lon: villageLon, lat: 0, population: 1, areaType: .rural)]
            return try await AreaCoverage.compute(cells: cells, siteProvinceCodes: [:], villages: villages, boundaries: nil, threads: 1)
                .national.area4GKm2
        }
        let across = try await area([-179.9995, 179.9995], villageLon: 179.9995)
        let elsewhere = try await area([9.9995, 10.0005], villageLon: 10)
        let single = try await area([10], villageLon: 10)
        #expect(abs(across - elsewhere) < 1e-6 * elsewhere)
        #expect(across < 1.01 * single, "two sites 111 m apart cover about one site's area")
    }
}
