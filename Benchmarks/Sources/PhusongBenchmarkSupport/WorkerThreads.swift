import Foundation

/// Threads of their own on which the benchmarks run the library's parallel work.
///
/// package-benchmark runs an `async` benchmark by starting a `Task` and then waiting on a
/// semaphore in its runner, which is itself an `async` function and so runs on a thread of
/// Swift's cooperative pool. That pool has one thread per core: on 2 cores one of the two is
/// blocked for the whole run, and a task group gets only the other. A 2-thread benchmark then
/// runs no faster than a 1-thread one, whatever the library does (two spinning child tasks took
/// 0.32 s plainly and 0.57 s under the same pattern on this machine). Running the measured call
/// through ``run(_:)`` gives it and its child tasks (the library's `TaskPool`) these
/// threads instead, as they get the pool's in `phusong` itself.
///
/// Written by hand: the standard library and Foundation offer no `TaskExecutor` backed by
/// threads (a Dispatch queue would draw on the same blocked pool).
public final class WorkerThreads: TaskExecutor, @unchecked Sendable {
    /// One thread per core, started on first use.
    public static let shared = WorkerThreads(count: ProcessInfo.processInfo.activeProcessorCount)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    private init(count: Int) {
        for index in 0..<max(1, count) {
            let thread = Thread { [self] in work() }
            thread.name = "phusong-benchmark-worker-\(index)"
            thread.start()
        }
    }

    /// Runs `body` with these threads preferred for it and for every child task it starts.
    public static func run<T>(_ body: () async throws -> T) async rethrows -> T {
        try await withTaskExecutorPreference(shared) { try await body() }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
