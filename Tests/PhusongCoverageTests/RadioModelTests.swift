import Foundation
import Testing
@testable import PhusongCoverage

@Suite("Radio path-loss models: the known answers of coverage-model.md")
struct RadioModelTests {
    @Test("Okumura-Hata 900 MHz, hb 30 m, hm 1.5 m, 1 km: urban 126.40 dB, open 97.90 dB")
    func hataKnownAnswers() {
        func hata(_ environment: HataEnvironment) -> Double {
            OkumuraHata(frequencyMHz: 900, baseStationHeightM: 30, mobileHeightM: 1.5, environment: environment)
                .pathLossDB(distance2DM: 1000)
        }
        #expect(RadioSpec.isClose(hata(.urban), 126.40, within: 0.01))
        #expect(RadioSpec.isClose(hata(.openRural), 97.90, within: 0.01))
        #expect(RadioSpec.isClose(hata(.suburban), 116.4607, within: 0.0001))
        #expect(HataEnvironment(.rural) == .openRural && HataEnvironment(.open) == .openRural)
    }

    @Test("COST-231 Hata 1800 MHz, hb 30 m, hm 1.5 m, 1 km: Lc(0) = 136.20 dB, urban Lc(3) = 139.20 dB")
    func cost231KnownAnswers() {
        func cost(_ environment: HataEnvironment) -> Cost231Hata {
            Cost231Hata(frequencyMHz: 1800, baseStationHeightM: 30, mobileHeightM: 1.5, environment: environment)
        }
        #expect(RadioSpec.isClose(cost(.urban).basicLossDB(distance2DM: 1000, cmDB: 0), 136.20, within: 0.01))
        #expect(RadioSpec.isClose(cost(.urban).pathLossDB(distance2DM: 1000), 139.20, within: 0.01))
        #expect(cost(.urban).metropolitanCorrectionDB == 3 && cost(.suburban).metropolitanCorrectionDB == 0)
        #expect(RadioSpec.isClose(cost(.suburban).pathLossDB(distance2DM: 1000), 124.2584, within: 0.0001))
        #expect(RadioSpec.isClose(cost(.openRural).pathLossDB(distance2DM: 1000), 104.2734, within: 0.0001))
    }

    @Test("38.901 at 5 GHz, hUT 1.5 m: UMa (hBS 25) 1000 m = 144.7641, 100 m = 106.1356 dB")
    func umaKnownAnswers() {
        let uma = TR38901Urban(.macro, frequencyMHz: 5000, baseStationHeightM: 25, userHeightM: 1.5)
        #expect(RadioSpec.isClose(uma.breakpointDistanceM, 800, within: 1e-9))
        for (d2D, expected, los) in [(1000.0, 144.7641, 109.7252), (100, 106.1356, 86.2362)] {
            let d3D = RadioSpec.d3D(d2D, hBS: 25)
            let pathLoss = uma.pathLossDB(distance2DM: d2D, distance3DM: d3D)
            // The spec's "NLOS" is max(LOS, NLOS'); here NLOS' is the larger.
            #expect(RadioSpec.isClose(pathLoss, expected, within: 0.0001))
            #expect(pathLoss == uma.nlosPrimePathLossDB(distance3DM: d3D))
            #expect(RadioSpec.isClose(uma.losPathLossDB(distance2DM: d2D, distance3DM: d3D), los, within: 0.0001))
        }
    }

    @Test("38.901 at 5 GHz, hUT 1.5 m: RMa (hBS 35) 1000 m = 133.5223, 100 m = 95.7718 dB")
    func rmaKnownAnswers() {
        let rma = TR38901RMa(frequencyMHz: 5000, baseStationHeightM: 35, userHeightM: 1.5)
        #expect(RadioSpec.isClose(rma.breakpointDistanceM, 5497.787143782138, within: 1e-9))
        for (d2D, expected, los) in [(1000.0, 133.5223, 108.5577), (100, 95.7718, 87.2965)] {
            let d3D = RadioSpec.d3D(d2D, hBS: 35)
            let pathLoss = rma.pathLossDB(distance2DM: d2D, distance3DM: d3D)
            #expect(RadioSpec.isClose(pathLoss, expected, within: 0.0001))
            #expect(pathLoss == rma.nlosPrimePathLossDB(distance3DM: d3D))
            #expect(RadioSpec.isClose(rma.losPathLossDB(distance2DM: d2D, distance3DM: d3D), los, within: 0.0001))
        }
    }

    @Test("RMa LOS beyond the breakpoint is PL1(dBP) + 40 log(d3D / dBP)")
    func rmaBeyondBreakpoint() {
        let rma = TR38901RMa(frequencyMHz: 5000, baseStationHeightM: 35, userHeightM: 1.5)
        let d3D = RadioSpec.d3D(8000, hBS: 35)
        let los = rma.losPathLossDB(distance2DM: 8000, distance3DM: d3D)
        #expect(RadioSpec.isClose(los, 136.5133, within: 0.0001))
        #expect(los == rma.pl1(rma.breakpointDistanceM) + 40 * log10(d3D / rma.breakpointDistanceM))
        #expect(RadioSpec.isClose(rma.pathLossDB(distance2DM: 8000, distance3DM: d3D), 168.4025, within: 0.0001))
    }

    @Test("RMa at 10 m: LOS exceeds NLOS', and PL = max(LOS, NLOS') takes LOS")
    func rmaLOSWins() {
        let rma = TR38901RMa(frequencyMHz: 5000, baseStationHeightM: 35, userHeightM: 1.5)
        let d3D = RadioSpec.d3D(10, hBS: 35)
        let los = rma.losPathLossDB(distance2DM: 10, distance3DM: d3D)
        let nlos = rma.nlosPrimePathLossDB(distance3DM: d3D)
        #expect(RadioSpec.isClose(los, 77.3784, within: 0.0001))
        #expect(RadioSpec.isClose(nlos, 77.2465, within: 0.0001))
        #expect(rma.pathLossDB(distance2DM: 10, distance3DM: d3D) == los)
    }

    @Test("38.901 UMi street canyon at 3.5 GHz, hBS 10 m: d'BP = 210 m, both LOS forms")
    func umiStreetCanyon() {
        let umi = TR38901Urban(.microStreetCanyon, frequencyMHz: 3500, baseStationHeightM: 10, userHeightM: 1.5)
        #expect(RadioSpec.isClose(umi.breakpointDistanceM, 210, within: 1e-9))
        for (d2D, los, nlos) in [(100.0, 85.3142, 104.6438), (1000, 119.1531, 139.8892)] {
            let d3D = RadioSpec.d3D(d2D, hBS: 10)
            #expect(RadioSpec.isClose(umi.losPathLossDB(distance2DM: d2D, distance3DM: d3D), los, within: 0.0001))
            #expect(RadioSpec.isClose(umi.nlosPrimePathLossDB(distance3DM: d3D), nlos, within: 0.0001))
            #expect(umi.pathLossDB(distance2DM: d2D, distance3DM: d3D) == max(
                umi.losPathLossDB(distance2DM: d2D, distance3DM: d3D), umi.nlosPrimePathLossDB(distance3DM: d3D)
            ))
        }
    }

    @Test("free space, ITU-R P.525: 1 km at 1000 MHz = 92.4478 dB; +6.02 dB per doubling")
    func freeSpace() {
        let loss = FreeSpacePathLoss.pathLossDB(distance3DM: 1000, frequencyMHz: 1000)
        #expect(RadioSpec.isClose(loss, 92.4478, within: 0.0001))
        let doubled = FreeSpacePathLoss.pathLossDB(distance3DM: 2000, frequencyMHz: 1000)
        #expect(RadioSpec.isClose(doubled - loss, 20 * log10(2.0), within: 1e-12))
    }

    @Test("precomputed models equal the spec's formulas written in full, bit for bit")
    func precomputationIsExact() {
        var generator = RadioTestGenerator(state: 2025)
        for _ in 0..<2000 {
            let hBS = generator.uniform(5...150)
            let hUT = generator.uniform(1...10)
            let d2D = generator.uniform(10...35_000)
            let d3D = RadioSpec.d3D(d2D, hBS: hBS, hUT: hUT)
            let low = generator.uniform(400...1500)
            let mid = generator.uniform(1500...2700)
            let high = generator.uniform(2700...40_000)
            for area in AreaType.allCases {
                let environment = HataEnvironment(area)
                let hata = OkumuraHata(frequencyMHz: low, baseStationHeightM: hBS, mobileHeightM: hUT, environment: environment)
                #expect(hata.pathLossDB(distance2DM: d2D) == RadioSpec.hata(f: low, hb: hBS, hm: hUT, d2DM: d2D, area: area))
                let cost = Cost231Hata(frequencyMHz: mid, baseStationHeightM: hBS, mobileHeightM: hUT, environment: environment)
                #expect(cost.pathLossDB(distance2DM: d2D) == RadioSpec.cost231(f: mid, hb: hBS, hm: hUT, d2DM: d2D, area: area))
            }
            let uma = TR38901Urban(.macro, frequencyMHz: high, baseStationHeightM: hBS, userHeightM: hUT)
            #expect(uma.pathLossDB(distance2DM: d2D, distance3DM: d3D)
                == RadioSpec.uma(f: high, hBS: hBS, hUT: hUT, d2D: d2D, d3D: d3D))
            let rma = TR38901RMa(frequencyMHz: high, baseStationHeightM: hBS, userHeightM: hUT)
            #expect(rma.pathLossDB(distance2DM: d2D, distance3DM: d3D)
                == RadioSpec.rma(f: high, hBS: hBS, hUT: hUT, d2D: d2D, d3D: d3D))
        }
    }
}
