import ArgumentParser
import PhusongCoverage

/// `phusong validate`: load and check the inputs, and print what a planner wants to see first.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load and check villages, cells and boundaries; print counts and problems.",
        discussion: """
        By default the first bad rows stop the run with 'file:line: column: value: reason' \
        messages (up to 20, then a count) and exit code 65. With --rejects FILE, bad rows are \
        set aside into FILE and the summary covers the rows that passed.
        """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var threads: ThreadsOption

    func run() async throws {
        try OutputGuard.check(reading: inputs.files, writing: inputs.outputFiles)
        let loaded = try await inputs.load(threads: threads.count)
        let summary = InputSummary(loaded.scenario, sites: loaded.sites)
        Terminal.output(SummaryText.render(summary, inputs: loaded))
    }
}
