/// A seedable pseudo-random generator: xoshiro256** (Blackman & Vigna, 2018) with its state
/// filled by SplitMix64, as its authors recommend.
///
/// Why hand-written: the standard library has no seedable generator
/// (`SystemRandomNumberGenerator` cannot be seeded), Foundation's randomness differs between
/// platforms, and the algorithms behind the standard library's `random(in:using:)` and
/// `shuffled(using:)` are not promised to stay the same. Synthetic scenarios must come out
/// byte-identical from the same parameters on every machine and toolchain, so the generator
/// and every sampling step built on it use only integer arithmetic and IEEE 754 `+ - * /` and
/// `sqrt`, which are exact and the same everywhere.
package struct SeededGenerator: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for one independent stream of a run: the same `seed` and `stream` always
    /// give the same sequence, and different streams do not overlap in practice. Streams let
    /// parts of a scenario (a province, a purpose) draw their numbers independently of how
    /// many numbers the other parts drew.
    package init(seed: UInt64, stream: [UInt64] = []) {
        var key = SplitMix64.mix(seed)
        for part in stream {
            key = SplitMix64.mix(key ^ SplitMix64.mix(part &+ 0x6A09_E667_F3BC_C909))
        }
        var seeder = SplitMix64(state: key)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
