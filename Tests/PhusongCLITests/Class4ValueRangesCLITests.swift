import Foundation
import Testing

/// Issue 13, class 4, end to end: the crashing values now stop the run with exit 65
/// and a message naming the file or key, the value and the range.
@Suite("Class 4: values that pass validation never crash or hang")
struct Class4ValueRangesCLITests {
    /// The good cells fixture with `value` in `column` of its first row.
    private static func cells(_ column: String, _ value: String, in folder: URL) throws -> String {
        let text = try String(contentsOfFile: CLI.fixture("good/cells.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[header.firstIndex(of: column) ?? 0] = value
        lines[1] = fields.joined(separator: ",")
        let path = folder.appendingPathComponent("cells.csv").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the issue's cell values exit 65 with file:line: column: value: range",
          arguments: [("band_mhz", "1e300", "not a plausible carrier frequency (must be 30..100000 MHz)"),
                      ("band_mhz", "1e-300", "not a plausible carrier frequency (must be 30..100000 MHz)"),
                      ("height_m", "1e300", "not a plausible antenna height (must be 0.5..1000 m)")])
    func cellValues(column: String, value: String, reason: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cells = try Self.cells(column, value, in: folder)
        let out = folder.appendingPathComponent("out").path
        let result = try CLI.run(["report", "--no-area", "--villages", CLI.fixture("good/villages.csv"), "--cells", cells, "--out", out])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("\(cells):2: \(column): \(value): \(reason)"))
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.json"))
    }

    @Test("the issue's configuration values exit 65 from config --check and from report, naming key, value and range",
          arguments: [("[radio]\nmax_range_m = inf", "radio.max_range_m: inf: must be within 1..200000 m"),
                      ("[radio]\ncoverage_threshold_4g_dbm = nan", "radio.coverage_threshold_4g_dbm: nan: must be within -200..0 dBm"),
                      ("[radio]\nmax_range_m = 1e30", "radio.max_range_m: 1e+30: must be within 1..200000 m"),
                      ("[area]\nbearings = 1000000000", "area.bearings: 1000000000: must be within 72..3600"),
                      ("[area]\ntolerance_m = 1e-12", "area.tolerance_m: 1e-12: must be within 1..1000 m"),
                      ("[radio]\nmin_distance_m = -10.0", "radio.min_distance_m: -10: must be within 1..1000 m"),
                      ("[radio]\nmax_range_m = \"far\"", "radio.max_range_m: \"far\": expected a number")])
    func configurationValues(toml: String, message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("c.toml").path
        try (toml + "\n").write(toFile: config, atomically: true, encoding: .utf8)
        let check = try CLI.run(["config", "--check", config])
        #expect(check.exitCode == 65)
        #expect(check.stderr.contains("\(config): \(message)"))
        let out = folder.appendingPathComponent("out").path
        let report = try CLI.run(["report", "--villages", CLI.fixture("good/villages.csv"), "--cells", CLI.fixture("good/cells.csv"),
                                  "--config", config, "--out", out])
        #expect(report.exitCode == 65)
        #expect(report.stderr.contains("\(config): \(message)"))
    }

    @Test("a whole number where a decimal is expected is a valid configuration")
    func integerAccepted() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("c.toml").path
        try "[radio]\nmax_range_m = 35000\n".write(toFile: config, atomically: true, encoding: .utf8)
        let check = try CLI.run(["config", "--check", config])
        #expect(check.exitCode == 0)
        #expect(check.stdout.contains("max range 35000.0 m"))
    }

    @Test("an infinite --budget is a usage error, not a trap")
    func infiniteBudget() throws {
        let result = try CLI.run(["plan", "--budget", "inf", "--villages", CLI.fixture("good/villages.csv"), "--cells", CLI.fixture("good/cells.csv")])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--budget must be a non-negative amount"))
    }
}
