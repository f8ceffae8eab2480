import Synchronization
import Testing
@testable import PhusongSupport

@Suite("ProgressReporter: stages, throttling and ETA")
struct ProgressReporterTests {
    /// A clock the test moves by hand, and the events the reporter sent.
    final class Harness: Sendable {
        let time = Mutex(0.0)
        let events = Mutex<[ProgressEvent]>([])
        var reporter: ProgressReporter {
            ProgressReporter(now: { [self] in time.withLock { $0 } }, sink: { [self] event in events.withLock { $0.append(event) } })
        }

        func set(_ seconds: Double) { time.withLock { $0 = seconds } }
        var sent: [ProgressEvent] { events.withLock { $0 } }
    }

    @Test("a stage's first and last events always go out; between them at most one per 0.1 s; the ETA is elapsed × left / done")
    func throttlingAndETA() {
        let harness = Harness()
        let reporter = harness.reporter
        harness.set(0)
        reporter.begin("coverage", total: 1_000)
        #expect(harness.sent == [ProgressEvent(stage: "coverage", done: 0, total: 1_000, elapsedSeconds: 0, etaSeconds: nil)])
        harness.set(0.05)
        reporter.advance(by: 100)  // 0.05 s after the last event: held back
        #expect(harness.sent.count == 1)
        harness.set(0.1)
        reporter.advance(by: 150)  // 0.1 s: sent, 250 done in 0.1 s, 750 left → 0.3 s
        #expect(harness.sent.count == 2)
        let second = harness.sent[1]
        #expect(second.done == 250 && second.total == 1_000)
        #expect(abs(second.elapsedSeconds - 0.1) < 1e-12)
        #expect(abs((second.etaSeconds ?? -1) - 0.3) < 1e-12)
        harness.set(0.15)
        reporter.advance(by: 750)  // complete: sent at once, ETA 0
        #expect(harness.sent.last == ProgressEvent(stage: "coverage", done: 1_000, total: 1_000, elapsedSeconds: harness.sent.last?.elapsedSeconds ?? -1, etaSeconds: 0))
        #expect(abs((harness.sent.last?.elapsedSeconds ?? 0) - 0.15) < 1e-12)
        reporter.advance(by: 10)  // past the total: nothing more
        reporter.end()
        #expect(harness.sent.count == 3)
    }

    @Test("a thousand chunks over one simulated second give at most 12 events: ≤ 10 Hz plus the first and the last")
    func rateLimit() {
        let harness = Harness()
        let reporter = harness.reporter
        reporter.begin("raster", total: 1_000)
        for step in 1...1_000 {
            harness.set(Double(step) / 1_000)
            reporter.advance(by: 1)
        }
        let sent = harness.sent
        #expect(sent.count >= 11 && sent.count <= 12, "\(sent.count) events")
        #expect(sent.first?.done == 0 && sent.last?.done == 1_000)
        for (earlier, later) in zip(sent.dropFirst(), sent.dropFirst(2)) where !later.isComplete {
            #expect(later.elapsedSeconds - earlier.elapsedSeconds >= 0.1 - 1e-9)
        }
    }

    @Test("end() and the next begin() complete a stage; a stage of 0 units is complete at once; detail() goes out at once")
    func stagesAndDetail() async {
        let harness = Harness()
        let reporter = harness.reporter
        reporter.begin("load", total: 1)
        reporter.begin("index", total: 4)  // ends "load"
        reporter.advance(by: 1)
        reporter.detail("half way")
        reporter.end()
        reporter.begin("empty", total: 0)
        await reporter.stage("write", total: 3) { harness.set(2) }
        let summary = harness.sent.map { "\($0.stage) \($0.done)/\($0.total) \($0.detail ?? "-")" }
        #expect(summary == ["load 0/1 -", "load 1/1 -", "index 0/4 -", "index 1/4 half way", "index 4/4 half way",
                            "empty 0/0 -", "write 0/3 -", "write 3/3 -"])
        #expect(harness.sent.last?.elapsedSeconds == 2 && harness.sent.last?.etaSeconds == 0)
    }

    @Test("chunks advancing from many tasks: done is monotone and ends at the total; the results are the pool's")
    func concurrentChunks() async throws {
        let events = Mutex<[ProgressEvent]>([])
        let reporter = ProgressReporter(minimumInterval: 0, sink: { event in events.withLock { $0.append(event) } })
        let squares = try await reporter.stage("squares", total: 100_000) {
            try await TaskPool.map(count: 100_000, threads: 4, minimumChunk: 100, chunksPerThread: 16) { range in
                defer { reporter.advance(by: range.count) }
                return range.map { $0 * $0 }
            }
        }
        #expect(squares == (0..<100_000).map { $0 * $0 })
        let sent = events.withLock { $0 }
        #expect(sent.count == 65, "one event per chunk (64) and the first")
        #expect(zip(sent, sent.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(sent.last?.done == 100_000)
    }

    @Test("an optional reporter that is nil only runs the body")
    func optionalReporter() async {
        let none: ProgressReporter? = nil
        #expect(await none.stage("load") { 42 } == 42)
    }
}
