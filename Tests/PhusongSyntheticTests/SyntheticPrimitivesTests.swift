import Foundation
import Testing
@testable import PhusongSynthetic
@testable import PhusongCoverage
@testable import PhusongSupport

@Suite("Synthetic scenarios: generator, portable maths, helpers")
struct SyntheticPrimitivesTests {
    @Test("SplitMix64 gives the reference outputs for seed 1234567")
    func splitMix() {
        var generator = SplitMix64(state: 1_234_567)
        #expect([generator.next(), generator.next(), generator.next()]
                == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test("seeded xoshiro256** streams match an independent implementation")
    func seededStreams() {
        var plain = SeededGenerator(seed: 2025)
        #expect([plain.next(), plain.next(), plain.next()]
                == [3_378_637_416_913_838_305, 11_585_178_254_555_832_804, 5_637_381_976_004_256_814])
        var stream = SeededGenerator(seed: 2025, stream: [3, 5])
        #expect([stream.next(), stream.next(), stream.next()]
                == [4_851_873_230_567_847_774, 10_802_435_161_987_973_974, 10_118_311_857_876_260_783])
    }

    @Test("uniform, index and normal draws have the right ranges and moments")
    func sampling() {
        var generator = SeededGenerator(seed: 7)
        var sum = 0.0
        var squares = 0.0
        let count = 20_000
        for _ in 0..<count {
            let u = generator.uniform()
            #expect(u >= 0 && u < 1)
            let k = generator.index(below: 5)
            #expect((0..<5).contains(k))
            let z = generator.normal()
            sum += z
            squares += z * z
        }
        #expect(abs(sum / Double(count)) < 0.03)
        #expect(abs(squares / Double(count) - 1) < 0.05)
        let picked = generator.sample(10, of: 30)
        #expect(picked.count == 10 && Set(picked).count == 10 && picked == picked.sorted() && picked.allSatisfy { (0..<30).contains($0) })
    }

    @Test("PortableMath agrees with the C library to about 1e-15")
    func portableMath() {
        var x = 1e-9
        while x < 1e9 {
            #expect(abs(PortableMath.log(x) - Foundation.log(x)) <= 4e-15 * max(1, abs(Foundation.log(x))), "log \(x)")
            x *= 1.37
        }
        var y = -40.0
        while y < 40 {
            #expect(abs(PortableMath.exp(y) / Foundation.exp(y) - 1) < 4e-15, "exp \(y)")
            y += 0.173
        }
        var z = -Double.pi / 2
        while z <= Double.pi / 2 {
            #expect(abs(PortableMath.cos(z) - Foundation.cos(z)) < 2e-16 * 4, "cos \(z)")
            z += 0.01
        }
        #expect(PortableMath.log(1) == 0 && PortableMath.exp(0) == 1 && PortableMath.cos(0) == 1)
    }

    @Test("apportion: parts sum to the total, follow the weights and respect the minimum")
    func apportionment() {
        #expect(apportion(3_700, weights: [1_000, 850, 1_850]) == [1_000, 850, 1_850])
        let parts = apportion(10, weights: [1, 1, 1])
        #expect(parts.reduce(0, +) == 10 && parts == [4, 3, 3])
        #expect(apportion(3, weights: [0.1, 5, 0.1]) == [1, 1, 1])
    }

    @Test("site spacing follows the national table and shrinks with density")
    func spacing() {
        #expect(abs(SiteSpacing.viettelKm(density: 300) - 3) < 1e-12)
        #expect(SiteSpacing.viettelKm(density: 1) == 10 && SiteSpacing.viettelKm(density: 1e6) == 0.26)
        var previous = Double.infinity
        for density in [1.0, 10, 50, 200, 1_000, 3_000, 10_000, 50_000] {
            let km = SiteSpacing.viettelKm(density: density)
            #expect(km <= previous)
            previous = km
        }
    }

    @Test("ScenarioCSV writes the contract's headers, 6-decimal coordinates and empty optional fields")
    func scenarioCSV() {
        let village = Village(id: "90001-001", name: "Bản Nà, \"Trên\"", provinceCode: "11", communeCode: "90001",
                              lon: 102.5, lat: -0.0000001, population: 120, households: nil, gridPower: false, areaType: .open)
        let cell = Cell(id: "VT-000001-1", siteID: "VT-000001", operatorName: "Viettel", technology: .lte, bandMHz: 900,
                        lon: 103.1234564, lat: 21.0000006, heightM: 30.5, azimuthDeg: nil, rsEIRPdBm: 29.7)
        let villages = String(decoding: ScenarioCSV.villagesCSV([village]), as: UTF8.self)
        let cells = String(decoding: ScenarioCSV.cellsCSV([cell]), as: UTF8.self)
        #expect(villages == """
            village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type
            90001-001,"Bản Nà, ""Trên\""",11,90001,102.500000,0.000000,120,,false,open

            """)
        #expect(cells == """
            cell_id,site_id,operator,technology,band_mhz,lon,lat,height_m,azimuth_deg,beamwidth_deg,rs_eirp_dbm,power_source
            VT-000001-1,VT-000001,Viettel,4G,900,103.123456,21.000001,30.5,,65,29.7,

            """)
    }
}
