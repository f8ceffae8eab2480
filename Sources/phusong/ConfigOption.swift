import ArgumentParser
import PhusongCoverage

/// `--config FILE`: the TOML configuration; defaults when absent.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Configuration file (TOML); `phusong config --print-default` shows every setting.", valueName: "file"))
    var path: String?

    /// The configuration file, when one is given (an input, for the output checks).
    var files: [String] { path.map { [$0] } ?? [] }

    func load() throws -> PhusongConfiguration {
        guard let path else { return PhusongConfiguration() }
        return try ConfigurationLoader.load(path: path)
    }
}
