import Foundation
import Testing

@Suite("phusong radio-rate and the search statistics of report, end to end")
struct RadioRateCommandTests {
    @Test("radio-rate --json prints two positive rates")
    func radioRate() throws {
        let result = try CLI.run(["radio-rate", "--json"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double]
        #expect((object?["pairs_per_second"] ?? 0) > 10_000)
        #expect((object?["rsrp_per_second"] ?? 0) > 10_000)
    }

    @Test("report prints its step timings and the same search counts for 1 and 2 threads")
    func searchStatistics() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-search-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var searchLines: [String] = []
        for threads in ["1", "2"] {
            let result = try CLI.run(["report", "--no-area", "--threads", threads, "--out", folder + "/" + threads], in: CLI.repository.path)
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("Time: load ") && $0.contains("(setup ") && $0.contains(", villages ") })
            searchLines += lines.filter { $0.hasPrefix("Search: ") }
        }
        #expect(searchLines.count == 2 && searchLines[0] == searchLines[1], "\(searchLines)")
        // The embedded default data: 3,700 villages, each with at least one evaluation per
        // technology in range — and far fewer than every (village, cell) pair.
        let evaluations = Int(searchLines.first?.split(separator: " ")[1] ?? "") ?? 0
        #expect(evaluations > 3_700 && evaluations < 3_700 * 2_274)
    }
}
