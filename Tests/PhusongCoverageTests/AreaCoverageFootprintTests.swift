import Foundation
import Testing
@testable import PhusongCoverage

/// Footprint rays against the reference model evaluated in full (PreparedCell.rsrpDBm at the
/// destination point), and the shape of sector footprints.
@Suite("Area coverage: footprint rays")
struct AreaCoverageFootprintTests {
    static let parameters = RadioModelParameters()
    static let tracer = FootprintTracer(bearings: 72, toleranceM: 5, parameters: parameters)

    static func cell(
        id: String = "C1", site: String = "S1", technology: Technology = .lte, bandMHz: Double = 900,
        lon: Double = 105, lat: Double = 21, heightM: Double = 30, azimuthDeg: Double? = nil, rsEIRPdBm: Double = 30
    ) -> Cell {
        Cell(id: id, siteID: site, operatorName: "Viettel", technology: technology, bandMHz: bandMHz, lon: lon, lat: lat,
             heightM: heightM, azimuthDeg: azimuthDeg, rsEIRPdBm: rsEIRPdBm)
    }

    /// RSRP by the full reference model at `distanceM` from the cell toward `bearingDeg`, dBm.
    static func rsrp(_ cell: PreparedCell, bearingDeg: Double, distanceM: Double, areaType: AreaType) -> Double? {
        let point = Geodesy.destination(lon: cell.location.lonDeg, lat: cell.location.latDeg,
                                        bearingDeg: bearingDeg, distanceM: distanceM)
        return cell.rsrpDBm(at: ReceiverPoint(lon: point.lon, lat: point.lat, areaType: areaType))
    }

    /// Checks that every ray ends where the threshold is crossed: covered just inside the
    /// vertex, not covered one tolerance beyond it.
    static func expectEdges(_ cells: [PreparedCell], rays: [Double], areaType: AreaType, thresholdDBm: Double) {
        for (k, ray) in rays.enumerated() where ray > 0 && ray < parameters.maxRangeM {
            let bearing = tracer.bearingsDeg[k]
            let inside = cells.compactMap { rsrp($0, bearingDeg: bearing, distanceM: ray - 0.01, areaType: areaType) }.max()
            let outside = cells.compactMap { rsrp($0, bearingDeg: bearing, distanceM: ray + 5, areaType: areaType) }.max()
            #expect((inside ?? -.infinity) >= thresholdDBm, "bearing \(bearing)° ray \(ray) m: inside")
            #expect((outside ?? -.infinity) < thresholdDBm, "bearing \(bearing)° ray \(ray) m: outside")
        }
    }

    @Test("omni cell: every ray ends where RSRP crosses −110 dBm (Hata 900 MHz, COST-231 1800, 38.901 3500)",
          arguments: [(900.0, AreaType.rural), (1800.0, .urban), (3500.0, .urban), (3500.0, .open)])
    func omniRay(bandMHz: Double, areaType: AreaType) {
        let cell = PreparedCell(Self.cell(bandMHz: bandMHz), parameters: Self.parameters)
        let rays = Self.tracer.raysM(sectors: [cell], areaType: areaType, thresholdDBm: -110)
        #expect(rays.count == 72)
        #expect(Set(rays).count == 1, "an omni cell has one range")
        #expect(rays[0] > 100 && rays[0] < Self.parameters.maxRangeM)
        Self.expectEdges([cell], rays: rays, areaType: areaType, thresholdDBm: -110)
    }

    @Test("900 MHz rural omni, 30 m, 30 dBm: the ray is the analytic Hata edge to 5 m")
    func hataEdgeValue() {
        // Open/rural Okumura-Hata, f 900, hb 30, hm 1.5: PL(d km) = 97.90 + 35.22 log10(d) (the
        // spec's 97.90 dB at 1 km); the free-space floor is far lower here. 30 − PL = −110
        // gives log10(d) = (140 − 97.9004…) / 35.2249….
        let f = 900.0, hb = 30.0, hm = 1.5
        let a = (1.1 * log10(f) - 0.7) * hm - (1.56 * log10(f) - 0.8)
        let atOneKm = 69.55 + 26.16 * log10(f) - 13.82 * log10(hb) - a - 4.78 * log10(f) * log10(f)
            + 18.33 * log10(f) - 40.94
        let slope = 44.9 - 6.55 * log10(hb)
        let edgeM = 1000 * pow(10, (140 - atOneKm) / slope)
        let cell = PreparedCell(Self.cell(), parameters: Self.parameters)
        let ray = Self.tracer.raysM(sectors: [cell], areaType: .rural, thresholdDBm: -110)[0]
        #expect(ray <= edgeM && edgeM - ray < 5, "ray \(ray) m, edge \(edgeM) m")
    }

    @Test("sector cell: main lobe longer than back lobe, symmetric about the azimuth")
    func sectorShape() {
        let cell = PreparedCell(Self.cell(azimuthDeg: 90), parameters: Self.parameters)
        let rays = Self.tracer.raysM(sectors: [cell], areaType: .rural, thresholdDBm: -110)
        let main = rays[18]  // bearing 90°
        let back = rays[54]  // bearing 270°
        #expect(main > back && back > 0)
        #expect(rays.max() == main)
        for offset in 1...36 {
            #expect(rays[(18 + offset) % 72] == rays[(18 - offset + 72) % 72], "±\(offset * 5)°")
        }
        // The back lobe (−30 dB beyond 102.8° off axis) has one range.
        #expect(Set(rays[40...68]).count == 1)
        Self.expectEdges([cell], rays: rays, areaType: .rural, thresholdDBm: -110)
    }

    @Test("a site's sectors: each ray is the longest of the sectors' rays, also with differing EIRP")
    func siteMergesSectors() {
        let sectors = [(10.0, 30.0), (130.0, 31.5), (250.0, 30.0)].enumerated().map { index, sector in
            PreparedCell(Self.cell(id: "C\(index)", azimuthDeg: sector.0, rsEIRPdBm: sector.1), parameters: Self.parameters)
        }
        let site = Self.tracer.raysM(sectors: sectors, areaType: .suburban, thresholdDBm: -105)
        let each = sectors.map { Self.tracer.raysM(sectors: [$0], areaType: .suburban, thresholdDBm: -105) }
        // Each ray is solved to the tolerance (from a guess that depends on the neighbours), so
        // the site's ray and the longest single-sector ray agree to within it.
        for k in 0..<72 {
            #expect(abs(site[k] - max(each[0][k], each[1][k], each[2][k])) < Self.tracer.solver.toleranceM, "bearing \(k * 5)°")
        }
        Self.expectEdges(sectors, rays: site, areaType: .suburban, thresholdDBm: -105)
    }

    @Test("rays are 0 when even 10 m is below the threshold, max_range_m when the edge is beyond it")
    func limits() throws {
        let cell = PreparedCell(Self.cell(), parameters: Self.parameters)
        let none = Self.tracer.raysM(sectors: [cell], areaType: .urban, thresholdDBm: 0)
        #expect(none.allSatisfy { $0 == 0 })
        #expect(Self.tracer.footprint(lon: 105, lat: 21, raysM: none, technology: .lte, provinceCode: nil) == nil)
        let all = Self.tracer.raysM(sectors: [cell], areaType: .open, thresholdDBm: -200)
        #expect(all.allSatisfy { $0 == 35_000 })
        let footprint = try #require(Self.tracer.footprint(lon: 105, lat: 21, raysM: all, technology: .lte, provinceCode: "01"))
        #expect(footprint.ring.count == 2 * 73)
        // Every vertex at 35 km by the haversine distance; the first due north.
        for k in 0..<72 {
            let d = Geodesy.distanceM(lon1: 105, lat1: 21, lon2: footprint.ring[2 * k], lat2: footprint.ring[2 * k + 1])
            #expect(abs(d - 35_000) < 1e-6)
        }
        #expect(footprint.ring[0] == 105 && footprint.ring[1] > 21)
    }

    @Test("zero rays: repeated centre vertices are dropped, petals keep the centre once per pass")
    func petals() throws {
        var rays = [Double](repeating: 1_000, count: 72)
        for k in [0, 1, 2, 36, 37] { rays[k] = 0 }
        let footprint = try #require(Self.tracer.footprint(lon: 105, lat: 21, raysM: rays, technology: .lte, provinceCode: nil))
        // 67 ray ends, the centre twice (one per run of zeros), closed.
        #expect(footprint.ring.count == 2 * (67 + 2 + 1))
        var single = [Double](repeating: 1_000, count: 72)
        for k in [70, 71, 0, 1] { single[k] = 0 }
        let valid = try #require(Self.tracer.footprint(lon: 105, lat: 21, raysM: single, technology: .lte, provinceCode: nil))
        #expect(valid.ring.count == 2 * (68 + 1 + 1))
    }

    @Test("the destination point is at the travelled distance and initial bearing")
    func destination() {
        for bearing in stride(from: 0.0, to: 360, by: 7.5) {
            let point = Geodesy.destination(lon: 105.5, lat: 21.3, bearingDeg: bearing, distanceM: 12_345)
            #expect(abs(Geodesy.distanceM(lon1: 105.5, lat1: 21.3, lon2: point.lon, lat2: point.lat) - 12_345) < 1e-6)
            let back = Geodesy.bearingDeg(lon1: 105.5, lat1: 21.3, lon2: point.lon, lat2: point.lat)
            #expect(abs(SectorAntenna.offAxisAngleDeg(bearingDeg: back, azimuthDeg: bearing)) < 1e-9)
        }
    }
}
