import Foundation
import Testing

/// One malformed input and what `phusong validate` must say about it.
struct MalformedCase: CustomStringConvertible, Sendable {
    /// Fixture file under Fixtures/malformed.
    var file: String
    /// The message after `<path>:` on standard error.
    var message: String
    /// Rows of the file that must end up in the rejects file; nil when the whole file is
    /// unusable (then `--rejects` cannot help and the exit code stays 65).
    var badRows: Int?
    /// Data rows in the file (good + bad).
    var rows: Int = 5

    var isCells: Bool { file.hasPrefix("cells") }
    var description: String { file }
}

let malformedCases: [MalformedCase] = [
    .init(file: "villages-missing-column.csv", message: "1: header: missing required column 'grid_power'", badRows: nil, rows: 1),
    .init(file: "villages-lat-not-a-number.csv", message: "3: lat: abc: not a number", badRows: 1),
    .init(file: "villages-population-not-a-number.csv", message: "4: population: 14k: not a number", badRows: 1),
    .init(file: "villages-negative-population.csv", message: "2: population: -5: must not be negative", badRows: 1),
    .init(file: "villages-negative-households.csv", message: "2: households: -3: must not be negative", badRows: 1),
    .init(file: "villages-lat-out-of-range.csv", message: "5: lat: 95.5: not a latitude (must be -90..90)", badRows: 1),
    .init(file: "villages-lon-out-of-range.csv", message: "6: lon: 185.2: not a longitude (must be -180..180)", badRows: 1),
    .init(file: "villages-swapped.csv", message: "4: lon/lat: lon=21.047780 lat=105.841143: longitude and latitude look swapped", badRows: 1),
    .init(file: "villages-duplicate-id.csv", message: "7: village_id: 03127-002: duplicate id (first on line 3)", badRows: 1, rows: 6),
    .init(file: "villages-unknown-area-type.csv", message: "2: area_type: mountain: unknown area type (expected urban, suburban, rural or open)", badRows: 1),
    .init(file: "villages-bad-bool.csv", message: "3: grid_power: maybe: not a yes/no value", badRows: 1),
    .init(file: "villages-missing-value.csv", message: "5: population: (empty): required value missing", badRows: 1),
    .init(file: "villages-province-lost-zero.csv", message: "4: province_code: 1: a 2-digit code lost its leading zeros", badRows: 1),
    .init(file: "villages-empty.csv", message: " the file is empty (expected a header line: village_id,", badRows: nil, rows: 0),
    .init(file: "villages-header-only.csv", message: "1: header: the file has a header but no villages", badRows: nil, rows: 0),
    .init(file: "villages-semicolon.csv", message: "1: header: village_id;name;province_code;commune_co...: fields are separated by semicolons (;), not by commas", badRows: nil, rows: 2),
    .init(file: "villages-tab.csv", message: #"1: header: village_id\x09name\x09province_code\x09commune_co...: fields are separated by tabs, not by commas"#, badRows: nil, rows: 2),
    .init(file: "villages-invalid-utf8.csv", message: "6: name: Th\u{FFFD}n Na Hy: not valid UTF-8 (byte 0xF4 at position 3 of the value)", badRows: 1),
    .init(file: "villages-bom-bad-row.csv", message: "5: lat: -91: not a latitude (must be -90..90)", badRows: 1),
    .init(file: "villages-crlf-bad-row.csv", message: "4: population: -1400: must not be negative", badRows: 1),
    // The first record spans lines 2-3 (a quoted line break), so the bad record starts on line 5.
    .init(file: "villages-quoted-newline-bad-row.csv", message: "5: lon: north: not a number", badRows: 1),
    .init(file: "villages-truncated-last-line.csv", message: "6: row: 4 fields: the header has 10 fields", badRows: 1),
    .init(file: "villages-unclosed-quote.csv", message: "6: a quoted field opened on this line is never closed", badRows: nil),
    .init(file: "cells-unknown-technology.csv", message: "5: technology: 3G: unknown technology (expected 4G or 5G)", badRows: 1, rows: 6),
    .init(file: "cells-duplicate-id.csv", message: "8: cell_id: VT-000001-1: duplicate id (first on line 2)", badRows: 1, rows: 7),
    .init(file: "cells-site-moved.csv", message: "4: site_id: VT-000001: this cell (lon=103.045000 lat=21.280000) is 2.6 km from the site's first cell on line 2; a site's cells must lie within 1 km", badRows: 1, rows: 6),
    .init(file: "cells-band-zero.csv", message: "7: band_mhz: 0: not a plausible carrier frequency (must be 30..100000 MHz)", badRows: 1, rows: 6),
    .init(file: "cells-azimuth-out-of-range.csv", message: "3: azimuth_deg: 400: not a plausible azimuth (must be 0..360 degrees)", badRows: 1, rows: 6),
    .init(file: "cells-negative-height.csv", message: "6: height_m: -25: not a plausible antenna height (must be 0.5..1000 m)", badRows: 1, rows: 6),
    .init(file: "cells-missing-column.csv", message: "1: header: missing required column 'height_m'", badRows: nil, rows: 6),
    .init(file: "cells-several-bad-rows.csv", message: "7: lat: -95: not a latitude (must be -90..90)", badRows: 3, rows: 6),
]

@Suite("Malformed inputs: messages, exit codes, rejects")
struct MalformedInputTests {
    private func arguments(_ testCase: MalformedCase) -> [String] {
        let bad = CLI.fixture("malformed/" + testCase.file)
        return testCase.isCells
            ? ["validate", "--villages", CLI.fixture("good/villages.csv"), "--cells", bad]
            : ["validate", "--villages", bad, "--cells", CLI.fixture("good/cells.csv")]
    }

    @Test("the corpus covers at least 20 malformed inputs")
    func corpusSize() {
        #expect(malformedCases.count >= 20)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: CLI.fixture("malformed"))) ?? []
        #expect(Set(files) == Set(malformedCases.map(\.file)), "every fixture has a case and every case a fixture")
    }

    @Test("by default a bad input stops the run with file:line: column: value: reason", arguments: malformedCases)
    func stopsWithMessage(_ testCase: MalformedCase) throws {
        let result = try CLI.run(arguments(testCase))
        #expect(result.exitCode == 65)
        let path = CLI.fixture("malformed/" + testCase.file)
        #expect(result.stderr.contains(path + ":" + testCase.message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("with --rejects bad rows are set aside and the good rows kept", arguments: malformedCases)
    func setsAsideBadRows(_ testCase: MalformedCase) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let result = try CLI.run(arguments(testCase) + ["--rejects", rejects])
        guard let badRows = testCase.badRows else {
            #expect(result.exitCode == 65, "a file-level problem stops the run even with --rejects")
            #expect(!FileManager.default.fileExists(atPath: rejects))
            return
        }
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(try csvDataRowCount(rejects) == badRows)
        let header = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasSuffix(",reason"))
        let kept = testCase.rows - badRows
        let table = testCase.isCells ? "cells" : "villages"
        let tableLine = result.stdout.split(separator: "\n").first { $0.hasPrefix("  \(table) ") } ?? ""
        #expect(tableLine.hasSuffix("  \(kept) rows loaded"), "stdout: \(result.stdout)")
        #expect(result.stdout.contains("Problems: \(badRows) row(s) set aside"))
        #expect(result.stderr.contains("Set aside \(badRows) bad row(s) into \(rejects)"))
    }

    @Test("several bad rows are all listed, each with its own line")
    func listsEveryBadRow() throws {
        let result = try CLI.run(arguments(malformedCases[malformedCases.count - 1]))
        let path = CLI.fixture("malformed/cells-several-bad-rows.csv")
        #expect(result.stderr.contains(path + ":2: technology: 2G: unknown technology (expected 4G or 5G)"))
        #expect(result.stderr.contains(path + ":3: band_mhz: nine hundred: not a number"))
        #expect(result.stderr.contains(path + ":7: lat: -95: not a latitude (must be -90..90)"))
    }

    @Test("more than 20 problems: 20 listed, then a count")
    func limitsTheList() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "village_id,lon,lat,population,grid_power\n"
        for index in 1...25 { text += "v\(index),103.5,21.5,-\(index),true\n" }
        let villages = folder.appendingPathComponent("villages.csv").path
        try text.write(toFile: villages, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--villages", villages, "--cells", CLI.fixture("good/cells.csv")])
        #expect(result.exitCode == 65)
        let listed = result.stderr.split(separator: "\n").filter { $0.contains(": population: -") }
        #expect(listed.count == 20)
        #expect(result.stderr.contains("... and 5 more (25 in all)"))
    }

    @Test("a missing input file exits 66 and names the file")
    func missingFile() throws {
        let result = try CLI.run(["validate", "--villages", "/nonexistent/villages.csv", "--cells", CLI.fixture("good/cells.csv")])
        #expect(result.exitCode == 66)
        #expect(result.stderr.contains("/nonexistent/villages.csv: file not found"))
    }
}
