import Foundation
import GEOSKit
import Testing
@testable import PhusongCoverage

/// The equal-area basis: areas on the sphere of radius 6,371,008.8 m against closed forms.
@Suite("Area coverage: areas on the sphere")
struct AreaCoverageSphericalAreaTests {
    static let earthRadiusM = 6_371_008.8

    static func box(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) -> [Double] {
        [minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat]
    }

    @Test("1° × 1° boxes: R² Δλ (sin φ2 − sin φ1) = 11,503.86 km² at 21–22°N, 11,542.96 km² at 20.5–21.5°N")
    func lonLatBox() throws {
        // 6,371,008.8² × (π/180) × (sin 22° − sin 21°) m², computed independently.
        let expectedKm2 = 11_503.858_599_5
        let ring = Self.box(minLon: 105, minLat: 21, maxLon: 106, maxLat: 22)
        #expect(abs(SphericalArea.ringAreaM2(ring) / 1e6 - expectedKm2) < 1e-6)
        // Centred on 21°N (20.5–21.5°N): 11,542.96 km².
        let centred = Self.box(minLon: 105, minLat: 20.5, maxLon: 106, maxLat: 21.5)
        #expect(abs(SphericalArea.ringAreaM2(centred) / 1e6 - 11_542.964_779_8) < 1e-6)
        // Orientation does not matter; a polygon with a hole subtracts it.
        let reversed = stride(from: ring.count - 2, through: 0, by: -2).flatMap { [ring[$0], ring[$0 + 1]] }
        #expect(abs(SphericalArea.ringAreaM2(reversed) / 1e6 - expectedKm2) < 1e-6)
        let hole = Self.box(minLon: 105.25, minLat: 21.25, maxLon: 105.75, maxLat: 21.75)
        let holeKm2 = pow(Self.earthRadiusM, 2) * (0.5 * Double.pi / 180)
            * (sin(21.75 * Double.pi / 180) - sin(21.25 * Double.pi / 180)) / 1e6
        #expect(abs(SphericalArea.areaM2(polygons: [[ring, hole]]) / 1e6 - (expectedKm2 - holeKm2)) < 1e-6)
        // Through GEOS: a densified box (edges split into many vertices) has the same area.
        let context = try GEOSContext()
        var dense: [Double] = []
        for step in 0..<100 { dense += [105 + Double(step) / 100, 21] }
        for step in 0..<100 { dense += [106, 21 + Double(step) / 100] }
        for step in 0..<100 { dense += [106 - Double(step) / 100, 22] }
        for step in 0...100 { dense += [105, 22 - Double(step) / 100] }
        let polygon = try context.polygon(exterior: dense)
        #expect(abs(try SphericalArea.areaM2(of: polygon) / 1e6 - expectedKm2) < 1e-6)
    }

    @Test("omni cell with a constant 35 km range: the traced area is the spherical cap 2πR²(1 − cos(r/R)) within 0.5 %")
    func capAtMaximumRange() async throws {
        // A threshold of −200 dBm is reached everywhere: every ray is max_range_m.
        let parameters = RadioModelParameters(coverageThreshold4GdBm: -200)
        let cell = AreaCoverageFootprintTests.cell(lat: 21)
        let result = try await AreaCoverage.compute(
            cells: [cell], siteProvinceCodes: ["S1": "01"], villages: [], boundaries: nil, parameters: parameters,
            settings: AreaCoverageSettings(), threads: 1)
        let capKm2 = 2 * Double.pi * pow(Self.earthRadiusM, 2) * (1 - cos(35_000 / Self.earthRadiusM)) / 1e6
        #expect(abs(capKm2 - 3_848.441_3) < 1e-3)
        let ratio = result.national.area4GKm2 / capKm2
        // An inscribed 72-gon has (72 / 2π) sin(2π / 72) = 0.99873 of a disc's area.
        #expect(abs(ratio - 1) < 0.005 && ratio < 1, "ratio \(ratio)")
        #expect(abs(ratio - 0.998_73) < 2e-4, "ratio \(ratio)")
        #expect(result.provinces.map(\.code) == ["01"] && result.provinces[0].figures == result.national)
        #expect(result.national.area5GKm2 == 0 && result.national.areaAnyKm2 == result.national.area4GKm2)
        #expect(result.national.landKm2 == nil && result.national.areaShare4G == nil)
    }

    @Test("omni cell at its model range (900 MHz rural): area matches the cap of the ray within 0.5 %, also with 360 bearings")
    func capAtModelRange() async throws {
        let village = Village(id: "V1", provinceCode: "11", lon: 103, lat: 21.4, population: 100, areaType: .rural)
        let cell = AreaCoverageFootprintTests.cell(lon: 103, lat: 21.4)
        for bearings in [72, 360] {
            let settings = AreaCoverageSettings(bearings: bearings, toleranceM: 1)
            let tracer = FootprintTracer(bearings: bearings, toleranceM: 1, parameters: RadioModelParameters())
            let ray = tracer.raysM(sectors: [PreparedCell(cell, parameters: RadioModelParameters())], areaType: .rural,
                                   thresholdDBm: -110)[0]
            let result = try await AreaCoverage.compute(
                cells: [cell], siteProvinceCodes: [:], villages: [village], boundaries: nil,
                parameters: RadioModelParameters(), settings: settings, threads: 2)
            let capKm2 = 2 * Double.pi * pow(Self.earthRadiusM, 2) * (1 - cos(ray / Self.earthRadiusM)) / 1e6
            let ratio = result.national.area4GKm2 / capKm2
            #expect(abs(ratio - 1) < 0.005, "\(bearings) bearings: ratio \(ratio)")
            #expect(ratio < 1 && ratio > (Double(bearings) / (2 * .pi)) * sin(2 * .pi / Double(bearings)) - 1e-4)
            // The site has no province code: it counts nationally only; the village's province is listed.
            #expect(result.provinces.map(\.code) == ["11"] && result.provinces[0].figures.area4GKm2 == 0)
        }
    }
}
