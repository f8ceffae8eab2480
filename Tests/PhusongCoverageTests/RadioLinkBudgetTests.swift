import Foundation
import Testing
@testable import PhusongCoverage

@Suite("Radio: link budget — geometry, clamp, floor, range, RSRP")
struct RadioLinkBudgetTests {
    private func cell(
        band: Double = 900, lon: Double = 105, lat: Double = 21, height: Double = 30,
        azimuth: Double? = 0, eirp: Double? = nil, technology: Technology = .lte
    ) -> Cell {
        Cell(
            id: "c", siteID: "s", operatorName: "VT", technology: technology, bandMHz: band,
            lon: lon, lat: lat, heightM: height, azimuthDeg: azimuth, rsEIRPdBm: eirp
        )
    }

    @Test("4G 900 MHz to a rural village 3.8 km away, by hand: RSRP = -88.680859 dBm")
    func fullExample4G() throws {
        let prepared = PreparedCell(cell(lon: 105.80, lat: 21.00, azimuth: 45, eirp: 30), parameters: RadioModelParameters())
        let link = try #require(prepared.link(to: ReceiverPoint(lon: 105.83, lat: 21.02, areaType: .rural)))

        // Haversine, R = 6,371,008.8 m.
        let radians = Double.pi / 180
        let sinHalfDLat = sin(0.02 * radians / 2)
        let sinHalfDLon = sin(0.03 * radians / 2)
        let h = sinHalfDLat * sinHalfDLat + cos(21.0 * radians) * cos(21.02 * radians) * sinHalfDLon * sinHalfDLon
        let d2D = 2 * 6_371_008.8 * asin(sqrt(h))
        #expect(RadioSpec.isClose(d2D, 3826.6458984810256, within: 1e-9))
        #expect(RadioSpec.isClose(link.distance2DM, d2D, within: 1e-9))
        // Bearing 54.4623°, phi = 9.4623° off the 45° azimuth: A_H = -12 (9.4623 / 65)^2.
        #expect(RadioSpec.isClose(try #require(link.bearingDeg), 54.462302189006074, within: 1e-9))
        let phi = 54.462302189006074 - 45.0
        let gain = -12 * ((phi / 65) * (phi / 65))
        #expect(RadioSpec.isClose(link.antennaGainDB, gain, within: 1e-9))
        #expect(RadioSpec.isClose(link.antennaGainDB, -0.25430105386812535, within: 1e-12))
        // Okumura-Hata, open/rural form, d = 3.8266 km.
        let logF = log10(900.0)
        let aHm = (1.1 * logF - 0.7) * 1.5 - (1.56 * logF - 0.8)
        let lu = 69.55 + 26.16 * logF - 13.82 * log10(30.0) - aHm + (44.9 - 6.55 * log10(30.0)) * log10(d2D / 1000)
        let hata = lu - 4.78 * logF * logF + 18.33 * logF - 40.94
        #expect(link.modelKind == .okumuraHata)
        #expect(RadioSpec.isClose(link.modelPathLossDB, hata, within: 1e-9))
        #expect(RadioSpec.isClose(link.modelPathLossDB, 118.42655812329323, within: 1e-9))
        // Free space at d3D = sqrt(d2D^2 + 28.5^2) is lower: no floor.
        let fspl = 20 * log10(4 * Double.pi * sqrt(d2D * d2D + 28.5 * 28.5) * 900e6 / 299_792_458)
        #expect(RadioSpec.isClose(link.freeSpacePathLossDB, fspl, within: 1e-9))
        #expect(RadioSpec.isClose(link.freeSpacePathLossDB, 103.18923983079529, within: 1e-9))
        #expect(link.pathLossDB == link.modelPathLossDB)
        // RSRP = 30 + A_H - PL - 0.
        #expect(RadioSpec.isClose(link.rsrpDBm, 30 + gain - hata, within: 1e-9))
        #expect(RadioSpec.isClose(link.rsrpDBm, -88.68085917716135, within: 1e-9))
        #expect(prepared.rsrpDBm(at: ReceiverPoint(lon: 105.83, lat: 21.02, areaType: .rural)) == link.rsrpDBm)
    }

    @Test("5G 3500 MHz to an urban village 1 km away, 2 dB extra loss: UMa NLOS, RSRP = -108.772886 dBm")
    func fullExample5G() throws {
        var parameters = RadioModelParameters()
        parameters.extraLossDB = 2
        let prepared = PreparedCell(
            cell(band: 3500, lon: 106.70, lat: 10.78, height: 25, azimuth: 200, technology: .nr), parameters: parameters
        )
        let link = try #require(prepared.link(to: ReceiverPoint(lon: 106.695, lat: 10.772, areaType: .urban)))
        #expect(RadioSpec.isClose(link.distance2DM, 1043.849150034387, within: 1e-9))
        #expect(RadioSpec.isClose(try #require(link.bearingDeg), 211.54949927257573, within: 1e-9))
        #expect(RadioSpec.isClose(link.antennaGainDB, -0.37886182280869296, within: 1e-12))
        #expect(link.modelKind == .tr38901UMa)
        // d'BP = 4 (25 - 1)(1.5 - 1) 3.5e9 / 3e8 = 560 m < d2D: the far LOS form; NLOS' is larger.
        let d3D = sqrt(link.distance2DM * link.distance2DM + 23.5 * 23.5)
        let los = 28 + 40 * log10(d3D) + 20 * log10(3.5) - 9 * log10(560 * 560 + 23.5 * 23.5)
        let nlos = 13.54 + 39.08 * log10(d3D) + 20 * log10(3.5)
        #expect(RadioSpec.isClose(los, 110.15701012625902, within: 1e-9))
        #expect(RadioSpec.isClose(link.modelPathLossDB, nlos, within: 1e-9))
        #expect(RadioSpec.isClose(link.pathLossDB, 142.39402374846588, within: 1e-9))
        #expect(RadioSpec.isClose(link.rsrpDBm, 36 + link.antennaGainDB - nlos - 2, within: 1e-9))
        #expect(RadioSpec.isClose(link.rsrpDBm, -108.77288557127457, within: 1e-9))
    }

    @Test("d2D is clamped to 10 m for the formulas (d3D from the clamped d2D), not for the range check")
    func minimumDistanceClamp() throws {
        let prepared = PreparedCell(cell(), parameters: RadioModelParameters())
        let at3m = try #require(prepared.link(to: ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 3), areaType: .urban)))
        let at5m = try #require(prepared.link(to: ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 5), areaType: .urban)))
        #expect(RadioSpec.isClose(at3m.distance2DM, 3, within: 1e-6))
        #expect(at3m.clampedDistance2DM == 10 && at3m.distance3DM == sqrt(100 + 28.5 * 28.5))
        #expect(at3m.bearingDeg == 0 && at5m.bearingDeg == 0)
        #expect(at3m.rsrpDBm == at5m.rsrpDBm)
        let urbanHata = RadioSpec.hata(f: 900, hb: 30, hm: 1.5, d2DM: 10, area: .urban)
        #expect(at3m.modelPathLossDB == urbanHata)
        #expect(at3m.rsrpDBm == 30 - max(urbanHata, RadioSpec.fspl(d3D: sqrt(100 + 28.5 * 28.5), f: 900)))
    }

    @Test("PL is floored at free-space loss: open Hata at 10 m is 27.4 dB, FSPL 61.1 dB")
    func freeSpaceFloor() throws {
        let prepared = PreparedCell(cell(azimuth: nil), parameters: RadioModelParameters())
        let link = try #require(prepared.link(to: ReceiverPoint(lon: 105, lat: 21, areaType: .open)))
        #expect(RadioSpec.isClose(link.modelPathLossDB, 27.4472, within: 0.0001))
        #expect(RadioSpec.isClose(link.freeSpacePathLossDB, 61.1338, within: 0.0001))
        #expect(link.freeSpacePathLossDB == RadioSpec.fspl(d3D: sqrt(100 + 28.5 * 28.5), f: 900))
        #expect(link.pathLossDB == link.freeSpacePathLossDB)
        #expect(link.rsrpDBm == 30 - link.freeSpacePathLossDB)
    }

    @Test("max range: unclamped d2D <= 35,000 m is in range, the limit included")
    func maximumRange() throws {
        let cellValue = cell()
        let inside = ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 34_999), areaType: .rural)
        let outside = ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 35_001), areaType: .rural)
        let prepared = PreparedCell(cellValue, parameters: RadioModelParameters())
        #expect(prepared.rsrpDBm(at: inside) != nil)
        #expect(prepared.rsrpDBm(at: outside) == nil)

        let receiver = ReceiverPoint(lon: 105.2, lat: 21.1, areaType: .rural)
        let distance = Geodesy.distanceM(lon1: 105, lat1: 21, lon2: 105.2, lat2: 21.1)
        var parameters = RadioModelParameters()
        parameters.maxRangeM = distance
        #expect(PreparedCell(cellValue, parameters: parameters).link(to: receiver)?.distance2DM == distance)
        parameters.maxRangeM = distance.nextDown
        #expect(PreparedCell(cellValue, parameters: parameters).link(to: receiver) == nil)
    }

    @Test("a village exactly at the cell: d2D 0, bearing 0, the pattern seen from the azimuth")
    func villageAtTheCell() throws {
        let prepared = PreparedCell(cell(azimuth: 90), parameters: RadioModelParameters())
        let link = try #require(prepared.link(to: ReceiverPoint(lon: 105, lat: 21, areaType: .urban)))
        #expect(link.distance2DM == 0 && link.clampedDistance2DM == 10)
        #expect(link.bearingDeg == 0)
        #expect(link.antennaGainDB == -min(12 * ((-90.0 / 65) * (-90.0 / 65)), 30))
        let south = PreparedCell(cell(lat: -33.9, azimuth: 90), parameters: RadioModelParameters())
        #expect(south.link(to: ReceiverPoint(lon: 105, lat: -33.9, areaType: .urban))?.bearingDeg == 0)
        let omni = PreparedCell(cell(azimuth: nil), parameters: RadioModelParameters())
        let omniLink = try #require(omni.link(to: ReceiverPoint(lon: 105, lat: 21, areaType: .urban)))
        #expect(omniLink.bearingDeg == nil && omniLink.antennaGainDB == 0)
    }

    @Test("the user height and the extra loss come from the parameters")
    func parametersApply() throws {
        var parameters = RadioModelParameters()
        parameters.userHeightM = 3
        parameters.extraLossDB = 5
        let receiver = ReceiverPoint(lon: 105, lat: RadioSpec.north(of: 21, metres: 1500), areaType: .suburban)
        let link = try #require(PreparedCell(cell(band: 1800), parameters: parameters).link(to: receiver))
        #expect(link.distance3DM == sqrt(link.distance2DM * link.distance2DM + 27 * 27))
        #expect(link.modelPathLossDB == RadioSpec.cost231(f: 1800, hb: 30, hm: 3, d2DM: link.distance2DM, area: .suburban))
        #expect(link.rsrpDBm == 30 + 0 - link.pathLossDB - 5)
    }

    @Test("prepared locations give Geodesy's distances and bearings bit for bit")
    func preparedGeodesyIsExact() {
        var generator = RadioTestGenerator(state: 7)
        for index in 0..<5000 {
            let lon1 = generator.uniform(102...110)
            let lat1 = generator.uniform(8...24)
            let spread = index.isMultiple(of: 2) ? 0.5 : 0.001
            let lon2 = lon1 + generator.uniform(-spread...spread)
            let lat2 = lat1 + generator.uniform(-spread...spread)
            let a = PreparedLocation(lon: lon1, lat: lat1)
            let b = PreparedLocation(lon: lon2, lat: lat2)
            #expect(a.distanceM(to: b) == Geodesy.distanceM(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2))
            #expect(a.bearingDeg(to: b) == Geodesy.bearingDeg(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2))
        }
    }
}
