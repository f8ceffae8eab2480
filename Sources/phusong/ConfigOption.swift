import ArgumentParser
import PhusongCoverage

/// `--config FILE`: the TOML configuration; defaults when absent.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "Configuration file (TOML); `phusong config --print-default` shows every setting.", valueName: "file"))
    var path: String?

    func load() throws -> PhusongConfiguration {
        guard let path else { return PhusongConfiguration() }
        do {
            return try ConfigurationLoader.load(path: path)
        } catch {
            Terminal.list(error.problems)
            throw error.isUnavailableInput ? ExitCodes.noInput : ExitCodes.dataError
        }
    }
}
