/// A small pool of good and mutually different local optima of `TableSearch`, the elite set of
/// GRASP with path relinking (Resende & Ribeiro 2005, "GRASP with path-relinking: recent
/// advances and applications"; Resende & Werneck 2004 for the p-median) and of AILS-MCLP
/// (Máximo, Cordeau & Nascimento 2023): the search relinks to its members and restarts from
/// them when it stalls.
///
/// Admission keeps the pool both good and spread out. The distance between two solutions is
/// the number of facilities one opens that the other does not (`distance`). A solution at the
/// same distance 0 as a member (the same set) is refused; one closer than `minimumDistance` to
/// its nearest member replaces that member only when it covers more; any other one joins
/// while there is room, and then replaces the member covering least when it covers more. Ties
/// go to the lowest index, so the pool depends only on the order of the offers.
struct ElitePool: Sendable {
    let capacity: Int
    let minimumDistance: Int
    /// The members, in the order they were admitted (a replacement takes the replaced one's place).
    private(set) var members: [SwapTables] = []
    /// Each member's open facilities, ascending.
    private(set) var keys: [[Int]] = []

    init(capacity: Int, minimumDistance: Int) {
        self.capacity = max(1, capacity)
        self.minimumDistance = max(1, minimumDistance)
    }

    var count: Int { members.count }

    /// The number of facilities of the larger of two solutions (each ascending, without
    /// repeats) that the other does not open: for two solutions of p facilities, the number of
    /// swaps that lead from one to the other.
    static func distance(_ first: [Int], _ second: [Int]) -> Int {
        var common = 0
        var index = 0
        var other = 0
        while index < first.count, other < second.count {
            if first[index] == second[other] {
                common += 1
                index += 1
                other += 1
            } else if first[index] < second[other] {
                index += 1
            } else {
                other += 1
            }
        }
        return max(first.count, second.count) - common
    }

    /// Offers a solution; returns true when it was admitted.
    @discardableResult
    mutating func offer(_ tables: SwapTables) -> Bool {
        let tolerance = 1e-10 * max(1, tables.problem.totalWeight)
        let key = tables.open.sorted()
        var nearest: (index: Int, distance: Int)?
        for (index, member) in keys.enumerated() {
            let distance = Self.distance(key, member)
            if distance < nearest?.distance ?? .max { nearest = (index, distance) }
        }
        if let nearest, nearest.distance < minimumDistance {
            guard nearest.distance > 0, tables.covered > members[nearest.index].covered + tolerance else { return false }
            replace(nearest.index, by: tables, key: key)
            return true
        }
        if members.count < capacity {
            members.append(tables)
            keys.append(key)
            return true
        }
        var worst = 0
        for index in members.indices.dropFirst() where members[index].covered < members[worst].covered { worst = index }
        guard tables.covered > members[worst].covered + tolerance else { return false }
        replace(worst, by: tables, key: key)
        return true
    }

    private mutating func replace(_ index: Int, by tables: SwapTables, key: [Int]) {
        members[index] = tables
        keys[index] = key
    }
}
