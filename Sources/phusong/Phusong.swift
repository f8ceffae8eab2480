import ArgumentParser

/// phusong ("phủ sóng", coverage): mobile coverage figures, dead-zone lists and rollout plans
/// from village and base-station data.
@main
struct Phusong: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phusong",
        abstract: "Mobile coverage figures, dead-zone lists and station-rollout plans from village and cell data.",
        discussion: """
        Inputs follow data-format.md: villages.csv, cells.csv and optional administrative \
        boundaries (GeoJSON). Without --villages/--cells, commands use the embedded default \
        data set (geodata/default).
        Exit codes: 0 success, 64 usage error (also an output that would overwrite an input), \
        65 bad input data, 66 an input file missing or unreadable, 70 an internal error (a bug), \
        73 an output could not be written.
        """,
        version: PhusongVersion.current,
        subcommands: [ReportCommand.self, MergeCommand.self, DeadZonesCommand.self, UnpoweredCommand.self, PlanCommand.self, CompareCommand.self, TrendCommand.self, ValidateCommand.self, ConfigCommand.self, SynthCommand.self, MCLPCommand.self, RadioRateCommand.self, RasterCommand.self, PathlossCommand.self]
    )

    /// Parses the arguments, runs the command, and maps any error to a documented exit code
    /// in one place (`ExitCodes.mapped`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            StandardError.shared.clearLine()
            exit(withError: ExitCodes.mapped(error))
        }
    }

    /// Whether `error` is the argument parser's own (an unknown option or bad value: 64 with
    /// the usage text; `--help`, `--version`: 0), which it reports itself. Any other error is
    /// one the parser would end with a bare 1.
    static func isArgumentParserOutcome(_ error: any Error) -> Bool {
        exitCode(for: error) != .failure
    }
}
