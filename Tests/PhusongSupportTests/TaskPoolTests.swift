import Synchronization
import Testing
@testable import PhusongSupport

@Suite("TaskPool: the one bounded parallel task pool")
struct TaskPoolTests {
    private struct Failure: Error {}

    @Test("results come back by job number for every thread count and start order")
    func resultsByIndex() async throws {
        let expected = (0..<37).map { $0 * $0 }
        for threads in [1, 2, 3, 8, 64] {
            #expect(try await TaskPool.run(count: 37, threads: threads) { $0 * $0 } == expected)
            let reversed = Array((0..<37).reversed())
            #expect(try await TaskPool.run(count: 37, threads: threads, startOrder: reversed) { $0 * $0 } == expected)
            #expect(try await TaskPool.run(count: 37, threads: threads, largestFirst: { $0 % 5 }) { $0 * $0 } == expected)
        }
        #expect(try await TaskPool.run(count: 0, threads: 2) { $0 }.isEmpty)
    }

    @Test("at most `threads` jobs run at a time, and that many do when jobs wait")
    func bounded() async throws {
        for threads in [1, 2, 3] {
            let state = Mutex((running: 0, most: 0))
            _ = try await TaskPool.run(count: 12, threads: threads) { _ in
                state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                try await Task.sleep(for: .milliseconds(20))
                state.withLock { $0.running -= 1 }
            }
            #expect(state.withLock { $0.most } == threads)
        }
    }

    @Test("largest first: decreasing cost, ties by lower number; one thread runs the jobs in job order")
    func largestFirst() async throws {
        let costs = [3, 9, 1, 9, 0, 5]
        #expect(TaskPool.largestFirstOrder(count: costs.count) { costs[$0] } == [1, 3, 5, 0, 2, 4])
        #expect(TaskPool.largestFirstOrder(count: 0) { _ in 0 }.isEmpty)
        let started = Mutex([Int]())
        let results = try await TaskPool.run(count: costs.count, threads: 1, largestFirst: { costs[$0] }) { job in
            started.withLock { $0.append(job) }
            return costs[job]
        }
        #expect(results == costs && started.withLock { $0 } == Array(0..<costs.count))
    }

    @Test("pair: both results; side by side with two threads, one after the other with one; the first's error first")
    func pair() async throws {
        for threads in [1, 2] {
            let state = Mutex((running: 0, most: 0, order: [String]()))
            @Sendable func step(_ name: String) async throws -> String {
                state.withLock { $0.running += 1; $0.most = max($0.most, $0.running); $0.order.append(name) }
                try await Task.sleep(for: .milliseconds(50))
                state.withLock { $0.running -= 1 }
                return name + "!"
            }
            let (first, second) = try await TaskPool.pair(threads: threads) { try await step("a") } _: { try await step("b") }
            #expect(first == "a!" && second == "b!")
            #expect(state.withLock { $0.most } == threads)
            if threads == 1 { #expect(state.withLock { $0.order } == ["a", "b"]) }
        }
        struct Named: Error, Equatable { let name: String }
        for threads in [1, 2] {
            await #expect(throws: Named(name: "first")) {
                _ = try await TaskPool.pair(threads: threads) { () throws(Named) -> Int in throw Named(name: "first") }
                    _: { () throws(Named) -> Int in throw Named(name: "second") }
            }
            await #expect(throws: Named(name: "second")) {
                _ = try await TaskPool.pair(threads: threads) { () throws(Named) -> Int in 1 }
                    _: { () throws(Named) -> Int in throw Named(name: "second") }
            }
        }
    }

    @Test("chunks: contiguous, in order, covering the range; one chunk on one thread; about threads × chunksPerThread")
    func chunks() async throws {
        for threads in [1, 2, 3] {
            let ranges = try await TaskPool.mapChunks(count: 1_000, threads: threads, minimumChunk: 100, chunksPerThread: 4) { $0 }
            #expect(ranges.count == (threads == 1 ? 1 : min(10, threads * 4)))
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 1_000)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
            #expect(try await TaskPool.map(count: 1_000, threads: threads, minimumChunk: 100) { $0.map { $0 * 2 } }
                    == (0..<1_000).map { $0 * 2 })
        }
        #expect(try await TaskPool.mapChunks(count: 0, threads: 2) { $0 }.isEmpty)
        #expect(try await TaskPool.mapChunks(count: 50, threads: 2, minimumChunk: 100) { $0 } == [0..<50])
    }

    @Test("evaluations below the work limit run once on the whole range; above it, in chunks, same values")
    func workLimit() async throws {
        let calls = Mutex([Range<Int>]())
        let small = try await TaskPool.map(count: 100, work: TaskPool.serialWorkLimit - 1, threads: 2) { range in
            calls.withLock { $0.append(range) }
            return range.map { $0 + 1 }
        }
        #expect(small == Array(1...100) && calls.withLock { $0 } == [0..<100])
        calls.withLock { $0 = [] }
        let large = try await TaskPool.map(count: 100, work: TaskPool.serialWorkLimit, threads: 2) { range in
            calls.withLock { $0.append(range) }
            return range.map { $0 + 1 }
        }
        #expect(large == Array(1...100) && calls.withLock { $0.count } == 8)
    }

    @Test("an error in any job is thrown by the pool")
    func errors() async {
        for threads in [1, 2] {
            await #expect(throws: Failure.self) {
                _ = try await TaskPool.run(count: 10, threads: threads) { job in
                    if job == 7 { throw Failure() }
                    return job
                }
            }
            await #expect(throws: Failure.self) {
                _ = try await TaskPool.map(count: 1_000, threads: threads, minimumChunk: 10) { range -> [Int] in
                    if range.contains(500) { throw Failure() }
                    return Array(range)
                }
            }
        }
    }
}
