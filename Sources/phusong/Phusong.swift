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
        Exit codes: 0 success, 64 usage error, 65 bad input data, 66 input file missing, \
        73 an output could not be written.
        """,
        version: PhusongVersion.current,
        subcommands: [ReportCommand.self, DeadZonesCommand.self, UnpoweredCommand.self, PlanCommand.self, CompareCommand.self, ValidateCommand.self, ConfigCommand.self, SynthCommand.self, MCLPCommand.self, RadioRateCommand.self]
    )
}
