import ArgumentParser
import Foundation
import PhusongCoverage

/// `phusong report`: coverage of every village, the committee's indicators, and the files
/// planners and reviewers read.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compute coverage and indicators; write summary.json and per-village/area/operator CSVs.",
        discussion: """
        Writes into --out: summary.json (all indicators, input checksums, model, targets, \
        version), villages.csv (per-village results), provinces.csv, communes.csv, operators.csv. \
        Without --villages/--cells it runs on the embedded default data.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var config: ConfigOption
    @OptionGroup var threads: ThreadsOption

    @Option(name: .long, help: ArgumentHelp("Folder for the outputs (created if needed).", valueName: "dir"))
    var out = "out"

    func run() async throws {
        let configuration = try config.load()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try await inputs.load(threads: threads.count)
        let loadedAt = clock.now
        let run = try await CoverageRun.compute(inputs: loaded, configuration: configuration, threads: threads.count)
        let computedAt = clock.now
        let written = try ReportFiles.write(run, to: out, configurationPath: config.path)
        print(HeadlineTable.render(run))
        print("")
        print("Wrote \(written.joined(separator: ", "))")
        Terminal.note(String(format: "Time: load %.2f s, coverage %.2f s, total %.2f s (%d threads)",
                             seconds(loadedAt - start), seconds(computedAt - loadedAt), seconds(clock.now - start), threads.count))
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// Writes the report's files atomically into a folder.
enum ReportFiles {
    static func write(_ run: CoverageRun, to folder: String, configurationPath: String?) throws -> [String] {
        let files: [(String, [UInt8])] = [
            ("summary.json", try SummaryJSON.bytes(run, toolVersion: PhusongVersion.current, configurationPath: configurationPath)),
            ("villages.csv", VillageResultsCSV.bytes(run)),
            ("provinces.csv", IndicatorCSV.provinces(run.tables)),
            ("communes.csv", IndicatorCSV.communes(run.tables)),
            ("operators.csv", IndicatorCSV.operators(run.tables)),
        ]
        var written: [String] = []
        for (name, bytes) in files {
            let path = folder + "/" + name
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                Terminal.error("phusong: \(error.description)")
                throw ExitCodes.cannotCreate
            }
            written.append(path)
        }
        return written
    }
}
