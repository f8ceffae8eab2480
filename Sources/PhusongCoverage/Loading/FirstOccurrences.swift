/// The first occurrence of each text key (a village or cell id, a site id) and what was noted
/// about it, for the checks across the rows of a table (`TableLoader`).
///
/// Why not a `Dictionary`: loading calls this once or twice for each of hundreds of thousands
/// of rows in one serial pass, and a dictionary hashes every key there. Here the key's hash
/// (`String.hashValue`, randomly seeded per process, so crafted ids cannot pile up in one slot)
/// is computed beforehand, while the rows are parsed in parallel chunks; this table only
/// probes (open addressing, linear probing, at most half full). Keys are equal when the
/// Strings are (`==`), exactly as a dictionary's.
struct FirstOccurrences<Value: Sendable>: Sendable {
    private var keys: [String] = []
    private var hashes: [Int] = []
    /// What was noted with each key, in order of first occurrence.
    private(set) var values: [Value] = []
    /// Index into `keys` + 1 for each slot; 0 for an empty slot. A power of two in size.
    private var slots: [Int32]

    init(expectedCount: Int = 0) {
        var size = 16
        while size < 2 * expectedCount { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// The index of `key`'s first occurrence, or nil when it has none yet.
    /// - Parameter hash: `key.hashValue`.
    func index(of key: String, hash: Int) -> Int? {
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash, keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Notes the first occurrence of a key that `index(of:hash:)` did not find.
    mutating func insert(_ key: String, hash: Int, value: Value) {
        if 2 * (keys.count + 1) > slots.count { grow() }
        keys.append(key)
        hashes.append(hash)
        values.append(value)
        place(keys.count - 1)
    }

    /// The value noted with `key`'s first occurrence, when it was seen before; otherwise notes
    /// `value` with it and returns nil.
    mutating func firstOrInsert(_ key: String, hash: Int, value: Value) -> Value? {
        if let index = index(of: key, hash: hash) { return values[index] }
        insert(key, hash: hash, value: value)
        return nil
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = hashes[index] & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in keys.indices { place(index) }
    }
}
