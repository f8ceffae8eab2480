import ArgumentParser
import PhusongPlanning
import PhusongSupport

/// `plan --exact [--time-limit SECONDS]`: the plan's choices solved exactly by CBC (small regions).
struct ExactPlanOption: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Solve each phase exactly with the CBC MIP solver, from the heuristic plan: proven optimal when CBC finishes within "
            + "--time-limit, otherwise CBC's gap is reported. Regions of at most \(ExactPlanning.villageLimit) villages."))
    var exact = false

    @Option(name: .customLong("time-limit"), help: ArgumentHelp(
        "With --exact: seconds CBC may run in all (half for the dead zones, the rest for 5G).", valueName: "seconds"))
    var timeLimit: Double = 60

    mutating func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0, timeLimit <= 1e6 else {
            throw ValidationError("--time-limit must be a number of seconds in 0 < s <= 1000000")
        }
    }

    /// The exact planning settings, nil without `--exact`.
    var planning: ExactPlanning? { exact ? ExactPlanning(timeLimit: timeLimit) : nil }
}

/// What CBC proved, phase by phase, as terminal lines.
enum ExactPlanText {
    static func lines(_ outcomes: [ExactPhaseOutcome]) -> [String] {
        ["Exact (CBC):"] + outcomes.map { outcome in
            "  \(outcome.phase): " + (outcome.provenOptimal
                ? "proven optimal" : "not proven within the time limit, CBC gap \(NumberText.fixed(100 * outcome.solverGap, decimals: 3)) %")
        }
    }
}
