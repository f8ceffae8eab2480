/// The moment an optional time limit runs out. Only the improvement phases (local search
/// rounds, subgradient iterations) consult it, so without a limit a run is deterministic.
struct Deadline: Sendable {
    private let end: ContinuousClock.Instant?

    init(_ limit: Duration?) {
        end = limit.map { ContinuousClock.now.advanced(by: $0) }
    }

    var hasPassed: Bool {
        guard let end else { return false }
        return ContinuousClock.now >= end
    }
}
