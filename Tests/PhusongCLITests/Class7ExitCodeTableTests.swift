import Foundation
import Testing

/// Issue class 7: every error path exits with a documented code, and the table of codes in
/// docs/safety.md is the one the tool prints and uses.
@Suite("Class 7: exit codes match the documented table")
struct Class7ExitCodeTableTests {
    /// The codes of the table under "## Exit codes" in docs/safety.md (rows `| 65 | … |`).
    static func documentedCodes() throws -> [Int32: String] {
        let text = try String(contentsOfFile: CLI.repository.path + "/docs/safety.md", encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Exit codes").dropFirst().first, "docs/safety.md has no '## Exit codes' section")
        var codes: [Int32: String] = [:]
        for line in section.split(separator: "\n").prefix(while: { !$0.hasPrefix("## ") }) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let first = cells.first, let code = Int32(first) { codes[code] = cells.count > 1 ? cells[1] : "" }
        }
        return codes
    }

    @Test("docs/safety.md and `phusong --help` list the same exit codes: 0, 64, 65, 66, 70, 73")
    func tableMatchesHelp() throws {
        let documented = try Self.documentedCodes()
        #expect(Set(documented.keys) == [0, 64, 65, 66, 70, 73])
        let help = try CLI.run(["--help"])
        #expect(help.exitCode == 0)
        let sentence = try #require(help.stdout.replacingOccurrences(of: "\n", with: " ").components(separatedBy: "Exit codes:").dropFirst().first)
        let printed = Set(sentence.split(whereSeparator: { !$0.isNumber }).prefix(6).compactMap { Int32($0) })
        #expect(printed == Set(documented.keys), "--help prints \(printed.sorted()), docs/safety.md lists \(documented.keys.sorted())")
    }

    @Test("each documented code is what a real run of that kind exits with")
    func codesFromRealRuns() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badVillages = folder.appendingPathComponent("villages.csv").path
        try "village_id,name,province_code,commune_code,lon,lat,population,households,grid_power,area_type\nV1,A,11,90001,102.5,22.6,many,1,true,rural\n"
            .write(toFile: badVillages, atomically: true, encoding: .utf8)
        let cells = CLI.repository.path + "/geodata/default/cells.csv"
        let cases: [(Int32, [String])] = [
            (0, ["validate"]),
            (64, ["report", "--no-such-option"]),
            (64, ["plan", "--budget", "-3"]),
            (65, ["validate", "--villages", badVillages, "--cells", cells]),
            (66, ["validate", "--villages", folder.path + "/missing.csv", "--cells", cells]),
            (73, ["report", "--no-area", "--out", "/dev/null/report"]),
        ]
        let documented = try Self.documentedCodes()
        for (code, arguments) in cases {
            let result = try CLI.run(arguments, in: CLI.repository.path)
            #expect(result.exitCode == code, "phusong \(arguments.joined(separator: " ")) exited \(result.exitCode), expected \(code); stderr: \(result.stderr)")
            #expect(documented[code] != nil)
            if code != 0 { #expect(!result.stderr.isEmpty, "exit \(code) without a message") }
        }
    }
}
