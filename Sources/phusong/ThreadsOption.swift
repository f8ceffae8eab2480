import ArgumentParser
import PhusongSupport

/// `--threads N`: how many worker tasks parallel steps use. Results never depend on it.
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), help: ArgumentHelp(
        "Worker threads for parallel steps (default: one per core). Results do not depend on it.",
        valueName: "n"))
    var requested: Int?

    mutating func validate() throws {
        if let requested, requested < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var count: Int { requested ?? ParallelChunks.defaultThreads }
}
