import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSynthetic

/// The default preset and a larger tiled scenario, generated once for the whole test run.
private let networks = Result { () throws(SyntheticParameterError) -> [Scenario] in
    [try SyntheticScenario.generate(.defaultPreset),
     try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 12_000, seed: 99))]
}

@Suite("Synthetic scenarios: the radio network")
struct SyntheticNetworkTests {
    @Test("every site: three 4G sectors 120° apart at one place and height; 5G only beside 4G, on the same azimuths")
    func siteStructure() throws {
        for scenario in try networks.get() {
            let bySite = Dictionary(grouping: scenario.cells, by: \.siteID)
            #expect(!bySite.isEmpty)
            for (siteID, cells) in bySite {
                let lte = cells.filter { $0.technology == .lte }.sorted { $0.id < $1.id }
                let nr = cells.filter { $0.technology == .nr }.sorted { $0.id < $1.id }
                #expect(lte.map(\.id) == (1...3).map { "\(siteID)-\($0)" })
                #expect(nr.isEmpty || nr.map(\.id) == (4...6).map { "\(siteID)-\($0)" })
                let azimuths = lte.compactMap(\.azimuthDeg)
                #expect(azimuths.count == 3)
                if let first = azimuths.first {
                    #expect((0..<120).contains(first))
                    #expect(azimuths == [first, first + 120, first + 240])
                }
                #expect(nr.compactMap(\.azimuthDeg) == (nr.isEmpty ? [] : azimuths))
                #expect(Set(cells.map(\.lon)).count == 1 && Set(cells.map(\.lat)).count == 1)
                #expect(Set(cells.map(\.heightM)).count == 1 && Set(cells.map(\.operatorName)).count == 1)
                #expect(Set(cells.map(\.powerSource)).count == 1)
                #expect(Set(lte.map(\.bandMHz)).count == 1 && Set(lte.map(\.rsEIRPdBm)).count == 1)
            }
        }
    }

    @Test("site ids: operator prefix and 6 digits, numbered from 1 without gaps")
    func siteIDs() throws {
        let prefixes = ["Viettel": "VT", "VNPT": "VP", "MobiFone": "MF", "Vietnamobile": "VM"]
        for scenario in try networks.get() {
            var numbers: [String: [Int]] = [:]
            for cell in scenario.cells where cell.id.hasSuffix("-1") {
                let prefix = try #require(prefixes[cell.operatorName])
                let parts = cell.siteID.split(separator: "-")
                #expect(parts.count == 2 && parts[0] == prefix && parts[1].count == 6)
                numbers[prefix, default: []].append(Int(parts[1]) ?? -1)
            }
            for (prefix, list) in numbers {
                #expect(list == Array(1...list.count), "\(prefix)")
            }
        }
    }

    @Test("bands, EIRP, heights, beamwidth and power as specified")
    func radioParameters() throws {
        for scenario in try networks.get() {
            for cell in scenario.cells {
                #expect(cell.beamwidthDeg == 65)
                #expect((20...45).contains(cell.heightM) && (cell.heightM * 2).rounded() == cell.heightM * 2)
                #expect(cell.powerSource == .grid || cell.powerSource == .solar)
                switch cell.technology {
                case .lte:
                    #expect([700, 900, 1_800].contains(cell.bandMHz))
                    if cell.bandMHz == 700 { #expect(cell.operatorName == "Viettel") }
                    if cell.operatorName == "Vietnamobile" { #expect(cell.bandMHz == 1_800) }
                    #expect((28...32).contains(cell.rsEIRPdBm))
                    #expect(abs(cell.rsEIRPdBm * 10 - (cell.rsEIRPdBm * 10).rounded()) < 1e-9)
                case .nr:
                    #expect(cell.rsEIRPdBm == 36)
                    let expected: Double? = ["Viettel": 2_600, "VNPT": 3_500, "MobiFone": 3_500][cell.operatorName]
                    #expect(expected == cell.bandMHz, "\(cell.id)")
                }
            }
        }
    }

    @Test("4G EIRP is spread around 30 dBm; 5G and 1800 MHz sit in dense places, 700/900 MHz elsewhere")
    func densityShapesTheNetwork() throws {
        for scenario in try networks.get() {
            let lte = scenario.cells.filter { $0.technology == .lte }
            let mean = lte.map(\.rsEIRPdBm).reduce(0, +) / Double(lte.count)
            #expect(abs(mean - 30) < 0.2)
            #expect(Set(lte.map(\.rsEIRPdBm)).count > 20)
            let sites5G = Set(scenario.cells.filter { $0.technology == .nr }.map(\.siteID))
            #expect(!sites5G.isEmpty)
            let highBand = Set(lte.filter { $0.bandMHz == 1_800 }.map(\.siteID))
            #expect(sites5G.isSubset(of: highBand), "5G only on sites in dense areas")
            #expect(lte.contains { $0.bandMHz == 900 } && lte.contains { $0.bandMHz == 700 })
        }
    }

    @Test("operators' shares of sites are about 45/30/20/5 %")
    func operatorShares() throws {
        for scenario in try networks.get() {
            let operatorOfSite = Dictionary(scenario.cells.map { ($0.siteID, $0.operatorName) }, uniquingKeysWith: { first, _ in first })
            let counts = Dictionary(grouping: operatorOfSite.values, by: { $0 }).mapValues(\.count)
            let total = Double(operatorOfSite.count)
            func share(_ name: String) -> Double { Double(counts[name] ?? 0) / total }
            #expect((0.38...0.55).contains(share("Viettel")), "Viettel \(share("Viettel"))")
            #expect((0.22...0.38).contains(share("VNPT")), "VNPT \(share("VNPT"))")
            #expect((0.12...0.28).contains(share("MobiFone")), "MobiFone \(share("MobiFone"))")
            #expect((0.02...0.10).contains(share("Vietnamobile")), "Vietnamobile \(share("Vietnamobile"))")
        }
    }

    @Test("remote villages are left without a nearby site; solar sites stand near unpowered villages")
    func remoteAreas() throws {
        for scenario in try networks.get() {
            let sites = Dictionary(scenario.cells.map { ($0.siteID, $0) }, uniquingKeysWith: { first, _ in first }).values
            func nearestSiteKm(_ village: Village) -> Double {
                sites.map { Geodesy.distanceM(lon1: $0.lon, lat1: $0.lat, lon2: village.lon, lat2: village.lat) }.min() ?? .infinity
            }
            let sample = scenario.villages.enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
            let remote = sample.filter { nearestSiteKm($0) > 10_000 }
            let share = Double(remote.count) / Double(sample.count)
            #expect(share > 0.002 && share < 0.15, "share of villages > 10 km from any site: \(share)")
            #expect(remote.allSatisfy { $0.areaType == .rural || $0.areaType == .open })
            let unpowered = scenario.villages.filter { !$0.gridPower }
            for site in sites where site.powerSource == .solar {
                let nearest = unpowered.map { Geodesy.distanceM(lon1: site.lon, lat1: site.lat, lon2: $0.lon, lat2: $0.lat) }.min()
                #expect(nearest.map { $0 <= SolarSites.reachKm * 1_000 * 1.02 } == true, "\(site.siteID)")
            }
            #expect(sites.contains { $0.powerSource == .solar })
        }
    }
}
