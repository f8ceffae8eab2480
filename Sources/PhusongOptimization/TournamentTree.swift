/// The best of a fixed set of indexed keys under changes of single keys: a tournament tree
/// (a "tree of winners", Knuth, The Art of Computer Programming vol. 3, §5.4.1), a complete
/// binary tree whose leaves are the keys and whose every inner node holds the better of its
/// two children. Changing a key replays the matches on its path to the root, O(log n); the
/// best is the root, O(1).
///
/// Better: the larger key, the lower index among equal keys, so the best never depends on
/// the order of the changes. A key of −∞ marks an index out of the contest.
/// (Hand-written: the heaps of the Swift package ecosystem cannot change a key in place,
/// which the gain and loss tables of `InterchangeTables` do at every move.)
struct TournamentTree: Sendable {
    private(set) var keys: [Double]
    /// The winner of each inner node (1..<leafCount); the leaves are implicit (leafCount + index).
    private var winners: [Int32]
    private let leafCount: Int

    /// - Parameter keys: the key of each index, 0..<keys.count.
    init(keys: [Double]) {
        var leaves = 1
        while leaves < keys.count { leaves *= 2 }
        leafCount = leaves
        self.keys = keys + [Double](repeating: -.infinity, count: leaves - keys.count)
        winners = [Int32](repeating: 0, count: leaves)
        for node in stride(from: leaves - 1, through: 1, by: -1) {
            winners[node] = Self.better(child(2 * node), child(2 * node + 1), self.keys)
        }
    }

    /// The index with the best key, nil when every key is −∞.
    var best: Int? {
        let index = leafCount == 1 ? 0 : Int(winners[1])
        return keys[index] > -.infinity ? index : nil
    }

    /// Sets the key of `index` and replays its matches up to the root (stopping as soon as a
    /// node's winner is unchanged and is not `index`, whose key moved).
    mutating func update(_ index: Int, to key: Double) {
        keys[index] = key
        var node = (leafCount + index) / 2
        while node >= 1 {
            let winner = Self.better(child(2 * node), child(2 * node + 1), keys)
            if winner == winners[node] && Int(winner) != index { return }
            winners[node] = winner
            node /= 2
        }
    }

    /// The winner held by `node` (a leaf is its own index).
    private func child(_ node: Int) -> Int32 {
        node >= leafCount ? Int32(node - leafCount) : winners[node]
    }

    private static func better(_ a: Int32, _ b: Int32, _ keys: [Double]) -> Int32 {
        let first = keys[Int(a)], second = keys[Int(b)]
        return first > second || (first == second && a < b) ? a : b
    }
}
