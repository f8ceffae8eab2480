import Foundation
import Testing

@Suite("phusong validate and synth, end to end")
struct ValidateCommandTests {
    @Test("with no arguments, validate checks the embedded default data and prints its summary")
    func embeddedDefault() throws {
        let result = try CLI.run(["validate"], in: CLI.repository.path)
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Using the embedded default data set: geodata/default"))
        #expect(result.stdout.contains("Villages     3,700"))
        #expect(result.stdout.contains("Cells        2,274   4G 2,202 · 5G 72"))
        #expect(result.stdout.contains("Sites        734   4G stations 734 · 5G stations 24"))
        #expect(result.stdout.contains("  11    Điện Biên     1,000"))
        #expect(result.stdout.contains("Problems: none"))
    }

    @Test("good inputs with BOM + CRLF, aliases, NFD text and no final newline all load the same rows")
    func goodVariants() throws {
        for variant in ["villages.csv", "villages-bom-crlf.csv", "villages-aliases.csv", "villages-nfd.csv", "villages-no-final-newline.csv"] {
            let result = try CLI.run(["validate", "--villages", CLI.fixture("good/" + variant), "--cells", CLI.fixture("good/cells.csv")])
            #expect(result.exitCode == 0, "\(variant): \(result.stderr)")
            #expect(result.stdout.contains("Villages     5\n  population 3,432"), "\(variant): \(result.stdout)")
            #expect(result.stdout.contains("  11    Điện Biên         3         746          2"), "\(variant)")
        }
    }

    @Test("synth writes a scenario that validate accepts")
    func synthThenValidate() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let synth = try CLI.run(["synth", "--villages", "2500", "--seed", "11", "--out", folder.path])
        #expect(synth.exitCode == 0, "stderr: \(synth.stderr)")
        let validate = try CLI.run(["validate", "--villages", folder.path + "/villages.csv", "--cells", folder.path + "/cells.csv"])
        #expect(validate.exitCode == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.contains("Villages     2,500"))
    }

    @Test("synth --villages-per-km2: a denser tiling fits a count that the default density cannot")
    func synthDensity() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 10 million villages at 0.12 a km² would tile past 80° N: refused before any work.
        let tooFar = try CLI.run(["synth", "--villages", "10000000", "--out", folder.path])
        #expect(tooFar.exitCode == 64)
        #expect(tooFar.stderr.contains("would reach 90° latitude"), "stderr: \(tooFar.stderr)")
        for bad in ["0", "-1", "nan", "inf"] {
            let refused = try CLI.run(["synth", "--villages", "100", "--villages-per-km2", bad, "--out", folder.path])
            #expect(refused.exitCode == 64, "\(bad)")
        }
        let preset = try CLI.run(["synth", "--preset", "default", "--villages-per-km2", "1", "--out", folder.path])
        #expect(preset.exitCode == 64 && preset.stderr.contains("a preset has its own provinces"))
        let dense = try CLI.run(["synth", "--villages", "3000", "--villages-per-km2", "2", "--seed", "3", "--out", folder.path])
        #expect(dense.exitCode == 0, "stderr: \(dense.stderr)")
        #expect(dense.stdout.contains("Villages     3,000"))
    }

    @Test("usage errors exit 64")
    func usageErrors() throws {
        #expect(try CLI.run(["validate", "--villages", "only-one.csv"]).exitCode == 64)
        #expect(try CLI.run(["validate", "--threads", "0"]).exitCode == 64)
        #expect(try CLI.run(["no-such-command"]).exitCode == 64)
    }
}
