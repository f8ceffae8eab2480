import PhusongSupport

/// Local search for count-limited maximum coverage on `InterchangeTables`, the rollout
/// planner's 5G search: each move costs about the degrees of the items it touches, not a pass
/// over the coverage matrix, so its work follows the moves made rather than the problem's size.
///
/// - Descent (`descend`): greedy additions up to the limit (best gain first), then the best
///   1-for-1 swap of each open facility whose neighbourhood changed ("don't look bits",
///   Bentley 1992), applied when it gains; a facility is looked at again when a swap closes
///   or opens a facility sharing an item with it, and the facility losing least after every
///   swap (the best partner of the best addition when they share nothing).
/// - Iterated local search (`iterate`, Lourenço, Martin & Stützle 2003): close a random open
///   facility and up to `strength − 1` open facilities overlapping it, open random candidates
///   of that region that would cover something new, refill and descend; the trial is kept when
///   it covers at least as much as before (ties move along a plateau), otherwise rolled back
///   in place. The strength grows by one after `stall` trials without a gain (up to
///   `maximumStrength`, then back to 1).
///
/// Deterministic: one seeded generator drawn in a fixed order, and work counted in item
/// visits; it runs on the calling task, so it does not depend on the thread count.
enum InterchangeSearch {
    static let maximumStrength = 6
    static let stall = 50

    /// Greedy additions (largest gain first) while fewer than `limit` are open and one gains.
    /// - Returns: the candidates opened.
    @discardableResult
    static func fill(_ tables: inout InterchangeTables, limit: Int) -> [Int] {
        var opened: [Int] = []
        while tables.open.count < limit, let candidate = tables.bestAddition {
            tables.add(candidate)
            opened.append(candidate)
        }
        return opened
    }

    /// Descends to a local optimum of the swap neighbourhood of the facilities looked at, or
    /// until `budget` is spent. When `changed` is nil, every open facility, and again after
    /// the queue empties if a swap was made since the last full sweep, so that the end is a
    /// swap local optimum (the queue misses a facility whose best partner gained from a swap
    /// elsewhere); otherwise those of `changed` and the open facilities overlapping them.
    static func descend(_ tables: inout InterchangeTables, limit: Int, budget: SearchBudget, changed: [Int]? = nil) {
        let tolerance = 1e-10 * max(1, tables.problem.totalWeight)
        var charged = tables.work
        defer { budget.charge(tables.work - charged) }
        let opened = fill(&tables, limit: limit)
        tables.newQueue()
        var queue: [Int] = []
        var head = 0
        func enqueue(_ facility: Int) {
            if tables.isOpen[facility], tables.markQueued(facility) { queue.append(facility) }
        }
        func enqueueAround(_ facility: Int) {
            enqueue(facility)
            for other in tables.overlapping(facility) { enqueue(other) }
        }
        if let changed {
            for facility in changed + opened { enqueueAround(facility) }
        } else {
            for facility in tables.open { enqueue(facility) }
        }
        if let least = tables.leastLoss { enqueue(least) }
        var swappedSinceSweep = false
        while true {
            if head == queue.count {
                guard changed == nil, swappedSinceSweep else { return }
                swappedSinceSweep = false
                for facility in tables.open { enqueue(facility) }
                if head == queue.count { return }
            }
            if head % 64 == 0 {
                budget.charge(tables.work - charged)
                charged = tables.work
                if budget.isExhausted { return }
            }
            let facility = queue[head]
            head += 1
            tables.unmarkQueued(facility)
            guard tables.isOpen[facility] else { continue }
            let (candidate, change) = tables.bestSwap(facility)
            guard change > tolerance, candidate != facility else { continue }
            swappedSinceSweep = true
            tables.remove(facility)
            tables.add(candidate)
            enqueueAround(candidate)
            for other in tables.overlapping(facility) { enqueue(other) }
            if let least = tables.leastLoss { enqueue(least) }
            // Compact the queue now and then: it only grows at its end.
            if head > 4096, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
    }

    /// Iterated local search at `limit` open facilities from `tables` (a local optimum: the
    /// caller has descended) until `budget` is spent, `stop` accepts the covered weight
    /// (reduced problem) or every item is covered.
    static func iterate(
        _ tables: inout InterchangeTables, limit: Int, seed: UInt64, budget: SearchBudget, stop: (Double) -> Bool = { _ in false }
    ) {
        let tolerance = 1e-10 * max(1, tables.problem.totalWeight)
        var random = SplitMix64(seed: seed)
        var strength = 1
        var sinceGain = 0
        // Everything covered: nothing left to gain.
        while !budget.isExhausted, !stop(tables.covered), tables.covered + tolerance < tables.problem.totalWeight, !tables.open.isEmpty {
            let before = tables.covered
            let charged = tables.work
            tables.mark()
            let changed = perturb(&tables, strength: min(strength, tables.open.count), random: &random)
            budget.charge(tables.work - charged)
            descend(&tables, limit: limit, budget: budget, changed: changed)
            if tables.covered + tolerance >= before {
                tables.commit()
            } else {
                let undoing = tables.work
                tables.rollBack()
                budget.charge(tables.work - undoing)
            }
            if tables.covered > before + tolerance {
                sinceGain = 0
                strength = 1
            } else {
                sinceGain += 1
                if sinceGain % stall == 0 { strength = strength % maximumStrength + 1 }
            }
        }
    }

    /// Kicks `tables` (ruin and recreate, Schrimpf et al. 2000); returns the facilities it
    /// closed and opened.
    private static func perturb(_ tables: inout InterchangeTables, strength: Int, random: inout SplitMix64) -> [Int] {
        let centre = tables.open[random.below(tables.open.count)]
        var closing = [centre]
        var overlapping = tables.overlapping(centre)
        while closing.count < strength, !overlapping.isEmpty {
            closing.append(overlapping.remove(at: random.below(overlapping.count)))
        }
        for facility in closing { tables.remove(facility) }
        var region = tables.nearbyGaining(centre).filter { !closing.contains($0) }
        var opened: [Int] = []
        for _ in 0..<(closing.count + 1) / 2 where !region.isEmpty {
            let candidate = region.remove(at: random.below(region.count))
            tables.add(candidate)
            opened.append(candidate)
        }
        return closing + opened
    }
}
