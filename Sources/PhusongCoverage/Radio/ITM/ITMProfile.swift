/// A terrain profile as ITM reads it: n intervals of equal spacing and the n + 1 heights
/// z_0 … z_n, metres above sea level, z_0 under the transmitter (the `pfl` array of NTIA ITM
/// v1.4: `[n, spacing, z_0, …, z_n]`). A view over heights the caller owns, so that a run can
/// sample every profile into one buffer and call ITM without allocating.
struct ITMProfile {
    /// z_0 … z_n, m.
    let heights: UnsafeBufferPointer<Double>
    /// n, the number of intervals (`heights.count − 1`).
    let intervals: Int
    /// The spacing between neighbouring points, m.
    let spacingM: Double

    init(heights: UnsafeBufferPointer<Double>, spacingM: Double) {
        self.heights = heights
        intervals = heights.count - 1
        self.spacingM = spacingM
    }

    /// d = n · spacing, m (ITM's `pfl[0] * pfl[1]`).
    var distanceM: Double { Double(intervals) * spacingM }

    /// z_i, m.
    subscript(_ index: Int) -> Double { heights[index] }

    /// The mean height of the path without its first and last 10 %, h_s, m: the mean of z_i for
    /// i = ⌊0.1 n⌋ … n − ⌊0.1 n⌋ (NTIA ITM v1.4 `ITM_P2P_TLS_Ex`), used for N_s.
    var meanHeightM: Double {
        let tenth = Int(0.1 * Double(intervals))
        var sum = 0.0
        for index in tenth...(intervals - tenth) { sum += heights[index] }
        return sum / Double(intervals - 2 * tenth + 1)
    }
}

/// The positive difference `max(x − y, 0)` (C's `fdim`, ITM's `DIM`).
@inline(__always)
func positiveDifference(_ x: Double, _ y: Double) -> Double { x > y ? x - y : 0 }

/// The integer part of a non-negative index computed in floating point (C's `int()`
/// truncation), clamped to `0...limit` so that no value can trap.
@inline(__always)
func truncatedIndex(_ x: Double, limit: Int) -> Int {
    guard x > 0 else { return 0 }
    return x < Double(limit) ? Int(x) : limit
}
