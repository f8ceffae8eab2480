import Foundation

/// The terrain irregularity parameter Δh of a stretch of the profile (the Algorithm, §3, "DLTHX";
/// Longley and Rice, ESSA Tech. Report ERL 79-ITS 67 (1968), eq. 3; NTIA ITM v1.4
/// `ComputeDeltaH`), in metres.
///
/// The stretch from x_1 to x_2 is resampled at n = 10·p₁₀ − 5 equally spaced points
/// (p₁₀ = ⌊0.1 (x_2 − x_1)/spacing + 0.8⌋ clamped to 4…25), a least-squares line is removed,
/// and Δh(d) is the spread between the p₁₀-th largest and the (n − p₁₀ + 1)-th largest
/// residual (the interdecile range). Δh is then the asymptotic value
/// `Δh(d) / (1 − 0.8 exp(−(x_2 − x_1)/50 km))`. Fewer than two spacings give 0.
enum ITMTerrainIrregularity {
    /// The most resampled points (p₁₀ = 25).
    static let maximumSamples = 245

    /// Δh, m, of the stretch from `start` to `end` (distances from the transmitter, m).
    /// - Parameters:
    ///   - profile: the terrain profile.
    ///   - start: x_1, m.
    ///   - end: x_2, m.
    static func deltaH(_ profile: ITMProfile, from start: Double, to end: Double) -> Double {
        var position = start / profile.spacingM
        let endIndex = end / profile.spacingM
        guard endIndex - position >= 2.0 else { return 0 }
        let tenth = max(4, truncatedIndex(0.1 * (endIndex - position + 8.0), limit: 25))
        let count = 10 * tenth - 5
        let ninetieth = count - tenth
        let lastSample = Double(count - 1)
        let step = (endIndex - position) / lastSample
        // Scratch space on the stack: at most 245 samples, then their residuals.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: maximumSamples) { samples in
            var index = truncatedIndex(position, limit: profile.intervals)
            position -= Double(index + 1)
            for sample in 0..<count {
                while position > 0.0 && index + 1 < profile.intervals {
                    position -= 1
                    index += 1
                }
                let next = profile[index + 1]
                samples[sample] = next + (next - profile[index]) * position
                position += step
            }
            let resampled = UnsafeBufferPointer(rebasing: samples[0..<count])
            var (line, lineEnd) = ITMLinearFit.fit(
                heights: resampled, intervals: count - 1, spacing: 1.0, from: 0.0, to: lastSample
            )
            let slope = (lineEnd - line) / lastSample
            for sample in 0..<count {
                samples[sample] -= line
                line += slope
            }
            // The p₁₀-th and the (p₉₀ + 1)-th largest residuals.
            let residuals = UnsafeMutableBufferPointer(rebasing: samples[0..<count])
            let upper = ITMTerrainIrregularity.select(residuals, rankFromTop: tenth - 1)
            let lower = ITMTerrainIrregularity.select(residuals, rankFromTop: ninetieth)
            let spread = upper - lower
            return spread / (1.0 - 0.8 * exp(-(end - start) / 50e3))
        }
    }

    /// The value at zero-based rank `rank` in descending order (C++'s `nth_element` with
    /// `greater`), found in place by Hoare's selection: no allocation, unlike a sort.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, rankFromTop rank: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var left = low
            var right = high
            while left <= right {
                while values[left] > pivot { left += 1 }
                while values[right] < pivot { right -= 1 }
                if left <= right {
                    values.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if rank <= right {
                high = right
            } else if rank >= left {
                low = left
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }
}
