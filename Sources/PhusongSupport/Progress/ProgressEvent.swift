/// Where a stage of a long run stands: the unit of progress that ``ProgressReporter`` hands to
/// its sink. The command line renders it as a line on a terminal or as one JSON object per
/// line (`--log-json`, schema in docs/cli.md).
public struct ProgressEvent: Sendable, Equatable {
    /// The stage's name, e.g. `load`, `coverage`, `area`, `write` (docs/cli.md lists them).
    public var stage: String
    /// Units of work done so far in this stage (villages, pixels, pairs, files…): never
    /// decreases within a stage, and ends equal to ``total``.
    public var done: Int
    /// Units of work the stage has in all.
    public var total: Int
    /// Seconds since the stage began.
    public var elapsedSeconds: Double
    /// Estimated seconds until the stage ends, from the rate so far
    /// (`elapsed × (total − done) / done`); nil before the first unit is done.
    public var etaSeconds: Double?
    /// What the stage is doing, in words, when it says (the planner's steps); nil otherwise.
    public var detail: String?

    /// An event.
    /// - Parameters:
    ///   - stage: the stage's name.
    ///   - done: units done.
    ///   - total: units in all.
    ///   - elapsedSeconds: seconds since the stage began.
    ///   - etaSeconds: estimated seconds left, nil when unknown.
    ///   - detail: what the stage is doing, if it says.
    public init(stage: String, done: Int, total: Int, elapsedSeconds: Double, etaSeconds: Double?, detail: String? = nil) {
        self.stage = stage
        self.done = done
        self.total = total
        self.elapsedSeconds = elapsedSeconds
        self.etaSeconds = etaSeconds
        self.detail = detail
    }

    /// True when the stage's work is all done.
    public var isComplete: Bool { done >= total }
}
