import Foundation

/// The scan lines of area coverage (``AreaScan``): rows of latitude 1/`perDegree` degree high.
/// Row j is the band [j/n, (j+1)/n] degrees of latitude (n = `perDegree`), sampled on its
/// centre line φ_j = (j + ½)/n. The grid is fixed (anchored at the equator), so it depends on
/// neither the data nor the number of threads.
struct LatitudeRows: Sendable, Hashable {
    /// Rows per degree of latitude (n).
    let perDegree: Int

    /// Southern edge of row `row`, degrees.
    func southDeg(_ row: Int) -> Double { Double(row) / Double(perDegree) }

    /// Centre line of row `row`, degrees: where sections are sampled.
    func centreDeg(_ row: Int) -> Double { (Double(row) + 0.5) / Double(perDegree) }

    /// Area of row `row`'s band per radian of longitude, m²: R² (sin φ_north − sin φ_south),
    /// exact on the sphere of radius ``Geodesy/earthRadiusM``.
    func weightM2PerRadian(_ row: Int) -> Double {
        let toRadians = Double.pi / 180
        return Geodesy.earthRadiusM * Geodesy.earthRadiusM
            * (sin(southDeg(row + 1) * toRadians) - sin(southDeg(row) * toRadians))
    }

    /// The rows whose centre line lies in [`low`, `high`) degrees: the centre lines an edge
    /// from latitude `low` to `high` crosses under the half-open rule that makes the even–odd
    /// count of a closed ring exact at vertices. Empty for non-finite input.
    @inline(__always)
    func rowsCentred(from low: Double, below high: Double) -> Range<Int> {
        let lower = firstCentre(atOrAbove: low), upper = firstCentre(atOrAbove: high)
        return lower..<max(lower, upper)
    }

    /// The rows whose closed band meets [`low`, `high`] degrees (`low` ≤ `high`). Empty for
    /// non-finite input.
    func rowsMeeting(from low: Double, to high: Double) -> Range<Int> {
        // Row j meets it when south(j + 1) ≥ low and south(j) ≤ high.
        guard low.isFinite && high.isFinite else { return 0..<0 }
        var lower = Int((min(90, max(-90, low)) * Double(perDegree)).rounded(.down))
        while southDeg(lower + 1) < low { lower += 1 }
        while southDeg(lower) >= low { lower -= 1 }
        var upper = Int((min(90, max(-90, high)) * Double(perDegree)).rounded(.down))
        while southDeg(upper) <= high { upper += 1 }
        while southDeg(upper - 1) > high { upper -= 1 }
        return lower..<max(lower, upper)
    }

    /// The first row whose centre line is at or above `latitude`. The estimate
    /// ⌈latitude · n − ½⌉ is off by at most one row from rounding and is corrected against
    /// `centreDeg` itself, the one definition of the centre lines. Latitudes are clamped to
    /// ±90° first, so the conversion to Int cannot trap; non-finite input gives row 0.
    @inline(__always)
    private func firstCentre(atOrAbove latitude: Double) -> Int {
        guard latitude.isFinite else { return 0 }
        var row = Int((min(90, max(-90, latitude)) * Double(perDegree) - 0.5).rounded(.up))
        while centreDeg(row) < latitude { row += 1 }
        while centreDeg(row - 1) >= latitude { row -= 1 }
        return row
    }
}
