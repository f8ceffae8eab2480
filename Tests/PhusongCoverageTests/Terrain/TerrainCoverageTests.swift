import Foundation
import PhusongSupport
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

/// The coverage engine over terrain against an exhaustive evaluation of every village–cell
/// pair in range with the contract's formula (docs/specs/terrain-model.md, "Path loss used for
/// coverage"): the pruned searches must give the same best servers, RSRP (bit for bit), flags
/// and operator coverage, for both combinations, and the same for 1 and 2 threads.
@Suite("Coverage over terrain")
struct TerrainCoverageTests {
    static let parameters = RadioModelParameters()

    /// Sites on both sides of the synthetic ridge, three sectors each, two operators, 4G on
    /// 900 MHz and 5G on 3500 MHz; villages across the tile's middle, every area type.
    static func scenario() -> (villages: [Village], cells: [Cell]) {
        var random = SplitMix64(seed: 17)
        var cells: [Cell] = []
        for site in 0..<14 {
            let lon = site < 10 ? random.uniform(105.30...105.46) : random.uniform(105.55...105.70)
            let lat = random.uniform(21.30...21.70)
            let operatorName = site % 2 == 0 ? "Viettel" : "VNPT"
            let height = random.uniform(20...45)
            for sector in 0..<3 {
                let technology: Technology = site % 3 == 0 ? .nr : .lte
                cells.append(Cell(
                    id: "S\(site)-\(sector)", siteID: "S\(site)", operatorName: operatorName, technology: technology,
                    bandMHz: technology == .nr ? 3500 : 900, lon: lon, lat: lat, heightM: height,
                    azimuthDeg: Double(sector) * 120 + random.uniform(0...30)))
            }
        }
        let villages = (0..<120).map { index in
            Village(id: "V\(index)", lon: random.uniform(105.30...105.75), lat: random.uniform(21.30...21.70), population: 100,
                    areaType: AreaType.allCases[index % 4])
        }
        return (villages, cells)
    }

    static func model(_ folder: URL, combine: TerrainSettings.Combination) throws -> TerrainModel {
        _ = try SyntheticTile.write("N21E105.hgt", into: folder, height: SyntheticTile.ridge(row:column:))
        let settings = TerrainSettings(combine: combine, clutterLossDB: ByAreaType(urban: 6, suburban: 3, rural: 0, open: 0))
        return try TerrainModel(source: TerrainSource(path: folder.path), settings: settings)
    }

    /// RSRP of every pair in range by the contract's formula, evaluated without any bound.
    static func exhaustive(villages: [Village], cells: [Cell], model: TerrainModel) throws -> [[Double?]] {
        var heights: [Double] = []
        return try villages.map { village in
            let receiver = ReceiverPoint(village)
            return try cells.map { cell -> Double? in
                guard let link = PreparedCell(cell, parameters: parameters).link(to: receiver) else { return nil }
                let pair = PathLossPair(id: "", txLatitude: cell.lat, txLongitude: cell.lon, txHeightM: cell.heightM,
                                        rxLatitude: village.lat, rxLongitude: village.lon, rxHeightM: parameters.userHeightM,
                                        bandMHz: cell.bandMHz)
                let result = try PointToPointLosses.compute(pair, profiler: model.profiler, parameters: model.itm, heights: &heights)
                guard case .loss(let itm) = result.outcome else { Issue.record("no ITM loss for \(pair)"); return nil }
                let loss = model.settings.combine == .max ? max(link.pathLossDB, itm.lossDB) : itm.lossDB
                return cell.rsEIRPdBm + link.antennaGainDB - loss - parameters.extraLossDB
                    - model.settings.clutterLossDB[village.areaType]
            }
        }
    }

    @Test("pruned searches equal the exhaustive evaluation, for max and itm, 1 and 2 threads", arguments: [
        TerrainSettings.Combination.max, .itm,
    ])
    func exact(combine: TerrainSettings.Combination) async throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        let model = try Self.model(scratch.folder, combine: combine)
        let (villages, cells) = Self.scenario()
        let engine = try CoverageEngine(cells: cells, parameters: Self.parameters).withTerrain(model)
        let (one, statistics) = try await engine.coverageAndStatistics(of: villages, threads: 1)
        let (two, statisticsTwo) = try await engine.coverageAndStatistics(of: villages, threads: 2)
        #expect(one == two)
        #expect(statistics == statisticsTwo)
        let rsrp = try Self.exhaustive(villages: villages, cells: cells, model: model)
        var shadows = 0
        let empirical = try await CoverageEngine(cells: cells, parameters: Self.parameters).coverage(of: villages, threads: 1)
        for (index, coverage) in one.enumerated() {
            for technology in [Technology.lte, .nr] {
                let candidates = cells.indices.filter { cells[$0].technology == technology && rsrp[index][$0] != nil }
                let best = candidates.max { a, b in
                    (rsrp[index][a] ?? 0, cells[b].id) < (rsrp[index][b] ?? 0, cells[a].id)
                }
                let found = technology == .lte ? coverage.best4G : coverage.best5G
                #expect(found?.cellIndex == best, "village \(index) \(technology)")
                #expect(found?.rsrpDBm == best.flatMap { rsrp[index][$0] }, "village \(index) \(technology)")
                for (operatorIndex, name) in engine.operators.enumerated() {
                    let covers = candidates.contains { cells[$0].operatorName == name && (rsrp[index][$0] ?? -999) >= -110 }
                    #expect(coverage.operatorCovers(operatorIndex, technology) == covers, "village \(index) \(name) \(technology)")
                }
            }
            if combine == .max {
                // The bound the pruning rests on: terrain never connects what the empirical model does not.
                #expect(!coverage.connected || empirical[index].connected)
            }
            if empirical[index].connected && coverage.deadZone { shadows += 1 }
        }
        #expect(shadows > 0, "the ridge must shadow some villages")
        #expect(statistics.terrain.profiles > 0 && statistics.terrain.outsideTerrainPairs == 0)
    }

    @Test("pairs leaving the tiles: counted with the missing tile named; the default-model policy uses the empirical RSRP")
    func outsideTerrain() async throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        var model = try Self.model(scratch.folder, combine: .max)
        let cells = [Cell(id: "A", siteID: "A", operatorName: "Viettel", technology: .lte, bandMHz: 900, lon: 105.2, lat: 21.9, heightM: 30)]
        let village = Village(id: "V", lon: 105.25, lat: 22.05, population: 10)
        let engine = try CoverageEngine(cells: cells, parameters: Self.parameters)
        let (coverage, statistics) = try await engine.withTerrain(model).coverageAndStatistics(of: [village], threads: 1)
        #expect(statistics.terrain.missingTiles == ["N22E105.hgt"])
        #expect(statistics.terrain.outsideTerrainPairs == 1)
        #expect(coverage == [engine.coverage(of: village)])
        model = try TerrainModel(source: model.profiler.tiles.source, settings: TerrainSettings(outsideTerrain: .defaultModel))
        let kept = try await engine.withTerrain(model).coverage(of: [village], threads: 1)
        #expect(kept == [engine.coverage(of: village)])
    }

    @Test("candidates' coverage sets over terrain equal the exhaustive formula and lie inside the empirical sets", arguments: [
        TerrainSettings.Combination.max, .itm,
    ])
    func candidateSets(combine: TerrainSettings.Combination) async throws {
        let scratch = try TemporaryFiles()
        defer { scratch.remove() }
        let model = try Self.model(scratch.folder, combine: combine)
        let (villages, cells) = Self.scenario()
        let sites = Dictionary(grouping: cells.indices, by: { cells[$0].siteID }).values.sorted { $0[0] < $1[0] }
        let candidates = sites.map { $0.map { cells[$0] } }
        let sets = try await CandidateCoverage.coveredVillages(
            candidates: candidates, villages: villages, parameters: Self.parameters, terrain: model, threads: 2)
        let empirical = try await CandidateCoverage.coveredVillages(
            candidates: candidates, villages: villages, parameters: Self.parameters, threads: 2)
        let rsrp = try Self.exhaustive(villages: villages, cells: cells, model: model)
        var removed = 0
        for (candidate, members) in sites.enumerated() {
            let expected = villages.indices.filter { village in
                members.contains { (rsrp[village][$0] ?? -.infinity) >= Self.parameters.coverageThresholdDBm(for: cells[$0].technology) }
            }.map { Int32($0) }
            #expect(sets[candidate] == expected, "candidate \(candidate)")
            if combine == .max { #expect(Set(sets[candidate]).isSubset(of: empirical[candidate])) }
            removed += empirical[candidate].count - sets[candidate].count
        }
        if combine == .max {
            #expect(removed > 0, "the ridge must take villages out of some candidate's set")
        } else {
            // ITM alone is more optimistic than the empirical curves on the clear plain.
            #expect(removed < 0)
        }
    }
}
