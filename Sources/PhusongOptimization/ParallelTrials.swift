/// Independent searches (local-search trials from different starting points) run side by
/// side, at most `threads` at a time, their results returned in trial order.
///
/// What runs is fixed by the caller (the trials and their work limits), never by `threads`,
/// so the results are the same for every thread count. Swap-move evaluation inside a trial is
/// parallel too, but its passes are short and mostly serial glue on large instances; whole
/// trials are the unit that keeps two cores busy.
enum ParallelTrials {
    static func run<T: Sendable>(
        count: Int, threads: Int, _ trial: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        guard threads > 1, count > 1 else {
            var results: [T] = []
            for index in 0..<count { results.append(try await trial(index)) }
            return results
        }
        return try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            while next < min(threads, count) {
                let index = next
                group.addTask { (index, try await trial(index)) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < count {
                    let index = next
                    group.addTask { (index, try await trial(index)) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}
