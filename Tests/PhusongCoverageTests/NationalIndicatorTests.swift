import Foundation
import Testing
@testable import PhusongCoverage

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

func computeIndicators(folder: String, threads: Int = 2) async throws -> IndicatorTables {
    let inputs = try await ScenarioLoader.load(
        InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
    let engine = try CoverageEngine(cells: inputs.scenario.cells)
    let coverage = try await engine.coverage(of: inputs.scenario.villages, threads: threads)
    return IndicatorTables(villages: inputs.scenario.villages, coverage: coverage, engine: engine, boundaries: nil)
}

@Suite("Indicators against the independent reference (vn-national-2025)")
struct NationalIndicatorTests {
    @Test("Điện Biên subset: every indicator equals expected_summary.json",
          .enabled(if: SharedData.has("vn-national-2025/subset-dienbien/expected_summary.json"), SharedData.skipReason))
    func dienBien() async throws {
        let folder = SharedData.path("vn-national-2025/subset-dienbien")
        let expected = try ExpectedSummary.load(folder + "/expected_summary.json")
        let tables = try await computeIndicators(folder: folder)
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
        let tables = try await computeIndicators(folder: folder)
        #expect(tables.national == expected.national)
        #expect(tables.national.villagesDeadZone == 743 && tables.national.villagesConnected == 105_702)
        #expect(String(format: "%.4f", tables.national.populationCoverage5G) == "0.3703")
        #expect(tables.national.ratio5G4GStations.map { String(format: "%.3f", $0) } == "0.280")
        #expect(tables.provinces.count == 34)
        for row in tables.provinces { #expect(row.indicators == expected.provinces[row.code], "province \(row.code)") }
        for row in tables.operators { #expect(row.indicators == expected.operators[row.name], "operator \(row.name)") }
    }
}
