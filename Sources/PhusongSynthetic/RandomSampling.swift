import PhusongSupport

/// The distributions the synthetic scenario generator draws from, built on `SeededGenerator`
/// with portable arithmetic only (see `PortableMath`), so that every platform draws the same
/// numbers.
extension SeededGenerator {
    /// Uniform in [0, 1), 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [lower, upper).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// Uniform integer in 0..<count (count >= 1), by the high word of a 64 x 64-bit product
    /// (bias below count / 2^64, negligible here).
    mutating func index(below count: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Standard normal, by Marsaglia's polar method.
    mutating func normal() -> Double {
        while true {
            let u = uniform(-1, 1)
            let v = uniform(-1, 1)
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * PortableMath.log(s) / s).squareRoot()
            }
        }
    }

    /// Log-normal with the given median and log-space standard deviation `sigma`.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * PortableMath.exp(sigma * normal())
    }

    /// Standard Gumbel (maximum) noise: -log(-log u).
    mutating func gumbel() -> Double {
        let u = (Double(next() >> 11) + 0.5) * 0x1p-53  // in (0, 1)
        return -PortableMath.log(-PortableMath.log(u))
    }

    /// A point uniform in the disc of the given radius around the origin.
    mutating func pointInDisc(radius: Double) -> (dx: Double, dy: Double) {
        while true {
            let u = uniform(-1, 1)
            let v = uniform(-1, 1)
            if u * u + v * v <= 1 { return (u * radius, v * radius) }
        }
    }

    /// An offset of exactly `distance` in a uniformly random direction.
    mutating func offset(distance: Double) -> (dx: Double, dy: Double) {
        while true {
            let u = uniform(-1, 1)
            let v = uniform(-1, 1)
            let length = (u * u + v * v).squareRoot()
            if length > 1e-3, length <= 1 { return (u / length * distance, v / length * distance) }
        }
    }

    /// A normal offset with standard deviation `sigma` on each axis.
    mutating func gaussianOffset(sigma: Double) -> (dx: Double, dy: Double) {
        (normal() * sigma, normal() * sigma)
    }

    /// `count` distinct indices of 0..<total, in ascending order (a partial Fisher–Yates shuffle).
    mutating func sample(_ count: Int, of total: Int) -> [Int] {
        var pool = Array(0..<total)
        for i in 0..<min(count, total) {
            pool.swapAt(i, i + index(below: total - i))
        }
        return pool.prefix(count).sorted()
    }
}
