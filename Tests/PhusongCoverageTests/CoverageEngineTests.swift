import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSupport

/// Seeded random test inputs.
typealias TestRandom = SplitMix64

extension SplitMix64 {
    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
}

/// A random scenario over about 1° × 1°: dense and sparse cells, all bands and area types.
func randomScenario(seed: UInt64, villages villageCount: Int = 400, sites siteCount: Int = 150) -> Scenario {
    var random = TestRandom(seed: seed)
    var cells: [Cell] = []
    let operators = ["Viettel", "VNPT", "MobiFone", "Vietnamobile"]
    for site in 0..<siteCount {
        // Half the sites crowd into a "town" so that pruning has work to do.
        let town = site % 2 == 0
        let lon = town ? random.uniform(105.40...105.50) : random.uniform(105.0...106.0)
        let lat = town ? random.uniform(21.00...21.10) : random.uniform(20.6...21.6)
        let height = (random.uniform(20...45) * 10).rounded() / 10
        let op = random.pick(operators)
        let band4G = random.pick([700.0, 900, 1800, 2100])
        let rotation = random.uniform(0...119).rounded()
        let omni = random.next() % 10 == 0
        for sector in 0..<(omni ? 1 : 3) {
            let azimuth: Double? = omni ? nil : rotation + Double(120 * sector)
            cells.append(Cell(id: "S\(site)-\(sector + 1)", siteID: "S\(site)", operatorName: op, technology: .lte,
                              bandMHz: band4G, lon: lon, lat: lat, heightM: height, azimuthDeg: azimuth,
                              rsEIRPdBm: (random.uniform(28...32) * 10).rounded() / 10))
            if town, random.next() % 2 == 0 {
                cells.append(Cell(id: "S\(site)-\(sector + 4)", siteID: "S\(site)", operatorName: op, technology: .nr,
                                  bandMHz: random.pick([2600.0, 3500]), lon: lon, lat: lat, heightM: height,
                                  azimuthDeg: azimuth))
            }
        }
    }
    var villages: [Village] = []
    for index in 0..<villageCount {
        villages.append(Village(
            id: "V\(index)", lon: random.uniform(104.6...106.4), lat: random.uniform(20.3...21.9),
            population: Int(random.next() % 3000), gridPower: random.next() % 20 != 0,
            areaType: random.pick(AreaType.allCases)))
    }
    // A village exactly at a site, and exact ties: two identical cells with different ids.
    villages.append(Village(id: "at-site", lon: cells[0].lon, lat: cells[0].lat, population: 10, areaType: .urban))
    var twin = cells[0]
    twin.id = "A-twin"
    twin.siteID = "TWIN"
    cells.append(twin)
    return Scenario(villages: villages, cells: cells)
}

/// The coverage of a village by evaluating every cell: the definition, without any search.
func bruteForceCoverage(_ village: Village, cells: [Cell], engine: CoverageEngine) -> VillageCoverage {
    let receiver = ReceiverPoint(village)
    let prepared = cells.map { PreparedCell($0, parameters: engine.parameters) }
    var best: [VillageCoverage.BestServer?] = [nil, nil]
    var covered: UInt64 = 0
    var nearest: (distance: Double, cell: Int)?
    for (index, cell) in cells.enumerated() {
        let distance = Geodesy.distanceM(lon1: cell.lon, lat1: cell.lat, lon2: village.lon, lat2: village.lat)
        if nearest.map({ distance < $0.distance || (distance == $0.distance && cell.id.utf8.lexicographicallyPrecedes(cells[$0.cell].id.utf8)) }) ?? true {
            nearest = (distance, index)
        }
        guard let rsrp = prepared[index].rsrpDBm(at: receiver) else { continue }
        let technology = cell.technology == .lte ? 0 : 1
        if let current = best[technology] {
            let wins = rsrp > current.rsrpDBm || (rsrp == current.rsrpDBm && cell.id.utf8.lexicographicallyPrecedes(cells[current.cellIndex].id.utf8))
            if wins { best[technology] = .init(cellIndex: index, rsrpDBm: rsrp) }
        } else {
            best[technology] = .init(cellIndex: index, rsrpDBm: rsrp)
        }
        if rsrp >= engine.parameters.coverageThresholdDBm(for: cell.technology),
           let op = engine.operators.firstIndex(of: cell.operatorName) {
            covered |= 1 << UInt64(2 * op + technology)
        }
    }
    let siteIndex = nearest.flatMap { n in engine.sites.firstIndex { $0.id == cells[n.cell].siteID } }
    return VillageCoverage(
        best4G: best[0], best5G: best[1],
        covered4G: (best[0]?.rsrpDBm ?? -.infinity) >= -110, covered5G: (best[1]?.rsrpDBm ?? -.infinity) >= -110,
        nearestSite: siteIndex.map { .init(siteIndex: $0, distanceM: nearest?.distance ?? 0) },
        operatorCoverage: covered)
}

@Suite("Coverage engine")
struct CoverageEngineTests {
    @Test("the pruned search equals evaluating every cell, for every village", arguments: [1, 2, 3] as [UInt64])
    func matchesBruteForce(seed: UInt64) async throws {
        let scenario = randomScenario(seed: seed)
        let engine = try CoverageEngine(cells: scenario.cells)
        let results = try await engine.coverage(of: scenario.villages, threads: 2)
        var mismatches: [String] = []
        for (index, village) in scenario.villages.enumerated() {
            let expected = bruteForceCoverage(village, cells: scenario.cells, engine: engine)
            if results[index] != expected { mismatches.append(village.id) }
        }
        #expect(mismatches.isEmpty, "villages that differ: \(mismatches.prefix(10))")
        #expect(results.contains { $0.connected } && results.contains { $0.deadZone }, "the scenario has both outcomes")
        #expect(results.contains { $0.deadZone && $0.hasCellInRange }, "and weak-signal dead zones")
    }

    @Test("results do not depend on the number of threads")
    func threadIndependent() async throws {
        let scenario = randomScenario(seed: 9, villages: 3000)
        let engine = try CoverageEngine(cells: scenario.cells)
        let one = try await engine.coverage(of: scenario.villages, threads: 1)
        for threads in [2, 5] {
            #expect(try await engine.coverage(of: scenario.villages, threads: threads) == one)
        }
    }

    @Test("the engine prepared in parallel equals the one prepared on one task")
    func parallelPreparation() async throws {
        let scenario = randomScenario(seed: 4, villages: 2000)
        let serial = try CoverageEngine(cells: scenario.cells)
        let expected = try await serial.coverage(of: scenario.villages, threads: 1)
        for threads in [1, 2, 3] {
            let parallel = try await CoverageEngine.prepare(cells: scenario.cells, threads: threads)
            #expect(parallel.sites == serial.sites && parallel.cellIDs == serial.cellIDs)
            #expect(try await parallel.coverage(of: scenario.villages, threads: threads) == expected)
        }
    }

    @Test("the tie rule: exactly equal RSRP goes to the smallest cell_id in UTF-8 byte order")
    func tieRule() throws {
        let base = Cell(id: "b", siteID: "s1", operatorName: "X", technology: .lte, bandMHz: 900,
                        lon: 105, lat: 21, heightM: 30, azimuthDeg: 90)
        var twin = base
        twin.id = "B"  // "B" (0x42) sorts before "b" (0x62)
        twin.siteID = "s2"
        var accented = base
        accented.id = "bé"  // longer, after "b"
        let engine = try CoverageEngine(cells: [base, accented, twin])
        let result = engine.coverage(of: Village(id: "v", lon: 105.05, lat: 21, population: 1))
        #expect(result.best4G?.cellIndex == 2)
        #expect(result.nearestSite?.siteIndex == engine.sites.firstIndex { $0.id == "s2" })
    }

    @Test("adding a cell never lowers any village's best RSRP or coverage")
    func addingCellsNeverHurts() async throws {
        let scenario = randomScenario(seed: 21, villages: 800)
        var random = TestRandom(seed: 77)
        let before = try await CoverageEngine(cells: scenario.cells).coverage(of: scenario.villages, threads: 2)
        var cells = scenario.cells
        for index in 0..<40 {
            cells.append(Cell(id: "NEW-\(index)", siteID: "NEW-\(index)", operatorName: random.pick(["Viettel", "VNPT"]),
                              technology: index % 3 == 0 ? .nr : .lte, bandMHz: random.pick([900.0, 1800, 3500]),
                              lon: random.uniform(104.8...106.2), lat: random.uniform(20.5...21.7), heightM: 30,
                              azimuthDeg: random.uniform(0...359)))
        }
        let engine = try CoverageEngine(cells: cells)
        let after = try await engine.coverage(of: scenario.villages, threads: 2)
        for (old, new) in zip(before, after) {
            #expect((new.best4G?.rsrpDBm ?? -.infinity) >= (old.best4G?.rsrpDBm ?? -.infinity))
            #expect((new.best5G?.rsrpDBm ?? -.infinity) >= (old.best5G?.rsrpDBm ?? -.infinity))
            #expect(!old.covered4G || new.covered4G)
            #expect(!old.covered5G || new.covered5G)
            #expect((new.nearestSite?.distanceM ?? .infinity) <= (old.nearestSite?.distanceM ?? .infinity))
        }
        #expect(after.count { $0.connected } > before.count { $0.connected })
    }
}
