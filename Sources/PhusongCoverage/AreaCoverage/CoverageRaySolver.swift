import Foundation

/// Finds how far a cell's signal stays above a threshold along one bearing: the largest
/// ground distance r ≤ `max_range_m` with RSRP(r) ≥ threshold, to within a tolerance.
///
/// Toward a fixed bearing the antenna gain A_H is constant, and every path-loss model of
/// docs/specs/radio-model.md (with the 10 m clamp and the free-space floor) is non-decreasing in
/// distance, so RSRP(d) = rs_eirp_dbm + A_H − PL(d) − extra_loss_db is non-increasing and
/// the covered distances along the bearing form one interval [0, r]. The solver brackets the
/// crossing between a covered distance `lo` and an uncovered one `hi` and narrows the bracket
/// until `hi − lo ≤ tolerance`, then returns `lo`: a distance that is covered, with the true
/// edge less than `tolerance` beyond it (never an overstatement).
///
/// Narrowing uses false position on ln d with the Illinois modification (the Hata models are
/// linear in log d, so the first steps land almost on the edge), each step kept at least a
/// quarter tolerance inside the bracket, and a bisection step whenever the last two steps
/// did not halve the bracket (so it halves at least every three steps: at worst three times
/// bisection's count): 5.6 evaluations per ray on average, the two at the ends included
/// (measured over the Điện Biên cells, every area type, gains 0 to −30 dB), against 15 for
/// bisection to 5 m over 35 km.
///
/// When the rays of one site are solved in bearing order, the edge found for one bearing
/// predicts the next (``rayM(guessM:margin:)``): the gain changes a little from bearing to
/// bearing, and the edge moves by Δgain / slope in ln d, so two evaluations around the
/// prediction usually settle the ray.
///
/// Special cases: if RSRP at `max_range_m` reaches the threshold the ray is `max_range_m`;
/// if it does not reach it at the clamp distance `min_distance_m` (10 m; at least 1 m is
/// used, as the logarithms need a positive distance), the ray is 0.
struct CoverageRaySolver: Sendable {
    /// Bracket width at which the search stops, metres (> 0).
    let toleranceM: Double
    /// Shortest distance evaluated, metres: `max(min_distance_m, 1)`.
    let minimumM: Double
    /// Longest ray, metres (`max_range_m`).
    let maximumM: Double

    init(toleranceM: Double, minDistanceM: Double, maxRangeM: Double) {
        self.toleranceM = toleranceM
        minimumM = max(minDistanceM, 1)
        maximumM = maxRangeM
    }

    /// The ray length, metres, for `margin(d)` = RSRP(d) − threshold (dB), which must be
    /// non-increasing in d: covered where `margin(d) ≥ 0`.
    func rayM(margin: (Double) -> Double) -> Double {
        rayM(guessM: nil, margin: margin).rayM
    }

    /// ``rayM(margin:)`` starting from a guess of the edge, and the edge found, to guess the
    /// next ray with.
    ///
    /// With a guess g inside the range, the bracket [g − 0.05 t, g + 0.85 t] (t = tolerance)
    /// is tried first: when g − 0.05 t is covered and g + 0.85 t is not, the ray is
    /// g − 0.05 t after two evaluations, with the edge less than t beyond it, the same
    /// guarantee as the search. The bracket sits just below the guess so that an accurate
    /// guess (the Hata models are linear in ln d, so guesses are accurate to millimetres)
    /// understates the edge by only 0.05 t, about what the search's last false-position step
    /// leaves. Otherwise the evaluated end narrows the search's bracket.
    /// - Returns: the ray, and when the edge was bracketed, ln of the edge interpolated in the
    ///   final bracket and the margin's slope there, −dmargin/d ln d (dB per unit of ln d, > 0).
    func rayM(guessM: Double?, margin: (Double) -> Double) -> (rayM: Double, edge: (lnM: Double, slope: Double)?) {
        if let guessM, guessM - 0.05 * toleranceM > minimumM, guessM + 0.85 * toleranceM < maximumM {
            let lo = guessM - 0.05 * toleranceM, hi = guessM + 0.85 * toleranceM
            let marginLo = margin(lo)
            if marginLo >= 0 {
                let marginHi = margin(hi)
                if marginHi < 0 { return (lo, Self.edge(lo: lo, marginLo: marginLo, hi: hi, marginHi: marginHi)) }
                let atMaximum = margin(maximumM)
                if atMaximum >= 0 { return (maximumM, nil) }
                return narrow(lo: hi, marginLo: marginHi, hi: maximumM, marginHi: atMaximum, margin: margin)
            }
            let atMinimum = margin(minimumM)
            guard atMinimum >= 0 else { return (0, nil) }
            return narrow(lo: minimumM, marginLo: atMinimum, hi: lo, marginHi: marginLo, margin: margin)
        }
        let atMaximum = margin(maximumM)
        if atMaximum >= 0 { return (maximumM, nil) }
        let atMinimum = margin(minimumM)
        guard atMinimum >= 0, maximumM > minimumM else { return (0, nil) }
        return narrow(lo: minimumM, marginLo: atMinimum, hi: maximumM, marginHi: atMaximum, margin: margin)
    }

    /// Narrows a bracket (covered `lo`, uncovered `hi`) to the tolerance; the ray is its `lo`.
    private func narrow(lo: Double, marginLo: Double, hi: Double, marginHi: Double, margin: (Double) -> Double)
        -> (rayM: Double, edge: (lnM: Double, slope: Double)?) {
        var lo = lo, marginLo = marginLo
        var hi = hi, marginHi = marginHi
        var lastSide = 0
        // Bracket widths before the last step and before the one preceding it.
        var widthBeforeLast = Double.infinity
        var widthBeforePrevious = Double.infinity
        let guardM = toleranceM / 4
        // The Illinois halvings scale the kept end's margin; the true margins interpolate the edge.
        var trueLo = marginLo, trueHi = marginHi
        while hi - lo > toleranceM {
            let width = hi - lo
            var d: Double
            if width > widthBeforePrevious / 2 {
                d = (lo + hi) / 2
            } else {
                let logLo = log(lo), logHi = log(hi)
                d = exp(logLo + (logHi - logLo) * (marginLo / (marginLo - marginHi)))
            }
            d = min(max(d, lo + guardM), hi - guardM)
            let value = margin(d)
            if value >= 0 {
                lo = d
                marginLo = value
                trueLo = value
                if lastSide == 1 { marginHi /= 2 }
                lastSide = 1
            } else {
                hi = d
                marginHi = value
                trueHi = value
                if lastSide == -1 { marginLo /= 2 }
                lastSide = -1
            }
            widthBeforePrevious = widthBeforeLast
            widthBeforeLast = width
        }
        return (lo, Self.edge(lo: lo, marginLo: trueLo, hi: hi, marginHi: trueHi))
    }

    /// The edge interpolated linearly in ln d between a covered and an uncovered distance
    /// (the Hata models are linear in log d), and the slope used.
    private static func edge(lo: Double, marginLo: Double, hi: Double, marginHi: Double) -> (lnM: Double, slope: Double)? {
        let logLo = log(lo), logHi = log(hi)
        let slope = (marginLo - marginHi) / (logHi - logLo)
        guard slope > 0, slope.isFinite else { return nil }
        return (logLo + marginLo / slope, slope)
    }
}
