import Foundation
import Testing
@testable import PhusongCoverage

@Suite("Configuration (TOML)")
struct ConfigurationTests {
    @Test("the printed default decodes to exactly the built-in defaults")
    func printedDefaultIsTheDefault() throws {
        let parsed = try ConfigurationLoader.parse(DefaultConfigurationText.toml, file: "default.toml")
        #expect(parsed == PhusongConfiguration())
        #expect(parsed.radio.maxRangeM == 35_000 && parsed.radio.coverageThreshold4GdBm == -110)
        #expect(parsed.radio.propagation.highBand[.rural] == .tr38901RMa)
    }

    @Test("a partial file changes only what it names")
    func partial() throws {
        let parsed = try ConfigurationLoader.parse("""
        [radio]
        coverage_threshold_5g_dbm = -105.5
        [radio.propagation.low_band]
        open = "free_space"
        [targets]
        population_coverage_5g = 0.95
        """, file: "c.toml")
        var expected = PhusongConfiguration()
        expected.radio.coverageThreshold5GdBm = -105.5
        expected.radio.propagation.lowBand.open = .freeSpace
        expected.targets.populationCoverage5G = 0.95
        #expect(parsed == expected)
    }

    @Test("a syntax error names the line and column")
    func syntaxError() {
        let error = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio]\nmax_range_m = = 3\n", file: "bad.toml")
        }
        #expect(error?.problems.first?.line == 2)
        #expect(error?.problems.first?.description.hasPrefix("bad.toml:2: column ") == true)
    }

    @Test("an unknown key is an error that names it")
    func unknownKey() {
        let error = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio]\nmax_rang_m = 30000.0\n[target]\nx = 1\n", file: "typo.toml")
        }
        let messages = error?.problems.map(\.description) ?? []
        #expect(messages.contains("typo.toml: radio.max_rang_m: unknown setting (see `phusong config --print-default`)"))
        #expect(messages.contains("typo.toml: target: unknown setting (see `phusong config --print-default`)"))
    }

    @Test("wrong types and impossible values are errors naming the key")
    func badValues() {
        let wrongType = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio]\nmax_range_m = \"far\"\n", file: "t.toml")
        }
        #expect(wrongType?.problems.first?.column == "radio.max_range_m")
        let badModel = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio.propagation.mid_band]\nurban = \"hata\"\n", file: "t.toml")
        }
        #expect(badModel?.problems.first?.column?.hasPrefix("radio.propagation.mid_band") == true)
        let negative = #expect(throws: LoadError.self) {
            try ConfigurationLoader.parse("[radio]\nmax_range_m = -1.0\n[area]\nbearings = 36\n", file: "t.toml")
        }
        #expect(negative?.problems.map(\.column) == ["radio.max_range_m", "area.bearings"])
    }
}
