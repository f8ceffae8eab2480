/// The rays already solved for one radio class, by antenna gain (``FootprintTracer``): equal
/// gains (an omni cell, the back lobe's −30 dB floor, sectors 120° apart on the 5° bearing
/// grid) are solved once. It does what a `[Double: Double]` did, as a small open-addressing
/// table keyed by the gain's bits: Swift's seeded hashing cost a tenth of the tracing time.
struct GainMemo {
    private var keys: [UInt64]
    private var rays: [Double]
    private var used: [Bool]
    private let mask: Int

    /// A table for up to `count` gains: at least twice as many slots, so it never fills and
    /// every probe sequence ends at a free slot.
    init(capacity count: Int) {
        var size = 8
        while size < 2 * count { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        rays = [Double](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    /// Forgets every gain (for the next radio class).
    mutating func removeAll() {
        for slot in used.indices { used[slot] = false }
    }

    /// The ray solved for `gain`, if any.
    func ray(forGain gain: Double) -> Double? {
        let key = Self.key(gain)
        var slot = Self.slot(key, mask: mask)
        while used[slot] {
            if keys[slot] == key { return rays[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Records the ray of a gain not yet recorded; at most `capacity` gains between clears.
    mutating func insert(gain: Double, rayM: Double) {
        let key = Self.key(gain)
        var slot = Self.slot(key, mask: mask)
        while used[slot] && keys[slot] != key { slot = (slot + 1) & mask }
        used[slot] = true
        keys[slot] = key
        rays[slot] = rayM
    }

    /// The gain's bits; +0 and −0 are one gain, as they are for `==`.
    private static func key(_ gain: Double) -> UInt64 { (gain == 0 ? 0.0 : gain).bitPattern }

    /// Fibonacci hashing: the top bits of key × 2^64/φ.
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
