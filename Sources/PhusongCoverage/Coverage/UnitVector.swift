import Foundation

/// Points as unit vectors, so that "farther than" can be decided without trigonometry: the
/// squared chord between two points is a monotone function of their great-circle distance
/// (chord = 2 sin(d / 2R)). Exact distances are then computed, with the haversine formula of
/// docs/specs/radio-model.md §2, only for the points that pass.
struct UnitVectors: Sendable {
    /// x, y, z of each point, one after the other: the three are read together, from one
    /// cache line.
    private let xyz: [Double]

    init(lons: [Double], lats: [Double]) {
        var xyz = [Double](repeating: 0, count: 3 * lons.count)
        for index in lons.indices {
            let vector = Self.vector(lon: lons[index], lat: lats[index])
            (xyz[3 * index], xyz[3 * index + 1], xyz[3 * index + 2]) = (vector.x, vector.y, vector.z)
        }
        self.xyz = xyz
    }

    /// The vectors of `other` at `indices`, in that order (no trigonometry).
    init(_ other: UnitVectors, at indices: [Int32]) {
        var xyz = [Double](repeating: 0, count: 3 * indices.count)
        for (position, index) in indices.enumerated() {
            let from = 3 * Int(index)
            (xyz[3 * position], xyz[3 * position + 1], xyz[3 * position + 2]) = (other.xyz[from], other.xyz[from + 1], other.xyz[from + 2])
        }
        self.xyz = xyz
    }

    @inline(__always)
    static func vector(lon: Double, lat: Double) -> SIMD3<Double> {
        let phi = lat * (Double.pi / 180)
        let lambda = lon * (Double.pi / 180)
        return SIMD3(cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    /// Point `index`.
    @inline(__always)
    func vector(_ index: Int) -> SIMD3<Double> {
        SIMD3(xyz[3 * index], xyz[3 * index + 1], xyz[3 * index + 2])
    }

    /// The offset `v` − point `index`; its squared length is the squared chord.
    @inline(__always)
    func offset(_ index: Int, from v: SIMD3<Double>) -> SIMD3<Double> {
        v - vector(index)
    }

    /// Squared chord from point `index` to the unit vector `v`.
    @inline(__always)
    func chordSquared(_ index: Int, _ v: SIMD3<Double>) -> Double {
        let offset = offset(index, from: v)
        return (offset * offset).sum()
    }

    /// The squared chord of a great-circle distance (metres), widened by a relative margin
    /// far above rounding error: a point whose squared chord exceeds it is certainly farther.
    static func chordSquaredLimit(distanceM: Double) -> Double {
        let chord = 2 * sin(min(Double.pi / 2, distanceM / (2 * Geodesy.earthRadiusM)))
        return chord * chord * (1 + 1e-9) + 1e-18
    }

    /// A lower bound, metres, on the great-circle distance between two points whose squared
    /// chord (on the unit sphere) is `chordSquared`: the chord is never longer than the arc,
    /// d = 2R asin(c / 2) ≥ R c; shrunk by far more than the rounding of either side, so that it
    /// stays below the haversine distance of docs/specs/radio-model.md §2 computed in floating point.
    @inline(__always)
    static func distanceLowerBoundM(chordSquared: Double) -> Double {
        max(0, Geodesy.earthRadiusM * chordSquared.squareRoot() * (1 - 1e-9) - 1e-6)
    }
}
