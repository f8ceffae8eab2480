/// Runs independent jobs on a task group, at most `threads` at a time, and returns their
/// results by index (so the output never depends on the number of threads).
///
/// Unlike `ParallelChunks`, which cuts a range into equal contiguous chunks, jobs are
/// started one by one in order of decreasing `cost` (ties: lower index first): union jobs
/// differ in size by orders of magnitude, and starting the largest first keeps the cores
/// busy until the end.
enum OrderedTaskPool {
    static func run<T: Sendable>(
        count: Int, threads: Int, cost: (Int) -> Int,
        _ body: @escaping @Sendable (Int) throws -> T
    ) async throws -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, threads)
        let order = (0..<count).map { ($0, cost($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        if workers == 1 { return try (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            func submit() {
                let job = order[next]
                group.addTask { (job, try body(job)) }
                next += 1
            }
            while next < min(workers, count) { submit() }
            while let (job, result) = try await group.next() {
                results[job] = result
                if next < count { submit() }
            }
        }
        return results.compactMap { $0 }
    }
}
