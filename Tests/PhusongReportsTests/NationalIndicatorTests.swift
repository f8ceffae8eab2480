import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

/// Compares indicators with an `expected_summary.json` of ../shared/geodata/vn-national-2025,
/// computed there by an independent implementation of coverage-model.md.
struct ExpectedSummary: Decodable {
    var national: CoverageIndicators
    var provinces: [String: CoverageIndicators]
    var operators: [String: CoverageIndicators]

    static func load(_ path: String) throws -> ExpectedSummary {
        try JSONDecoder().decode(ExpectedSummary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

func computeRun(folder: String, threads: Int = 2) async throws -> CoverageRun {
    let inputs = try await ScenarioLoader.load(
        InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
    return try await CoverageRun.compute(inputs: inputs, configuration: PhusongConfiguration(), threads: threads)
}

@Suite("Indicators against the independent reference (vn-national-2025)")
struct NationalIndicatorTests {
    @Test("Điện Biên subset: every indicator equals expected_summary.json",
          .enabled(if: SharedData.has("vn-national-2025/subset-dienbien/expected_summary.json"), SharedData.skipReason))
    func dienBien() async throws {
        let folder = SharedData.path("vn-national-2025/subset-dienbien")
        let expected = try ExpectedSummary.load(folder + "/expected_summary.json")
        let tables = try await computeRun(folder: folder).tables
        #expect(tables.national == expected.national)
        #expect(tables.provinces.count == expected.provinces.count)
        for row in tables.provinces { #expect(row.indicators == expected.provinces[row.code], "province \(row.code)") }
        for row in tables.operators { #expect(row.indicators == expected.operators[row.name], "operator \(row.name)") }
    }

    @Test("national scenario: every national, province and operator indicator equals expected_summary.json",
          .enabled(if: SharedData.has("vn-national-2025/expected_summary.json"), SharedData.skipReason))
    func national() async throws {
        let folder = SharedData.path("vn-national-2025")
        let expected = try ExpectedSummary.load(folder + "/expected_summary.json")
        let run = try await computeRun(folder: folder)
        let tables = run.tables
        #expect(tables.national == expected.national)
        #expect(tables.national.villagesDeadZone == 743 && tables.national.villagesConnected == 105_702)
        #expect(String(format: "%.4f", tables.national.populationCoverage5G) == "0.3703")
        #expect(tables.national.ratio5G4GStations.map { String(format: "%.3f", $0) } == "0.280")
        #expect(tables.provinces.count == 34)
        for row in tables.provinces { #expect(row.indicators == expected.provinces[row.code], "province \(row.code)") }
        for row in tables.operators { #expect(row.indicators == expected.operators[row.name], "operator \(row.name)") }

        // The review lists hold exactly the villages the indicators count.
        let deadZones = VillageLists.deadZones(run)
        #expect(deadZones.count == 743)
        #expect(Set(deadZones.map(\.village.id)).count == 743)
        #expect(deadZones.allSatisfy { $0.coverage.deadZone && !$0.reasons.isEmpty })
        #expect(deadZones.count { $0.reasons.contains(.unpowered) } == 107)
        let unpowered = VillageLists.unpowered(run)
        #expect(unpowered.count == 200 && unpowered.allSatisfy { !$0.village.gridPower })
        #expect(VillageLists.deadZones(run, filter: VillageFilter(province: "Điện Biên")).count == 56)
        #expect(VillageLists.deadZones(run, filter: VillageFilter(province: "quang tri")).count == 123)
        #expect(VillageLists.deadZones(run, filter: VillageFilter(unpoweredOnly: true)).count == 107)
        // Sorted by province, commune, population (largest first).
        let keys = deadZones.map { ($0.village.provinceCode ?? "", $0.village.communeCode ?? "", -$0.village.population) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }
}
