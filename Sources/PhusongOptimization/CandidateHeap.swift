/// A binary max-heap of candidates keyed by an upper bound on their greedy key, the highest
/// key first and, among equal keys, the lowest candidate index, so that the order never
/// depends on insertion order.
struct CandidateHeap {
    struct Entry {
        var key: Double
        var candidate: Int
        /// The greedy step at which `key` was computed (exact at that step, an upper bound later).
        var step: Int

        func precedes(_ other: Entry) -> Bool {
            key > other.key || (key == other.key && candidate < other.candidate)
        }
    }

    private var entries: [Entry] = []

    init(_ entries: [Entry]) {
        self.entries = entries
        var index = entries.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    var top: Entry? { entries.first }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let last = entries.removeLast()
        siftDown(0)
        return last
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { return }
            var best = left
            if left + 1 < entries.count, entries[left + 1].precedes(entries[left]) { best = left + 1 }
            guard entries[best].precedes(entries[parent]) else { return }
            entries.swapAt(best, parent)
            parent = best
        }
    }
}
