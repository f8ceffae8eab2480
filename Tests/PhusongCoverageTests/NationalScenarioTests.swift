import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage

@Suite("National scenario (../shared/geodata/vn-national-2025)")
struct NationalScenarioTests {
    @Test("validate counts equal the folder's README",
          .enabled(if: SharedData.has("vn-national-2025/villages.csv"), SharedData.skipReason))
    func counts() async throws {
        let folder = SharedData.path("vn-national-2025")
        let inputs = try await ScenarioLoader.load(
            InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
        let summary = InputSummary(inputs.scenario)
        #expect(summary.villages == 106_445)
        #expect(summary.population == 101_299_992)
        #expect(summary.unpowered == 200)
        #expect(summary.cells == 341_154)
        #expect(summary.cells4G == 266_583 && summary.cells5G == 74_571)
        #expect(summary.sites4G == 88_861 && summary.sites5G == 24_857)
        #expect(summary.provinces.count == 34)
        let byOperator = Dictionary(uniqueKeysWithValues: summary.operators.map { ($0.operatorName, ($0.sites4G, $0.sites5G)) })
        #expect(byOperator["Viettel"]! == (39_748, 12_414))
        #expect(byOperator["VNPT"]! == (26_385, 7_781))
        #expect(byOperator["MobiFone"]! == (18_133, 4_662))
        #expect(byOperator["Vietnamobile"]! == (4_595, 0))
        let dienBien = try #require(summary.provinces.first { $0.code == "11" })
        #expect(dienBien.villages == 1_100 && dienBien.population == 632_200 && dienBien.unpowered == 70)
        #expect(dienBien.name == "Điện Biên")
        #expect(inputs.warnings.isEmpty)
    }
}
