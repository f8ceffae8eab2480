import PhusongSupport

/// Iterated local search for count-limited maximum coverage on incremental tables
/// (`SwapTables`), after the adaptive iterated local search of Máximo, Cordeau & Nascimento
/// (2023, "A hybrid adaptive iterated local search heuristic for the maximal covering location
/// problem", ITOR, doi:10.1111/itor.13387): a cheap exact swap descent, a perturbation that
/// rebuilds one region, and a perturbation strength that grows while the search stalls.
///
/// - Descent (`descend`): greedy additions up to the limit, then first-improvement sweeps over
///   the open facilities; for each, the best candidate to open instead (`SwapTables.bestSwap`,
///   exact over the whole 1-for-1 swap neighbourhood of that facility). A sweep with no
///   improvement is a swap local optimum.
/// - Perturbation: close a random open facility and up to `strength − 1` open facilities that
///   overlap it, open `⌈strength / 2⌉` random candidates of that region that would cover
///   something new, and let the descent's greedy additions refill the rest (ruin and recreate,
///   Schrimpf et al. 2000).
/// - Acceptance: late acceptance hill climbing (Burke & Bykov 2017): a trial replaces the
///   current solution when it is at least as good as it, or as the current solution was
///   `history` trials ago, so the search can leave a basin through slightly worse solutions;
///   the strength goes back to 1 on a new best and grows by 1 (up to `maximumStrength`, then
///   back to 1) after every `stall` trials without one.
/// - Diversification (as AILS-MCLP and GRASP with path relinking do): the local optima feed an
///   elite pool of good, mutually distant solutions (`ElitePool`); every `relinkPeriod` trials
///   the current solution and a random member are relinked (`PathRelinking`, in a random
///   direction), the best solution between them is descended, offered to the pool and taken as
///   the current solution when it covers more; after `restartPeriod` trials without a new best
///   the search continues from a random member.
///
/// Deterministic: one seeded generator, drawn in a fixed order, and work counted in item
/// visits; only the optional clock of the `SearchBudget` can stop it at a machine-dependent point.
enum TableSearch {
    static let maximumStrength = 8
    static let stall = 40
    static let history = 30
    /// Solutions kept in the elite pool, trials between two path relinkings, and trials without
    /// a new best after which the search restarts from an elite solution.
    static let eliteCapacity = 10
    static let relinkPeriod = 4
    static let restartPeriod = 2 * stall * maximumStrength

    /// Greedy additions (largest gain first) while fewer than `limit` are open and one gains.
    static func fill(_ tables: inout SwapTables, limit: Int) {
        while tables.open.count < limit, let candidate = tables.bestAddition() { tables.add(candidate) }
    }

    /// Descends to a swap local optimum (or until `budget` is spent), evaluating only the
    /// facilities whose best swap may have changed ("don't look bits", Bentley 1992): at first
    /// those in `changed` and the open facilities overlapping them (every open facility when
    /// `changed` is nil); after each applied swap, the new facility, the open facilities
    /// overlapping the closed or opened one, and the facility losing least (the best partner of
    /// the best addition when they share no item, whose gain the swap may have raised).
    static func descend(_ tables: inout SwapTables, limit: Int, budget: SearchBudget, changed: [Int]? = nil) {
        let tolerance = 1e-10 * max(1, tables.problem.totalWeight)
        var charged = tables.work
        defer { budget.charge(tables.work - charged) }
        fill(&tables, limit: limit)
        guard !tables.open.isEmpty else { return }
        var dirty = [Bool](repeating: changed == nil, count: tables.open.count)
        var pending = changed == nil ? tables.open.count : 0
        func mark(_ slot: Int) {
            if !dirty[slot] {
                dirty[slot] = true
                pending += 1
            }
        }
        func markAround(_ facility: Int) {
            if tables.slotOf[facility] >= 0 { mark(Int(tables.slotOf[facility])) }
            for other in tables.overlapping(facility) { mark(Int(tables.slotOf[other])) }
        }
        for facility in changed ?? [] { markAround(facility) }
        if let slot = tables.leastLossSlot() { mark(slot) }
        var best = tables.bestAddition()
        var slot = 0
        while pending > 0 {
            budget.charge(tables.work - charged)
            charged = tables.work
            if budget.isExhausted { return }
            while !dirty[slot] { slot = (slot + 1) % dirty.count }
            dirty[slot] = false
            pending -= 1
            let (candidate, change) = tables.bestSwap(slot: slot, best: best)
            let closed = tables.open[slot]
            if change > tolerance, candidate != closed {
                tables.swap(slot: slot, for: candidate)
                markAround(closed)
                markAround(candidate)
                best = tables.bestAddition()
                if let least = tables.leastLossSlot() { mark(least) }
            }
            slot = (slot + 1) % dirty.count
        }
    }

    /// Iterated local search from `start` (descended first) until `budget` is spent or
    /// `isOptimal` accepts the best covered weight (reduced problem), with an elite pool and
    /// path relinking for diversification (see the type's documentation).
    static func run(
        from start: SwapTables, limit: Int, seed: UInt64, budget: SearchBudget, isOptimal: (Double) -> Bool
    ) -> SwapTables {
        let tolerance = 1e-10 * max(1, start.problem.totalWeight)
        var random = SplitMix64(seed: seed)
        var current = start
        descend(&current, limit: limit, budget: budget)
        var best = current
        var elite = ElitePool(capacity: eliteCapacity, minimumDistance: max(2, limit / 10))
        elite.offer(current)
        var strength = 1
        var sinceBest = 0
        var past = [Double](repeating: current.covered, count: history)
        var trials = 0
        /// Keeps `found` when it beats the best; returns true when it does.
        func record(_ found: SwapTables) -> Bool {
            elite.offer(found)
            guard found.covered > best.covered + tolerance else { return false }
            best = found
            sinceBest = 0
            strength = 1
            return true
        }
        while !budget.isExhausted, !isOptimal(best.covered), !current.open.isEmpty {
            var trial = current
            let charged = trial.work
            var changed = perturb(&trial, strength: min(strength, trial.open.count), random: &random)
            // The greedy refill's additions count as changes too.
            let before = Set(trial.open)
            fill(&trial, limit: limit)
            changed += trial.open.filter { !before.contains($0) }
            budget.charge(trial.work - charged)
            descend(&trial, limit: limit, budget: budget, changed: changed)
            if !record(trial) {
                sinceBest += 1
                if sinceBest % stall == 0 { strength = strength % maximumStrength + 1 }
            }
            let slot = trials % history
            if trial.covered >= current.covered - tolerance || trial.covered >= past[slot] - tolerance { current = trial }
            past[slot] = current.covered
            trials += 1
            if trials % relinkPeriod == 0, elite.count >= 2, !budget.isExhausted {
                relink(&current, elite: elite, limit: limit, random: &random, budget: budget, record: record)
            }
            if sinceBest > 0, sinceBest % restartPeriod == 0, elite.count >= 2 {
                // A long stall: continue from another elite solution, with a fresh history.
                current = elite.members[random.below(elite.count)]
                past = [Double](repeating: current.covered, count: history)
            }
        }
        return best
    }

    /// Relinks the current solution and a random member of the pool (in a random direction),
    /// descends from the best solution between them, and makes it the current solution when it
    /// covers more.
    private static func relink(
        _ current: inout SwapTables, elite: ElitePool, limit: Int, random: inout SplitMix64, budget: SearchBudget,
        record: (SwapTables) -> Bool
    ) {
        let member = elite.members[random.below(elite.count)]
        let forward = random.below(2) == 0
        guard var relinked = PathRelinking.relink(forward ? current : member, toward: forward ? member.open : current.open, budget: budget)
        else { return }
        descend(&relinked, limit: limit, budget: budget)
        _ = record(relinked)
        if relinked.covered > current.covered { current = relinked }
    }

    /// Kicks `tables`; returns the facilities it closed and opened.
    private static func perturb(_ tables: inout SwapTables, strength: Int, random: inout SplitMix64) -> [Int] {
        let centre = tables.open[random.below(tables.open.count)]
        var closing = [centre]
        var overlapping = tables.overlapping(centre)
        while closing.count < strength, !overlapping.isEmpty {
            closing.append(overlapping.remove(at: random.below(overlapping.count)))
        }
        while closing.count < strength {
            let other = tables.open[random.below(tables.open.count)]
            if !closing.contains(other) { closing.append(other) }
        }
        for facility in closing { tables.remove(slot: Int(tables.slotOf[facility])) }
        var region = tables.nearbyGaining(centre).filter { !closing.contains($0) }
        var opened: [Int] = []
        for _ in 0..<(strength + 1) / 2 where !region.isEmpty {
            let candidate = region.remove(at: random.below(region.count))
            tables.add(candidate)
            opened.append(candidate)
        }
        return closing + opened
    }
}
