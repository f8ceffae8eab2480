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
///
/// Deterministic: one seeded generator, drawn in a fixed order, and work counted in item
/// visits; only the optional clock of the `SearchBudget` can stop it at a machine-dependent point.
enum TableSearch {
    static let maximumStrength = 8
    static let stall = 40
    static let history = 30

    /// Greedy additions (largest gain first) while fewer than `limit` are open and one gains.
    static func fill(_ tables: inout SwapTables, limit: Int) {
        while tables.open.count < limit, let candidate = tables.bestAddition() { tables.add(candidate) }
    }

    /// Descends to a swap local optimum (or until `budget` is spent).
    static func descend(_ tables: inout SwapTables, limit: Int, budget: SearchBudget) {
        let tolerance = 1e-10 * max(1, tables.problem.totalWeight)
        var charged = tables.work
        defer { budget.charge(tables.work - charged) }
        fill(&tables, limit: limit)
        guard !tables.open.isEmpty else { return }
        var best = tables.bestAddition()
        var slot = 0
        var failures = 0
        while failures < tables.open.count {
            budget.charge(tables.work - charged)
            charged = tables.work
            if budget.isExhausted { return }
            let (candidate, change) = tables.bestSwap(slot: slot, best: best)
            if change > tolerance, candidate != tables.open[slot] {
                tables.swap(slot: slot, for: candidate)
                best = tables.bestAddition()
                failures = 0
            } else {
                failures += 1
            }
            slot = (slot + 1) % tables.open.count
        }
    }

    /// Iterated local search from `start` (descended first) until `budget` is spent or
    /// `isOptimal` accepts the best covered weight (reduced problem).
    static func run(
        from start: SwapTables, limit: Int, seed: UInt64, budget: SearchBudget, isOptimal: (Double) -> Bool
    ) -> SwapTables {
        let tolerance = 1e-10 * max(1, start.problem.totalWeight)
        var random = SplitMix64(seed: seed)
        var current = start
        descend(&current, limit: limit, budget: budget)
        var best = current
        var strength = 1
        var sinceBest = 0
        var past = [Double](repeating: current.covered, count: history)
        var trials = 0
        while !budget.isExhausted, !isOptimal(best.covered), !current.open.isEmpty {
            var trial = current
            let charged = trial.work
            perturb(&trial, strength: min(strength, trial.open.count), random: &random)
            budget.charge(trial.work - charged)
            descend(&trial, limit: limit, budget: budget)
            if trial.covered > best.covered + tolerance {
                best = trial
                sinceBest = 0
                strength = 1
            } else {
                sinceBest += 1
                if sinceBest % stall == 0 { strength = strength % maximumStrength + 1 }
            }
            let slot = trials % history
            if trial.covered >= current.covered - tolerance || trial.covered >= past[slot] - tolerance { current = trial }
            past[slot] = current.covered
            trials += 1
        }
        return best
    }

    private static func perturb(_ tables: inout SwapTables, strength: Int, random: inout SplitMix64) {
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
        for facility in closing {
            if let slot = tables.open.firstIndex(of: facility) { tables.remove(slot: slot) }
        }
        var region = tables.nearbyGaining(centre).filter { !closing.contains($0) }
        for _ in 0..<(strength + 1) / 2 where !region.isEmpty {
            tables.add(region.remove(at: random.below(region.count)))
        }
    }
}
