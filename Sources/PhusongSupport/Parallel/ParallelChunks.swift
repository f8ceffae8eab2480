import Foundation

/// Runs work over `0..<count` in contiguous chunks on a task group and merges the chunks'
/// results by index, so the output never depends on the number of threads.
public enum ParallelChunks {
    /// The number of worker tasks to use when the user does not say: one per core.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Splits `0..<count` into about `threads × chunksPerThread` chunks (several per thread for
    /// load balance; one when each chunk pays a fixed set-up cost, such as building its own
    /// GEOS tree), runs `body` on each with at most `threads` chunks in flight, and concatenates
    /// the results in chunk order. `body` must return one element per index of its range.
    public static func map<T: Sendable>(
        count: Int, threads: Int, minimumChunk: Int = 256, chunksPerThread: Int = 4,
        _ body: @escaping @Sendable (Range<Int>) throws -> [T]
    ) async throws -> [T] {
        try await mapChunks(count: count, threads: threads, minimumChunk: minimumChunk, chunksPerThread: chunksPerThread, body)
            .flatMap { $0 }
    }

    /// Splits `0..<count` into chunks as `map` does, runs `body` on each, and returns the
    /// chunks' results in chunk order (one per chunk; none when `count` is 0): for work that
    /// gathers something per chunk besides one element per index.
    public static func mapChunks<R: Sendable>(
        count: Int, threads: Int, minimumChunk: Int = 256, chunksPerThread: Int = 4,
        _ body: @escaping @Sendable (Range<Int>) throws -> R
    ) async throws -> [R] {
        guard count > 0 else { return [] }
        let workers = max(1, threads)
        let chunkCount = workers == 1 ? 1 : min(max(1, count / minimumChunk), workers * max(1, chunksPerThread))
        let ranges = (0..<chunkCount).map { chunk in
            (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)
        }
        if workers == 1 { return [try body(0..<count)] }
        var results = [R?](repeating: nil, count: chunkCount)
        try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var next = 0
            func submit() {
                let chunk = next
                let range = ranges[chunk]
                group.addTask { (chunk, try body(range)) }
                next += 1
            }
            while next < min(workers, chunkCount) { submit() }
            while let (chunk, result) = try await group.next() {
                results[chunk] = result
                if next < chunkCount { submit() }
            }
        }
        return results.compactMap { $0 }
    }
}
