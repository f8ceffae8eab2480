import ArgumentParser
import PhusongCoverage

/// `phusong config`: show or check the configuration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default configuration with comments, or check a configuration file."
    )

    @Flag(name: .customLong("print-default"), help: "Print the full default configuration (TOML, commented).")
    var printDefault = false

    @Option(name: .customLong("check"), help: ArgumentHelp("Check this configuration file and print what it sets.", valueName: "file"))
    var check: String?

    mutating func validate() throws {
        if printDefault == (check != nil) { throw ValidationError("give either --print-default or --check FILE") }
    }

    func run() throws {
        if printDefault {
            print(DefaultConfigurationText.toml, terminator: "")
            return
        }
        let loaded = try ConfigOption(path: check).load()
        let radio = loaded.radio
        Terminal.output("\(check ?? ""): valid")
        Terminal.output("  coverage thresholds: 4G \(radio.coverageThreshold4GdBm) dBm, 5G \(radio.coverageThreshold5GdBm) dBm")
        Terminal.output("  max range \(radio.maxRangeM) m, min distance \(radio.minDistanceM) m, user height \(radio.userHeightM) m, extra loss \(radio.extraLossDB) dB")
        Terminal.output("  band edges \(radio.propagation.lowerBandEdgeMHz) / \(radio.propagation.upperBandEdgeMHz) MHz")
        Terminal.output("  targets: villages connected \(loaded.targets.villagesConnectedShare), 5G population \(loaded.targets.populationCoverage5G), 5G/4G stations \(loaded.targets.ratio5G4GStations)")
    }
}

extension ConfigOption {
    init(path: String?) {
        self.init()
        self.path = path
    }
}
