import Foundation

/// Counts the work of a long run stage by stage and hands throttled ``ProgressEvent``s to a
/// sink, so that libraries report progress without any terminal code (the command line
/// renders the events).
///
/// Parallel chunks call ``advance(by:)`` once per chunk (never per village or pair), from any
/// thread; a lock keeps the count and the order of events consistent. Events reach the sink
/// at most once per `minimumInterval` (0.1 s: ≤ 10 Hz), except a stage's first event
/// (`done` 0), its last (`done` = `total`) and a change of ``detail(_:)``, which always do.
/// `done` never decreases within a stage and the last event of every stage has
/// `done == total`. Progress only observes: nothing a run computes or writes depends on it.
///
/// `@unchecked Sendable`: every stored property that changes is read and written only while
/// `lock` is held (Foundation's `NSLock`, as in `RowChecks.Partition`; `Mutex` needs macOS 15).
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let minimumInterval: Double
    private let now: @Sendable () -> Double
    private let sink: @Sendable (ProgressEvent) -> Void
    private var open: Stage?

    /// The stage being counted.
    private struct Stage {
        var name: String
        var total: Int
        var done = 0
        var started: Double
        var lastEmitted: Double
        var emittedComplete = false
        var detail: String?
    }

    /// A reporter.
    /// - Parameters:
    ///   - minimumInterval: the least time between two events of a stage, seconds (0.1: at
    ///     most 10 a second), besides a stage's first and last events.
    ///   - now: the clock, in seconds from any fixed origin (tests inject one; default: the
    ///     monotonic `ContinuousClock`).
    ///   - sink: where events go; called with the lock held, so one at a time and in order.
    public init(
        minimumInterval: Double = 0.1, now: (@Sendable () -> Double)? = nil, sink: @escaping @Sendable (ProgressEvent) -> Void
    ) {
        self.minimumInterval = minimumInterval
        self.now = now ?? Self.monotonicSeconds()
        self.sink = sink
    }

    /// Starts stage `name` of `total` units (ending the stage before, if one is open) and
    /// emits its first event.
    /// - Parameters:
    ///   - name: the stage's name.
    ///   - total: its units of work (at least 0; a stage of 0 units is complete at once).
    public func begin(_ name: String, total: Int) {
        lock.withLock {
            finishStage()
            let time = now()
            var started = Stage(name: name, total: max(0, total), started: time, lastEmitted: time)
            emit(&started, at: time)
            open = started
        }
    }

    /// Adds `count` units to the open stage's count (clamped to its total); emits an event when
    /// the stage is now complete or the last event is at least `minimumInterval` old.
    /// - Parameter count: units just done (a chunk's size).
    public func advance(by count: Int) {
        lock.withLock {
            guard var current = open, !current.emittedComplete else { return }
            current.done = min(current.total, current.done + max(0, count))
            let time = now()
            if current.done == current.total || time - current.lastEmitted >= minimumInterval { emit(&current, at: time) }
            open = current
        }
    }

    /// Says what the open stage is doing now, in words, and emits an event with it.
    /// - Parameter text: e.g. "dead zones: 412 villages, 1,020 candidate sites".
    public func detail(_ text: String) {
        lock.withLock {
            guard var current = open, !current.emittedComplete else { return }
            current.detail = text
            emit(&current, at: now())
            open = current
        }
    }

    /// Ends the open stage: its count becomes its total and its last event is emitted (unless
    /// it already was).
    public func end() {
        lock.withLock { finishStage() }
    }

    /// Runs `body` as stage `name` of `total` units: begins it, and ends it when `body`
    /// returns (not when it throws: the run then stops with an error, not a finished stage).
    /// - Parameters:
    ///   - name: the stage's name.
    ///   - total: its units of work; `body` advances the count (or not: ending completes it).
    ///   - body: the stage's work.
    /// - Returns: what `body` returns.
    public func stage<T>(_ name: String, total: Int = 1, _ body: () async throws -> T) async rethrows -> T {
        begin(name, total: total)
        let result = try await body()
        end()
        return result
    }

    /// Lock held: completes and closes the open stage.
    private func finishStage() {
        guard var current = open else { return }
        if !current.emittedComplete {
            current.done = current.total
            emit(&current, at: now())
        }
        open = nil
    }

    /// Lock held: sends `current`'s event at `time` and records it.
    private func emit(_ current: inout Stage, at time: Double) {
        let elapsed = max(0, time - current.started)
        let remaining = current.total - current.done
        let eta: Double? = remaining == 0 ? 0 : current.done > 0 ? elapsed * Double(remaining) / Double(current.done) : nil
        current.lastEmitted = time
        current.emittedComplete = remaining == 0
        sink(ProgressEvent(stage: current.name, done: current.done, total: current.total, elapsedSeconds: elapsed,
                           etaSeconds: eta, detail: current.detail))
    }

    /// Seconds on `ContinuousClock` since the moment this is called.
    private static func monotonicSeconds() -> @Sendable () -> Double {
        let clock = ContinuousClock()
        let origin = clock.now
        return {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
    }
}

extension Optional where Wrapped == ProgressReporter {
    /// Runs `body` as a stage of the reporter when there is one (``ProgressReporter/stage(_:total:_:)``),
    /// or simply runs it: libraries take an optional reporter.
    /// - Parameters:
    ///   - name: the stage's name.
    ///   - total: its units of work.
    ///   - body: the stage's work.
    /// - Returns: what `body` returns.
    public func stage<T>(_ name: String, total: Int = 1, _ body: () async throws -> T) async rethrows -> T {
        guard let reporter = self else { return try await body() }
        return try await reporter.stage(name, total: total, body)
    }
}
