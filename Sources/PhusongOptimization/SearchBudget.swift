/// How much improvement work a solve may still do: an optional wall-clock limit and a work
/// limit counted in units of about one covered-item visit.
///
/// The work limit is what keeps large instances fast *and* deterministic: the same limit
/// stops the search at the same point on any machine and for any thread count, which a
/// clock cannot. Each step charges what it visits (a neighbourhood pass about twice the
/// coverage matrix's non-zeros plus one per candidate and item; a subgradient iteration about
/// the same), so small instances finish long before the limit and only national-scale ones
/// are cut short. A reference type: the steps of one solve share one meter, on one task.
final class SearchBudget {
    private let end: ContinuousClock.Instant?
    private let workLimit: Int
    private(set) var spent = 0

    init(timeLimit: Duration?, workLimit: Int) {
        end = timeLimit.map { ContinuousClock.now.advanced(by: $0) }
        self.workLimit = workLimit
    }

    convenience init(_ options: SolverOptions) {
        self.init(timeLimit: options.timeLimit, workLimit: options.workLimit)
    }

    /// Counts `units` of work done.
    func charge(_ units: Int) {
        spent = spent.addingReportingOverflow(units).overflow ? .max : spent + units
    }

    /// The work left, never negative.
    var remaining: Int { max(0, workLimit - spent) }

    /// True when the work limit is spent or the time limit has passed.
    var isExhausted: Bool {
        if spent >= workLimit { return true }
        guard let end else { return false }
        return ContinuousClock.now >= end
    }
}

extension ReducedProblem {
    /// The work of one pass over the coverage matrix that also touches every candidate and
    /// item once (a neighbourhood evaluation, a subgradient iteration).
    var passWork: Int { 2 * nonZeros + candidateCount + itemCount }
}
