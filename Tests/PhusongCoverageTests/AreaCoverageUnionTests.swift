import Foundation
import GEOSKit
import Testing
@testable import PhusongCoverage

/// Unions, clipping to province polygons, thread independence and the encoded keys.
@Suite("Area coverage: unions and clipping")
struct AreaCoverageUnionTests {
    static let parameters = RadioModelParameters()
    static let settings = AreaCoverageSettings()

    static func cell(_ id: String, site: String, technology: Technology = .lte, bandMHz: Double = 900,
                     lon: Double, lat: Double, azimuthDeg: Double? = nil) -> Cell {
        Cell(id: id, siteID: site, operatorName: "Viettel", technology: technology, bandMHz: bandMHz, lon: lon, lat: lat,
             heightM: 30, azimuthDeg: azimuthDeg, rsEIRPdBm: 30)
    }

    static func compute(_ cells: [Cell], provinces: [String: String] = [:], boundaries: AdminBoundaries? = nil,
                        threads: Int = 2) async throws -> AreaCoverage {
        try await AreaCoverage.compute(cells: cells, siteProvinceCodes: provinces, villages: [], boundaries: boundaries,
                                       parameters: parameters, settings: settings, threads: threads)
    }

    /// A province whose polygon is the lon/lat box.
    static func squareProvince(_ code: String, minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) throws -> AdminUnit {
        let context = try GEOSContext()
        let box = Envelope(minX: minLon, minY: minLat, maxX: maxLon, maxY: maxLat)
        return AdminUnit(level: .province, code: code, name: "Tỉnh \(code)", provinceCode: nil,
                         wkb: try context.rectangle(box).wkb(), envelope: box)
    }

    static func boundaries(_ provinces: [AdminUnit]) -> AdminBoundaries {
        AdminBoundaries(files: [], provinces: provinces, communes: [], warnings: [])
    }

    static func boxKm2(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) -> Double {
        pow(Geodesy.earthRadiusM, 2) * ((maxLon - minLon) * Double.pi / 180)
            * (sin(maxLat * Double.pi / 180) - sin(minLat * Double.pi / 180)) / 1e6
    }

    @Test("two identical footprints have the area of one; disjoint ones add")
    func identicalAndDisjoint() async throws {
        let one = try await Self.compute([Self.cell("A", site: "A", lon: 105, lat: 21)])
        let single = one.national.area4GKm2
        #expect(single > 100)
        let twice = try await Self.compute([Self.cell("A", site: "A", lon: 105, lat: 21),
                                            Self.cell("B", site: "B", lon: 105, lat: 21)])
        #expect(twice.footprints4G == 2)
        #expect(abs(twice.national.area4GKm2 - single) < 1e-9 * single)
        let apart = try await Self.compute([Self.cell("A", site: "A", lon: 105, lat: 21),
                                            Self.cell("B", site: "B", lon: 106, lat: 21)])
        let other = try await Self.compute([Self.cell("B", site: "B", lon: 106, lat: 21)])
        #expect(abs(apart.national.area4GKm2 - (single + other.national.area4GKm2)) < 1e-9 * single)
        // Overlapping ones: less than the sum, more than either.
        let overlapping = try await Self.compute([Self.cell("A", site: "A", lon: 105, lat: 21),
                                                  Self.cell("B", site: "B", lon: 105.1, lat: 21)])
        #expect(overlapping.national.area4GKm2 > single * 1.05 && overlapping.national.area4GKm2 < 2 * single * 0.95)
    }

    @Test("clipped to a square province: covered ≤ land, share in [0, 1], land = the box's area")
    func clipping() async throws {
        let province = try Self.squareProvince("01", minLon: 104.95, minLat: 20.95, maxLon: 105.05, maxLat: 21.05)
        let cells = [Self.cell("A", site: "A", lon: 105, lat: 21),
                     Self.cell("B", site: "B", technology: .nr, bandMHz: 3500, lon: 105.04, lat: 21.0)]
        let clipped = try await Self.compute(cells, boundaries: Self.boundaries([province]))
        let figures = clipped.national
        let land = try #require(figures.landKm2)
        #expect(abs(land - Self.boxKm2(minLon: 104.95, minLat: 20.95, maxLon: 105.05, maxLat: 21.05)) < 1e-6)
        // The 900 MHz footprint (≈ 15 km) covers the whole 10 km box.
        #expect(abs(figures.area4GKm2 - land) < 1e-6 * land)
        #expect(figures.area5GKm2 > 0 && figures.area5GKm2 < land)
        #expect(figures.areaAnyKm2 <= land * (1 + 1e-12) && figures.areaAnyKm2 >= figures.area4GKm2 - 1e-9)
        for share in [figures.areaShare4G, figures.areaShare5G, figures.areaShareAny] {
            let value = try #require(share)
            #expect(value >= 0 && value <= 1 + 1e-12)
        }
        #expect(clipped.provinces.count == 1 && clipped.provinces[0].figures == figures && clipped.clippedToBoundaries)
        // Unclipped, the 5G footprint is larger than its part inside the box.
        let unclipped = try await Self.compute(cells, provinces: ["A": "01", "B": "01"])
        #expect(unclipped.national.area5GKm2 > figures.area5GKm2 && unclipped.national.landKm2 == nil)
    }

    @Test("with boundaries a province unions every footprint that reaches it, whatever its site's province")
    func footprintsAcrossBorders() async throws {
        let west = try Self.squareProvince("01", minLon: 104.8, minLat: 20.9, maxLon: 105.0, maxLat: 21.1)
        let east = try Self.squareProvince("02", minLon: 105.0, minLat: 20.9, maxLon: 105.2, maxLat: 21.1)
        let far = try Self.squareProvince("03", minLon: 107, minLat: 20.9, maxLon: 107.2, maxLat: 21.1)
        // One site on the border of 01 and 02 (its footprint spans both), sector pointing east.
        let cells = [Self.cell("A", site: "A", lon: 105.0, lat: 21.0, azimuthDeg: 90)]
        let result = try await Self.compute(cells, provinces: ["A": "01"], boundaries: Self.boundaries([west, east, far]))
        let byCode = Dictionary(uniqueKeysWithValues: result.provinces.map { ($0.code, $0.figures) })
        let westArea = try #require(byCode["01"]).area4GKm2
        let eastArea = try #require(byCode["02"]).area4GKm2
        #expect(eastArea > westArea && westArea > 0)
        #expect(try #require(byCode["03"]).area4GKm2 == 0)
        #expect(abs(result.national.area4GKm2 - (westArea + eastArea)) < 1e-9 * eastArea)
        let land = try #require(result.national.landKm2)
        #expect(abs(land - 3 * Self.boxKm2(minLon: 105, minLat: 20.9, maxLon: 105.2, maxLat: 21.1)) < 1e-6)
    }

    /// A synthetic network: `sites` three-sector sites on a jittered grid over two provinces,
    /// a third on 1800 MHz, every fourth with 3500 MHz 5G.
    static func network(sites: Int) -> (cells: [Cell], provinces: [String: String]) {
        var cells: [Cell] = []
        var provinces: [String: String] = [:]
        // Deterministic jitter in [-0.015, 0.015) degrees.
        func jitter(_ index: Int, _ prime: Int) -> Double { Double((index * prime) % 1000) / 1000 * 0.03 - 0.015 }
        for index in 0..<sites {
            let lon = 104.8 + 0.04 * Double(index % 20) + jitter(index, 7919)
            let lat = 20.8 + 0.04 * Double(index / 20) + jitter(index, 104_729)
            let site = "S\(index)"
            provinces[site] = lon < 105.2 ? "01" : "02"
            let rotation = Double((index * 37) % 120)
            for sector in 0..<3 {
                let azimuth = rotation + 120 * Double(sector)
                cells.append(cell("\(site)-\(sector)", site: site, bandMHz: index % 3 == 0 ? 1800 : 900,
                                  lon: lon, lat: lat, azimuthDeg: azimuth))
                if index % 4 == 0 {
                    cells.append(cell("\(site)-\(sector + 3)", site: site, technology: .nr, bandMHz: 3500,
                                      lon: lon, lat: lat, azimuthDeg: azimuth))
                }
            }
        }
        return (cells, provinces)
    }

    @Test("results are identical for 1, 2 and 3 threads, with and without boundaries")
    func threadIndependence() async throws {
        let (cells, provinces) = Self.network(sites: 200)
        let boundaries = Self.boundaries([
            try Self.squareProvince("01", minLon: 104.7, minLat: 20.7, maxLon: 105.2, maxLat: 21.3),
            try Self.squareProvince("02", minLon: 105.2, minLat: 20.7, maxLon: 105.7, maxLat: 21.3),
        ])
        for given in [nil, boundaries] {
            let one = try await Self.compute(cells, provinces: provinces, boundaries: given, threads: 1)
            let two = try await Self.compute(cells, provinces: provinces, boundaries: given, threads: 2)
            let three = try await Self.compute(cells, provinces: provinces, boundaries: given, threads: 3)
            #expect(one == two && two == three)
            #expect(one.footprints4G == 200 && one.footprints5G == 50)
            #expect(one.national.area4GKm2 > one.national.area5GKm2 && one.national.area5GKm2 > 0)
            if given == nil {
                // The national union is at most the sum of the provinces', at least the largest.
                let sum = one.provinces.reduce(0) { $0 + $1.figures.area4GKm2 }
                #expect(one.national.area4GKm2 <= sum && one.national.area4GKm2 > one.provinces.map(\.figures.area4GKm2).max() ?? 0)
            }
        }
    }

    @Test("too few bearings or a bad tolerance are refused")
    func settingsChecked() async throws {
        let cells = [Self.cell("A", site: "A", lon: 105, lat: 21)]
        await #expect(throws: SettingOutOfRange(key: "area.bearings", value: 36, range: PhysicalRange(72...3_600, unit: ""))) {
            try await AreaCoverage.compute(cells: cells, siteProvinceCodes: [:], villages: [], boundaries: nil,
                                           settings: AreaCoverageSettings(bearings: 36), threads: 1)
        }
        await #expect(throws: SettingOutOfRange(key: "area.tolerance_m", value: 0, range: PhysicalRange(1...1_000, unit: "m"))) {
            try await AreaCoverage.compute(cells: cells, siteProvinceCodes: [:], villages: [], boundaries: nil,
                                           settings: AreaCoverageSettings(toleranceM: 0), threads: 1)
        }
    }

    @Test("encodes with snake_case keys, null land and shares without boundaries")
    func encoding() throws {
        let figures = AreaFigures(area4GKm2: 30, area5GKm2: 10, areaAnyKm2: 31, landKm2: 40)
        let row = ProvinceAreaFigures(code: "11", name: "Điện Biên", figures: figures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(row), as: UTF8.self)
        #expect(text == #"{"area_4g_km2":30,"area_5g_km2":10,"area_any_km2":31,"area_share_4g":0.75,"#
            + #""area_share_5g":0.25,"area_share_any":0.775,"code":"11","land_km2":40,"name":"Điện Biên"}"#)
        let unknown = AreaFigures(area4GKm2: 1, area5GKm2: 0, areaAnyKm2: 1, landKm2: nil)
        let unknownText = String(decoding: try encoder.encode(unknown), as: UTF8.self)
        #expect(unknownText.contains(#""land_km2":null"#) && unknownText.contains(#""area_share_4g":null"#))
    }
}
