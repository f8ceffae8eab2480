import Foundation
import Testing
@testable import PhusongCoverage
@testable import PhusongSynthetic

/// The default preset, generated once for the whole test run.
private let defaultScenario = Result { () throws(SyntheticParameterError) -> Scenario in
    try SyntheticScenario.generate(.defaultPreset)
}

/// The repository's root folder, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Synthetic scenarios: villages, determinism and the embedded default data")
struct SyntheticScenarioTests {
    @Test("the same parameters give the same bytes; another seed gives other bytes")
    func determinism() throws {
        let parameters = SyntheticScenarioParameters(villageCount: 2_500, seed: 11)
        let first = try SyntheticScenario.generate(parameters)
        let second = try SyntheticScenario.generate(parameters)
        #expect(ScenarioCSV.villagesCSV(first.villages) == ScenarioCSV.villagesCSV(second.villages))
        #expect(ScenarioCSV.cellsCSV(first.cells) == ScenarioCSV.cellsCSV(second.cells))
        var reseeded = parameters
        reseeded.seed = 12
        let other = try SyntheticScenario.generate(reseeded)
        #expect(ScenarioCSV.villagesCSV(other.villages) != ScenarioCSV.villagesCSV(first.villages))
        #expect(ScenarioCSV.cellsCSV(other.cells) != ScenarioCSV.cellsCSV(first.cells))
    }

    @Test("geodata/default holds exactly what the default preset generates now")
    func embeddedDefaultIsCurrent() throws {
        let scenario = try defaultScenario.get()
        let folder = repositoryRoot.appendingPathComponent("geodata/default")
        let villages = try Data(contentsOf: folder.appendingPathComponent("villages.csv"))
        let cells = try Data(contentsOf: folder.appendingPathComponent("cells.csv"))
        let hint: Comment = "regenerate with geodata/make-default.sh"
        #expect(firstDifference(Array(villages), ScenarioCSV.villagesCSV(scenario.villages)) == nil, hint)
        #expect(firstDifference(Array(cells), ScenarioCSV.cellsCSV(scenario.cells)) == nil, hint)
    }

    @Test("the default data loads back through the contract loader unchanged and without warnings")
    func roundTrip() async throws {
        let scenario = try defaultScenario.get()
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("phusong-synth-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ScenarioCSV.write(scenario, toFolder: folder)
        let loaded = try await ScenarioLoader.load(InputPaths(villages: paths.villages, cells: paths.cells), policy: .stop)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.scenario.villages == scenario.villages)
        #expect(loaded.scenario.cells == scenario.cells)
    }

    @Test("the village count is the one asked for", arguments: [1, 7, 24, 999, 2_500, 6_001])
    func villageCount(count: Int) throws {
        let scenario = try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: count, seed: 3))
        #expect(scenario.villages.count == count)
        #expect(Set(scenario.villages.map(\.id)).count == count)
    }

    @Test("default preset: 3,700 villages in provinces 11, 12 and 14, inside their boxes")
    func defaultLayout() throws {
        let scenario = try defaultScenario.get()
        #expect(scenario.villages.count == 3_700)
        let boxes = Dictionary(uniqueKeysWithValues: SyntheticScenarioParameters.defaultPreset.provinces.map { ($0.code, $0) })
        var perProvince: [String: Int] = [:]
        for village in scenario.villages {
            let code = try #require(village.provinceCode)
            let box = try #require(boxes[code])
            perProvince[code, default: 0] += 1
            #expect((box.west...box.east).contains(village.lon) && (box.south...box.north).contains(village.lat), "\(village.id)")
        }
        #expect(perProvince == ["11": 1_000, "12": 850, "14": 1_850])
        for cell in scenario.cells {
            #expect((102.2...104.8).contains(cell.lon) && (20.65...22.75).contains(cell.lat), "\(cell.id)")
        }
    }

    @Test("ids and codes are well formed and unique; village ids start with their commune code")
    func identifiers() throws {
        let scenario = try defaultScenario.get()
        let villageIDs = scenario.villages.map(\.id)
        #expect(Set(villageIDs).count == villageIDs.count)
        #expect(villageIDs == villageIDs.sorted(), "rows are in village_id order")
        var provinceOfCommune: [String: String] = [:]
        for village in scenario.villages {
            let commune = try #require(village.communeCode)
            let province = try #require(village.provinceCode)
            #expect(commune.count == 5 && commune.hasPrefix("9") && commune >= "90001" && commune.allSatisfy(\.isASCIIDigit))
            #expect(province.count == 2 && province.allSatisfy(\.isASCIIDigit))
            let parts = village.id.split(separator: "-")
            #expect(parts.count == 2 && parts[0] == commune && parts[1].count == 3 && parts[1].allSatisfy(\.isASCIIDigit))
            #expect(provinceOfCommune.updateValue(province, forKey: commune).map { $0 == province } ?? true,
                    "commune \(commune) lies in one province")
        }
        let cellIDs = scenario.cells.map(\.id)
        #expect(Set(cellIDs).count == cellIDs.count)
    }

    @Test("village names: NFC, Vietnamese forms, unique within a commune")
    func names() throws {
        let scenario = try defaultScenario.get()
        var seen = Set<String>()
        let forms = ["Bản ", "Thôn ", "Xóm ", "Tổ dân phố "]
        for village in scenario.villages {
            #expect(village.name.unicodeScalars.elementsEqual(village.name.precomposedStringWithCanonicalMapping.unicodeScalars),
                    "\(village.name) is in NFC")
            #expect(forms.contains { village.name.hasPrefix($0) }, "\(village.name)")
            #expect(seen.insert("\(village.communeCode ?? "")|\(village.name)").inserted, "\(village.id) \(village.name)")
        }
        #expect(scenario.villages.contains { $0.name.unicodeScalars.contains { $0.value > 0x7F } })
    }

    @Test("population: 20 and more per village, heavy-tailed; households about population / 3.8")
    func population() throws {
        let villages = try defaultScenario.get().villages
        let sizes = villages.map(\.population).sorted()
        let median = sizes[sizes.count / 2]
        let largest = try #require(sizes.last)
        #expect(sizes.first.map { $0 >= 20 } == true)
        #expect(largest >= 20 * median, "max \(largest), median \(median)")
        #expect(largest >= 3_000)
        for village in villages {
            let households = Double(try #require(village.households))
            let expected = Double(village.population) / 3.8
            #expect(households >= (expected * 0.9).rounded(.down) && households <= (expected * 1.1).rounded(.up), "\(village.id)")
        }
    }

    @Test("area types: all four, mostly rural and open in the mountain preset")
    func areaTypes() throws {
        let villages = try defaultScenario.get().villages
        let counts = Dictionary(grouping: villages, by: \.areaType).mapValues(\.count)
        for type in AreaType.allCases {
            #expect((counts[type] ?? 0) > 0, "\(type)")
        }
        let sparse = (counts[.rural] ?? 0) + (counts[.open] ?? 0)
        #expect(Double(sparse) > 0.6 * Double(villages.count))
        #expect(Double(counts[.urban] ?? 0) < 0.1 * Double(villages.count))
    }

    @Test("0.5–2 % of villages are unpowered, all small rural or open ones")
    func unpowered() throws {
        for scenario in [try defaultScenario.get(), try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 8_000, seed: 5))] {
            let unpowered = scenario.villages.filter { !$0.gridPower }
            let share = Double(unpowered.count) / Double(scenario.villages.count)
            #expect(share >= 0.005 && share <= 0.02, "share \(share)")
            for village in unpowered {
                #expect(village.areaType == .rural || village.areaType == .open)
                #expect(village.population <= UnpoweredSelection.maximumPopulation)
                #expect(!village.name.hasPrefix("Tổ dân phố"))
            }
        }
    }

    @Test("tiled layouts: area grows with the village count; wider codes past 99 provinces and 9,999 communes")
    func tiledCodes() throws {
        let small = try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 6_000, seed: 1))
        let provinces = Set(small.villages.compactMap(\.provinceCode))
        #expect(provinces == ["01", "02", "03"])
        let many = try SyntheticScenario.generate(SyntheticScenarioParameters(
            villageCount: 10_100, seed: 1, villagesPerProvince: 100, villagesPerCommune: 1))
        let provinceCodes = Set(many.villages.compactMap(\.provinceCode))
        let communeCodes = Set(many.villages.compactMap(\.communeCode))
        #expect(provinceCodes.count == 101 && provinceCodes.allSatisfy { $0.count == 3 })
        #expect(communeCodes.count == 10_100 && communeCodes.allSatisfy { $0.count == 6 && $0.hasPrefix("9") })
        let span = { (scenario: Scenario) -> Double in
            let lats = scenario.villages.map(\.lat)
            return (lats.max() ?? 0) - (lats.min() ?? 0)
        }
        #expect(span(many) > span(small))
    }

    @Test("parameters that cannot be used are refused")
    func invalidParameters() {
        #expect(throws: SyntheticParameterError.villageCount(0, allowed: 1...20_000_000)) {
            try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 0))
        }
        #expect(SyntheticParameterError.villageCount(0, allowed: 1...20_000_000).description == "village count must be at least 1 (got 0)")
        #expect(SyntheticParameterError.villageCount(30_000_000, allowed: 1...20_000_000).description
                == "village count must be at most 20,000,000 (got 30000000)")
        #expect(throws: SyntheticParameterError.unpoweredShare(0.5, allowed: 0...0.2)) {
            try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 10, unpoweredShare: 0.5))
        }
        #expect(SyntheticParameterError.unpoweredShare(0.5, allowed: 0...0.2).description == "unpowered share must be in 0...0.2 (got 0.5)")
        var badBox = SyntheticScenarioParameters.defaultPreset
        badBox.provinces[0].east = badBox.provinces[0].west - 1
        let box = badBox.provinces[0]
        #expect(throws: SyntheticParameterError.provinceBox(code: box.code, west: box.west, east: box.east, south: box.south, north: box.north)) {
            try SyntheticScenario.generate(badBox)
        }
        let far = #expect(throws: SyntheticParameterError.self) {
            try SyntheticScenario.generate(SyntheticScenarioParameters(villageCount: 2_000_000, villagesPerKm2: 0.001))
        }
        if case .layoutTooFarNorth(let latitude) = far {
            #expect(latitude > 80)
        } else {
            Issue.record("expected a layout beyond 80° latitude, got \(String(describing: far))")
        }
    }
}

/// The 1-based line of the first difference between two files' bytes, or nil when equal.
private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
    guard a != b else { return nil }
    let common = zip(a, b).prefix { $0 == $1 }.count
    return a.prefix(common).count { $0 == 0x0A } + 1
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
