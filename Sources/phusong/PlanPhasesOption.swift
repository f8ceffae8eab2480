import ArgumentParser
import PhusongPlanning

extension PlanPhases: ExpressibleByArgument {
    /// Reads `--phases`; anything else is a usage error (exit 64) naming the syntax.
    public init?(argument: String) {
        self.init(argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

extension PlanCommand {
    /// The budget the plan is capped at: the smaller of `--budget` and the last cumulative
    /// budget of `--phases`.
    var effectiveBudget: Double? {
        switch (budget, phases?.budget) {
        case (let given?, let tranche?): min(given, tranche)
        case (let given, let tranche): given ?? tranche
        }
    }
}
