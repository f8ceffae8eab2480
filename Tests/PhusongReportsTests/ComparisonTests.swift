import Foundation
import PhusongTestSupport
import Testing
@testable import PhusongCoverage
@testable import PhusongReports

@Suite("compare: the monthly progress view")
struct ComparisonTests {
    private func writeReport(_ run: CoverageRun, _ folder: URL) async throws {
        _ = try await ReportFiles.write(run, to: folder.path, toolVersion: "test", configurationPath: nil, edition: HTMLReportFixture.edition())
    }

    @Test("removing the 5G cells: 5G coverage drops and exactly the villages connected only through 5G are newly disconnected",
          .enabled(if: SharedData.has("vn-national-2025/villages.csv"), SharedData.skipReason))
    func removingFiveG() async throws {
        let folder = SharedData.path("vn-national-2025")
        let inputs = try await ScenarioLoader.load(InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
        let full = try await CoverageRun.compute(inputs: inputs, configuration: PhusongConfiguration(), threads: 2)
        var without5G = inputs
        without5G.scenario.cells.removeAll { $0.technology == .nr }
        without5G.sites = SiteTable(cells: without5G.scenario.cells)
        let reduced = try await CoverageRun.compute(inputs: without5G, configuration: PhusongConfiguration(), threads: 2)

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await writeReport(full, scratch.appendingPathComponent("before"))
        try await writeReport(reduced, scratch.appendingPathComponent("after"))
        let comparison = ReportComparison(before: try ReportSnapshot.load(folder: scratch.appendingPathComponent("before").path),
                                          after: try ReportSnapshot.load(folder: scratch.appendingPathComponent("after").path))

        let fiveG = try #require(comparison.national.first { $0.name == "5G population coverage" })
        #expect(fiveG.before > 0.37 && fiveG.after == 0)
        let onlyThrough5G = Set(zip(inputs.scenario.villages, full.coverage).filter { $0.1.covered5G && !$0.1.covered4G }.map { $0.0.id })
        let lost = Set(comparison.villages.filter { $0.change == .lostCoverage }.map(\.id))
        #expect(lost == onlyThrough5G)
        #expect(!comparison.villages.contains { $0.change == .newlyConnected })
        let stations5G = try #require(comparison.national.first { $0.name == "5G stations" })
        #expect(stations5G.before == 24_857 && stations5G.after == 0)
        #expect(comparison.sites.count { $0.change == .lost5G } == 24_857)
        #expect(comparison.villagesOnlyBefore == 0 && comparison.villagesOnlyAfter == 0)
    }

    @Test("a new site connects dead-zone villages and shows as added (embedded default data)")
    func newSite() async throws {
        let folder = SharedData.repository.appendingPathComponent("geodata/default").path
        let inputs = try await ScenarioLoader.load(InputPaths(villages: folder + "/villages.csv", cells: folder + "/cells.csv"), policy: .stop)
        let before = try await CoverageRun.compute(inputs: inputs, configuration: PhusongConfiguration(), threads: 2)
        let deadZone = try #require(zip(inputs.scenario.villages, before.coverage).first { $0.1.deadZone }?.0)
        let after = try await inputs.adding(cells: [Cell(id: "NEW-1-1", siteID: "NEW-1", operatorName: "Viettel", technology: .lte,
                                                         bandMHz: 900, lon: deadZone.lon, lat: deadZone.lat, heightM: 30)],
                                            threads: 2)
        let afterRun = try await CoverageRun.compute(inputs: after, configuration: PhusongConfiguration(), threads: 2)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try await writeReport(before, scratch.appendingPathComponent("a"))
        try await writeReport(afterRun, scratch.appendingPathComponent("b"))
        let comparison = ReportComparison(before: try ReportSnapshot.load(folder: scratch.appendingPathComponent("a").path),
                                          after: try ReportSnapshot.load(folder: scratch.appendingPathComponent("b").path))
        let newlyConnected = comparison.villages.filter { $0.change == .newlyConnected }.map(\.id)
        #expect(newlyConnected.contains(deadZone.id))
        let expected = zip(zip(inputs.scenario.villages, before.coverage), afterRun.coverage)
            .filter { !$0.0.1.connected && $0.1.connected }.map { $0.0.0.id }
        #expect(newlyConnected == expected)
        #expect(comparison.sites.map(\.id) == ["NEW-1"] && comparison.sites.first?.change == .added)
        let deadZones = try #require(comparison.national.first { $0.name == "dead-zone villages" })
        #expect(deadZones.change == -Double(expected.count))
    }
}
