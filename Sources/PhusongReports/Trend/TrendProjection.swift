/// When an indicator reaches its target at the current pace.
///
/// Method: the pace is the slope of the least-squares line through the indicator's values
/// against their month number (months since January of year 0, so the gaps between reports
/// count), in units per month; the projection starts from the latest value and moves at that
/// pace: the target month is the latest month plus ⌈(target − latest) / pace⌉ months. With
/// one month of data, or a pace of zero or away from the target, the target is not reached
/// at this pace.
public struct TrendProjection: Sendable, Hashable {
    /// Where the indicator stands.
    public enum Status: String, Sendable, Hashable {
        /// The latest value meets the target.
        case met
        /// Not met; reached in `month` at the current pace.
        case onPace = "on_pace"
        /// Not met, and the pace does not lead to the target (flat or the wrong way).
        case notOnPace = "not_on_pace"
        /// Not met, and fewer than two months with a value: no pace to measure.
        case insufficientData = "insufficient_data"
    }

    /// The status.
    public var status: Status
    /// The pace, units per month (a share's units: 0.01 is one percentage point); nil with
    /// fewer than two months.
    public var pacePerMonth: Double?
    /// The month the target is met (the latest month when already met), nil when not reached.
    public var month: ReportMonth?

    /// The projection of `series` (month and value, any order) towards `target`.
    /// - Parameters:
    ///   - series: the indicator's values by month; months without a value left out.
    ///   - indicator: the indicator (its direction).
    ///   - target: the target.
    public init(_ series: [(month: ReportMonth, value: Double)], indicator: TrendIndicator, target: Double) {
        let sorted = series.sorted { $0.month < $1.month }
        guard let latest = sorted.last else {
            self.init(status: .insufficientData, pacePerMonth: nil, month: nil)
            return
        }
        let pace = Self.slope(sorted.map { (Double($0.month.index), $0.value) })
        if indicator.meets(latest.value, target: target) {
            self.init(status: .met, pacePerMonth: pace, month: latest.month)
            return
        }
        guard let pace else {
            self.init(status: .insufficientData, pacePerMonth: nil, month: nil)
            return
        }
        let gap = target - latest.value
        // The pace must move towards the target: the same sign as the gap.
        guard pace != 0, (gap > 0) == (pace > 0) else {
            self.init(status: .notOnPace, pacePerMonth: pace, month: nil)
            return
        }
        let months = (gap / pace).rounded(.up)
        // Beyond the accepted years (year 9999) the target is as good as never reached.
        guard months < 12 * 10_000, let month = ReportMonth(index: latest.month.index + Int(months)) else {
            self.init(status: .notOnPace, pacePerMonth: pace, month: nil)
            return
        }
        self.init(status: .onPace, pacePerMonth: pace, month: month)
    }

    /// - Parameters:
    ///   - status: where the indicator stands.
    ///   - pacePerMonth: units per month.
    ///   - month: the month the target is met.
    public init(status: Status, pacePerMonth: Double?, month: ReportMonth?) {
        self.status = status
        self.pacePerMonth = pacePerMonth
        self.month = month
    }

    /// The least-squares slope of `points` (x, y); nil with fewer than two distinct x.
    static func slope(_ points: [(x: Double, y: Double)]) -> Double? {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / count, meanY = points.reduce(0) { $0 + $1.y } / count
        var covariance = 0.0, variance = 0.0
        for point in points {
            covariance += (point.x - meanX) * (point.y - meanY)
            variance += (point.x - meanX) * (point.x - meanX)
        }
        return variance > 0 ? covariance / variance : nil
    }
}
