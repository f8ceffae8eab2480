import ArgumentParser
import PhusongSupport

/// `--quiet` and `--log-json`: how a long command uses standard error. Without either, a
/// terminal shows one progress line with an ETA (nothing when standard error is not a
/// terminal) and the notes as text. Standard output and the files written never depend on
/// them (docs/cli.md).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Print nothing on standard error but errors: no progress line, no notes.")
    var quiet = false

    @Flag(name: .customLong("log-json"), help: ArgumentHelp(
        "Progress events, notes and errors on standard error as one JSON object per line (schema: docs/cli.md), terminal or not."))
    var logJSON = false

    func validate() throws {
        if quiet && logJSON { throw ValidationError("give --quiet or --log-json, not both") }
    }

    /// How standard error is used: JSON lines, errors only, or text.
    var mode: StandardErrorMode { logJSON ? .json : quiet ? .quiet : .text }

    /// Sets standard error's mode for the rest of the run and returns the progress reporter
    /// the command passes to the engine: nil when no progress is shown (`--quiet`, or text
    /// mode when standard error is not a terminal).
    /// - Parameter command: the command's name, shown at the start of the terminal line.
    func start(_ command: String) -> ProgressReporter? {
        StandardError.shared.start(mode: mode, command: command)
    }
}
