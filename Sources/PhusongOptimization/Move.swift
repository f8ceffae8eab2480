/// A local-search move: open `add`, closing `drop` (a swap) or nothing (an add), and what it
/// gains. Moves compare by gain, then by the lower candidates, so the chosen move never
/// depends on the order in which moves were evaluated.
struct Move: Sendable {
    var gain: Double
    var add: Int
    /// The candidate to close, or -1 for a pure add.
    var drop: Int

    static let none = Move(gain: -.infinity, add: -1, drop: -1)

    func isBetter(than other: Move) -> Bool {
        if gain != other.gain { return gain > other.gain }
        if add != other.add { return add < other.add }
        return drop < other.drop
    }

    /// Slot (position in `open`) of each candidate, -1 for closed ones.
    static func slots(of open: [Int], candidateCount: Int) -> [Int32] {
        var slots = [Int32](repeating: -1, count: candidateCount)
        for (slot, candidate) in open.enumerated() { slots[candidate] = Int32(slot) }
        return slots
    }
}
