import Foundation

/// The one bounded parallel task pool: every fan-out of work in the package goes through it.
///
/// Jobs are numbered `0..<count`. At most `threads` of them run at a time, as child tasks of
/// one task group; a new job starts as soon as one finishes, in the order the caller gives.
/// Results come back by job number, so the output never depends on the number of threads or
/// on which job finishes first (docs/safety.md, "Determinism"). With one thread, or one job,
/// the jobs run on the calling task, in job order, without a task group.
///
/// The shapes of work built on it:
/// - `run(count:threads:startOrder:_:)`: independent jobs (local-search trials);
/// - `run(count:threads:largestFirst:_:)`: jobs of very different sizes (geometry unions,
///   the files of a report), started largest first so that the cores stay busy until the end;
/// - `map(count:threads:minimumChunk:chunksPerThread:_:)` and `mapChunks`: a range cut into
///   contiguous chunks (villages, cells, sites);
/// - `map(count:work:threads:_:)`: evaluations that stay serial when there is too little
///   work to pay for a task group;
/// - `pair(threads:_:_:)`: two different steps side by side.
public enum TaskPool {
    /// The number of worker tasks to use when the user does not say: one per core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs `job` for every number of `0..<count`, at most `threads` at a time, starting them
    /// in `startOrder` (a permutation of `0..<count`; nil: ascending), and returns the results
    /// in job-number order.
    package static func run<T: Sendable>(
        count: Int, threads: Int, startOrder: [Int]? = nil,
        _ job: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        guard count > 0 else { return [] }
        let workers = min(max(1, threads), count)
        if workers == 1 {
            var results: [T] = []
            results.reserveCapacity(count)
            for index in 0..<count { results.append(try await job(index)) }
            return results
        }
        let order = startOrder ?? Array(0..<count)
        precondition(order.count == count, "the start order must hold every job once")
        var results = [T?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            func submit() {
                let index = order[next]
                group.addTask { (index, try await job(index)) }
                next += 1
            }
            while next < workers { submit() }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < count { submit() }
            }
        }
        return results.compactMap { $0 }
    }

    /// Runs `job` for every number of `0..<count` as `run(count:threads:startOrder:_:)` does,
    /// starting the jobs in order of decreasing `cost` (ties: lower number first): jobs that
    /// differ in size by orders of magnitude keep the cores busy until the end when the
    /// largest start first.
    package static func run<T: Sendable>(
        count: Int, threads: Int, largestFirst cost: (Int) -> Int,
        _ job: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        guard count > 0 else { return [] }
        let startOrder = threads > 1 ? largestFirstOrder(count: count, cost: cost) : nil
        return try await run(count: count, threads: threads, startOrder: startOrder, job)
    }

    /// `0..<count` in order of decreasing `cost`, ties by lower number first.
    package static func largestFirstOrder(count: Int, cost: (Int) -> Int) -> [Int] {
        (0..<count).map { ($0, cost($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Splits `0..<count` into about `threads × chunksPerThread` contiguous chunks (several per
    /// thread for load balance; one when each chunk pays a fixed set-up cost, such as building
    /// its own GEOS tree), at least `minimumChunk` indices each, runs `body` on each, and
    /// concatenates the results in chunk order. `body` must return one element per index of
    /// its range.
    package static func map<T: Sendable>(
        count: Int, threads: Int, minimumChunk: Int = 256, chunksPerThread: Int = 4,
        _ body: @escaping @Sendable (Range<Int>) throws -> [T]
    ) async throws -> [T] {
        try await mapChunks(count: count, threads: threads, minimumChunk: minimumChunk, chunksPerThread: chunksPerThread, body)
            .flatMap { $0 }
    }

    /// Splits `0..<count` into chunks as `map` does, runs `body` on each, and returns the
    /// chunks' results in chunk order (one per chunk; none when `count` is 0): for work that
    /// gathers something per chunk besides one element per index. With one thread there is
    /// one chunk.
    package static func mapChunks<R: Sendable>(
        count: Int, threads: Int, minimumChunk: Int = 256, chunksPerThread: Int = 4,
        _ body: @escaping @Sendable (Range<Int>) throws -> R
    ) async throws -> [R] {
        guard count > 0 else { return [] }
        let workers = max(1, threads)
        let chunkCount = workers == 1 ? 1 : min(max(1, count / max(1, minimumChunk)), workers * max(1, chunksPerThread))
        return try await run(count: chunkCount, threads: workers) { chunk in
            try body((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
    }

    /// Below this much work (e.g. covered-item visits), `map(count:work:threads:_:)` stays on
    /// the calling task: a task group costs more than it saves.
    package static let serialWorkLimit = 20_000

    /// `body` over `0..<count`, one result per index, in index order, for evaluations over
    /// candidates (marginal gains, swap moves, Lagrangian values). `work` estimates the total
    /// effort; below `serialWorkLimit` (or with one thread or one index) `body` runs once on
    /// the calling task, otherwise over about four chunks per thread.
    package static func map<T: Sendable>(
        count: Int, work: Int, threads: Int, _ body: @escaping @Sendable (Range<Int>) -> [T]
    ) async throws -> [T] {
        guard threads > 1, count > 1, work >= serialWorkLimit else { return body(0..<count) }
        return try await map(count: count, threads: threads, minimumChunk: max(1, count / (threads * 4)), body)
    }

    /// Two independent steps, side by side when `threads` > 1 (`second` on a child task), one
    /// after the other otherwise, for steps that each have serial parts which the other's
    /// work can fill (two tables loaded, an index built beside a parallel sum). When both
    /// fail, `first`'s error is thrown, as when they run one after the other.
    package static func pair<A, B: Sendable, Failure: Error>(
        threads: Int, _ first: () async throws(Failure) -> A, _ second: @escaping @Sendable () async throws(Failure) -> B
    ) async throws(Failure) -> (A, B) {
        guard threads > 1 else { return (try await first(), try await second()) }
        // A Result: an `async let` does not keep the type of what it throws.
        async let secondResult = { () async -> Result<B, Failure> in
            do throws(Failure) { return .success(try await second()) } catch { return .failure(error) }
        }()
        let firstValue = try await first()
        return (firstValue, try await secondResult.get())
    }
}
