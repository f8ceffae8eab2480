/// The least-squares straight line through a stretch of a profile, evaluated at both ends of the
/// whole profile (the Algorithm, §3, "ZLSQ1"; NTIA ITM v1.4 `LinearLeastSquaresFit`).
///
/// The stretch runs from index ⌊x_1/spacing⌋ to n − ⌊max(n − x_2/spacing, 0)⌋; when that is empty
/// it is widened by one point each way. The end points of the stretch weigh half (the
/// trapezoidal sums of the reference). Heights and results in metres.
enum ITMLinearFit {
    /// The fitted heights at distance 0 and at distance d.
    /// - Parameters:
    ///   - heights: z_0 … z_n.
    ///   - intervals: n.
    ///   - spacing: the spacing between points (metres, or 1 for an index-spaced series).
    ///   - start: x_1, where the stretch starts, in the unit of `spacing`.
    ///   - end: x_2, where it ends.
    static func fit(
        heights z: UnsafeBufferPointer<Double>, intervals n: Int, spacing: Double, from start: Double, to end: Double
    ) -> (atStart: Double, atEnd: Double) {
        let nDouble = Double(n)
        var first = truncatedIndex(positiveDifference(start / spacing, 0), limit: n)
        var last = n - truncatedIndex(positiveDifference(nDouble, end / spacing), limit: n)
        if last <= first {
            first = truncatedIndex(positiveDifference(Double(first), 1.0), limit: n)
            last = n - truncatedIndex(positiveDifference(nDouble, Double(last) + 1.0), limit: n)
        }
        let length = Double(last - first)
        var offset = -0.5 * length
        let midEnd = Double(last) + offset
        var sum = 0.5 * (z[first] + z[last])
        var weightedSum = 0.5 * (z[first] - z[last]) * offset
        var index = first
        var step = 2
        while Double(step) <= length {
            index += 1
            offset += 1
            sum += z[index]
            weightedSum += z[index] * offset
            step += 1
        }
        sum /= length
        weightedSum = weightedSum * 12.0 / ((length * length + 2.0) * length)
        return (sum - weightedSum * midEnd, sum + weightedSum * (nDouble - midEnd))
    }

    /// The fit over a stretch of an ITM profile, distances in metres.
    static func fit(_ profile: ITMProfile, from start: Double, to end: Double) -> (atStart: Double, atEnd: Double) {
        fit(heights: profile.heights, intervals: profile.intervals, spacing: profile.spacingM, from: start, to: end)
    }
}
