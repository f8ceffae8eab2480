import PhusongSupport

/// Evaluations over candidates (marginal gains, swap moves, Lagrangian values), spread over
/// chunks on a task group when there is enough work to pay for it.
///
/// Each index's result depends only on its own inputs and `ParallelChunks` merges chunks by
/// index, so the output is the same for every thread count.
package enum ParallelEvaluation {
    /// Below this much work (covered-item visits), evaluation stays on the calling task: a
    /// task group costs more than it saves.
    static let serialWorkLimit = 20_000

    /// `body` over `0..<count`, one result per index, in index order. `work` estimates the
    /// total effort (e.g. the number of covered items visited).
    package static func map<T: Sendable>(
        count: Int, work: Int, threads: Int, _ body: @escaping @Sendable (Range<Int>) -> [T]
    ) async throws -> [T] {
        guard threads > 1, count > 1, work >= serialWorkLimit else { return body(0..<count) }
        let minimumChunk = max(1, count / (threads * 4))
        return try await ParallelChunks.map(count: count, threads: threads, minimumChunk: minimumChunk, body)
    }
}
