import Foundation

/// Points as unit vectors, so that "farther than" can be decided without trigonometry: the
/// squared chord between two points is a monotone function of their great-circle distance
/// (chord = 2 sin(d / 2R)). Exact distances are then computed, with the haversine formula of
/// coverage-model.md, only for the points that pass.
struct UnitVectors: Sendable {
    let x: [Double]
    let y: [Double]
    let z: [Double]

    init(lons: [Double], lats: [Double]) {
        var x = [Double](repeating: 0, count: lons.count)
        var y = x
        var z = x
        for index in lons.indices {
            let (vx, vy, vz) = Self.vector(lon: lons[index], lat: lats[index])
            x[index] = vx
            y[index] = vy
            z[index] = vz
        }
        self.x = x
        self.y = y
        self.z = z
    }

    @inline(__always)
    static func vector(lon: Double, lat: Double) -> (Double, Double, Double) {
        let phi = lat * (Double.pi / 180)
        let lambda = lon * (Double.pi / 180)
        return (cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    /// Squared chord from point `index` to the unit vector `v`.
    @inline(__always)
    func chordSquared(_ index: Int, _ v: (Double, Double, Double)) -> Double {
        let dx = x[index] - v.0
        let dy = y[index] - v.1
        let dz = z[index] - v.2
        return dx * dx + dy * dy + dz * dz
    }

    /// The squared chord of a great-circle distance (metres), widened by a relative margin
    /// far above rounding error: a point whose squared chord exceeds it is certainly farther.
    static func chordSquaredLimit(distanceM: Double) -> Double {
        let chord = 2 * sin(min(Double.pi / 2, distanceM / (2 * Geodesy.earthRadiusM)))
        return chord * chord * (1 + 1e-9) + 1e-18
    }
}
