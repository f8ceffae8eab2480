import Foundation
import Testing
@testable import PhusongCoverage

@Suite("Radio: model selection by band and area type, configuration")
struct RadioPolicyTests {
    /// A cell on `band` at (105, 21), 30 m high, and a village of `area` 2 km due north.
    private func link(band: Double, area: AreaType, parameters: RadioModelParameters = RadioModelParameters()) -> RadioLink? {
        let cell = Cell(
            id: "c", siteID: "s", operatorName: "VT", technology: .lte, bandMHz: band,
            lon: 105, lat: 21, heightM: 30, azimuthDeg: 0
        )
        let receiver = ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 2000), areaType: area)
        return PreparedCell(cell, parameters: parameters).link(to: receiver)
    }

    @Test("band edges: 1499.9 Hata, 1500 and 2700 COST-231, 2700.1 38.901 UMa/RMa — each value its model's formula")
    func bandEdges() throws {
        let policy = PropagationPolicy()
        for area in AreaType.allCases {
            #expect(policy.modelKind(bandMHz: 1499.9, areaType: area) == .okumuraHata)
            #expect(policy.modelKind(bandMHz: 1500, areaType: area) == .cost231Hata)
            #expect(policy.modelKind(bandMHz: 2700, areaType: area) == .cost231Hata)
            let high: PathLossModelKind = area == .urban || area == .suburban ? .tr38901UMa : .tr38901RMa
            #expect(policy.modelKind(bandMHz: 2700.1, areaType: area) == high)

            for band in [1499.9, 1500, 2700, 2700.1] {
                let result = try #require(link(band: band, area: area))
                let d2D = result.clampedDistance2DM
                let d3D = RadioSpec.d3D(d2D, hBS: 30)
                #expect(result.distance3DM == d3D)
                let expected: Double = switch result.modelKind {
                case .okumuraHata: RadioSpec.hata(f: band, hb: 30, hm: 1.5, d2DM: d2D, area: area)
                case .cost231Hata: RadioSpec.cost231(f: band, hb: 30, hm: 1.5, d2DM: d2D, area: area)
                case .tr38901UMa: RadioSpec.uma(f: band, hBS: 30, hUT: 1.5, d2D: d2D, d3D: d3D)
                case .tr38901RMa: RadioSpec.rma(f: band, hBS: 30, hUT: 1.5, d2D: d2D, d3D: d3D)
                default: .nan
                }
                #expect(result.modelKind == policy.modelKind(bandMHz: band, areaType: area))
                #expect(result.modelPathLossDB == expected, "\(band) MHz \(area)")
            }
        }
        // Urban at 2 km (d2D within 1e-6 m of 2000): the models' values either side of each edge.
        let urban = [1499.9, 1500, 2700, 2700.1].compactMap { link(band: $0, area: .urban)?.pathLossDB }
        for (value, expected) in zip(urban, [142.7899, 147.1236, 155.7543, 151.1736]) {
            #expect(RadioSpec.isClose(value, expected, within: 0.0001))
        }
    }

    @Test("the band edges and the model per band range and area type are configurable")
    func configurable() throws {
        var parameters = RadioModelParameters()
        parameters.propagation.lowerBandEdgeMHz = 1000
        parameters.propagation.highBand.rural = .tr38901UMa
        parameters.propagation.midBand.urban = .tr38901UMiStreetCanyon
        #expect(try #require(link(band: 900, area: .urban, parameters: parameters)).modelKind == .okumuraHata)
        #expect(try #require(link(band: 1200, area: .urban, parameters: parameters)).modelKind == .tr38901UMiStreetCanyon)
        #expect(try #require(link(band: 1200, area: .open, parameters: parameters)).modelKind == .cost231Hata)
        #expect(try #require(link(band: 3500, area: .rural, parameters: parameters)).modelKind == .tr38901UMa)
        #expect(try #require(link(band: 3500, area: .open, parameters: parameters)).modelKind == .tr38901RMa)
        parameters.propagation.lowBand = ByAreaType(all: .freeSpace)
        let freeSpace = try #require(link(band: 900, area: .rural, parameters: parameters))
        #expect(freeSpace.modelPathLossDB == freeSpace.freeSpacePathLossDB)
    }

    @Test("the defaults are the spec's")
    func defaults() {
        let parameters = RadioModelParameters()
        #expect(parameters.userHeightM == 1.5)
        #expect(parameters.maxRangeM == 35_000)
        #expect(parameters.minDistanceM == 10)
        #expect(parameters.extraLossDB == 0)
        #expect(parameters.coverageThresholdDBm(for: .lte) == -110)
        #expect(parameters.coverageThresholdDBm(for: .nr) == -110)
        let policy = parameters.propagation
        #expect(policy.lowerBandEdgeMHz == 1500 && policy.upperBandEdgeMHz == 2700)
        #expect(policy.environmentHeightM == 1 && policy.ruralBuildingHeightM == 5 && policy.ruralStreetWidthM == 20)
    }

    @Test("decoding: every key optional, snake_case names, model names; encoding round-trips")
    func coding() throws {
        let empty = try JSONDecoder().decode(RadioModelParameters.self, from: Data("{}".utf8))
        #expect(empty == RadioModelParameters())

        let json = """
            {"user_height_m": 2, "max_range_m": 20000, "min_distance_m": 1, "extra_loss_db": 3.5,
             "coverage_threshold_4g_dbm": -105, "coverage_threshold_5g_dbm": -100,
             "propagation": {"upper_band_edge_mhz": 2000, "rural_street_width_m": 30,
               "high_band": {"urban": "tr38901_umi_street_canyon", "suburban": "tr38901_uma",
                             "rural": "tr38901_rma", "open": "free_space"}}}
            """
        let decoded = try JSONDecoder().decode(RadioModelParameters.self, from: Data(json.utf8))
        var expected = RadioModelParameters(
            userHeightM: 2, maxRangeM: 20_000, minDistanceM: 1, extraLossDB: 3.5,
            coverageThreshold4GdBm: -105, coverageThreshold5GdBm: -100
        )
        expected.propagation.upperBandEdgeMHz = 2000
        expected.propagation.ruralStreetWidthM = 30
        expected.propagation.highBand = ByAreaType(
            urban: .tr38901UMiStreetCanyon, suburban: .tr38901UMa, rural: .tr38901RMa, open: .freeSpace
        )
        #expect(decoded == expected)

        let encoded = try JSONEncoder().encode(decoded)
        #expect(try JSONDecoder().decode(RadioModelParameters.self, from: encoded) == decoded)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains("\"max_range_m\"") && text.contains("\"okumura_hata\""))

        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RadioModelParameters.self, from: Data(#"{"propagation": {"low_band": {"urban": "x"}}}"#.utf8))
        }
    }
}
