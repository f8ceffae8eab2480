import Testing
@testable import PhusongOptimization
@testable import PhusongSupport

/// The tournament tree and the interchange tables against quantities recomputed from scratch.
@Suite("Interchange tables and tournament tree")
struct InterchangeTablesTests {
    @Test("the tournament tree's best is the largest key, the lowest index on a tie, after every update")
    func tournamentTree() {
        var random = SplitMix64(seed: 7)
        for count in [1, 2, 3, 5, 8, 13, 100] {
            // Few distinct keys, so that ties are common.
            var keys = (0..<count).map { _ in Double(random.below(6)) - 1 }
            var tree = TournamentTree(keys: keys)
            for _ in 0..<300 {
                let index = random.below(count)
                let key = random.below(7) == 0 ? -Double.infinity : Double(random.below(6)) - 1
                keys[index] = key
                tree.update(index, to: key)
                let best = keys.indices.filter { keys[$0] > -.infinity }.max { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 > $1) }
                #expect(tree.best == best, "count \(count)")
            }
        }
    }

    /// Gain, loss and covered weight of every candidate, recomputed from the open set.
    private func check(_ tables: InterchangeTables, _ problem: ReducedProblem, _ label: String) {
        var state = CoverageState(problem)
        for candidate in tables.open { state.add(candidate, problem) }
        #expect(abs(tables.covered - state.coveredWeight(problem)) < 1e-9, "\(label): covered")
        #expect(abs(tables.exactCovered - state.coveredWeight(problem)) < 1e-9, "\(label): exact covered")
        // Incremental sums of fractional weights drift by rounding, so ties may break either
        // way: the chosen one must be within 1e-9 of the best recomputed value.
        let gains = (0..<problem.candidateCount).filter { !state.isOpen[$0] }.map { state.gain($0, problem) }
        let bestGain = gains.max() ?? 0
        if let best = tables.bestAddition {
            #expect(!state.isOpen[best] && abs(state.gain(best, problem) - bestGain) < 1e-9, "\(label): best addition")
        } else {
            #expect(bestGain < 1e-9, "\(label): no best addition")
        }
        for facility in tables.open {
            #expect(abs(tables.loss(of: facility) - state.loss(facility, problem)) < 1e-9, "\(label): loss of \(facility)")
        }
        let leastLoss = tables.open.map { state.loss($0, problem) }.min()
        #expect(tables.leastLoss.map { abs(state.loss($0, problem) - (leastLoss ?? .nan)) < 1e-9 } ?? (leastLoss == nil), "\(label): least loss")
    }

    @Test("gain and loss tables follow adds, removes and roll-backs; a best swap changes the coverage by what it says")
    func tables() async throws {
        for seed in 0..<20 {
            let problem = RandomInstances.problem(
                seed: UInt64(seed), items: 40 + seed, candidates: 12 + seed % 9, density: 0.1 + Double(seed % 4) * 0.05, integral: seed % 3 != 2)
            let reduced = try await Presolve.reduce(problem, threads: 1)
            guard reduced.candidateCount > 1 else { continue }
            var random = SplitMix64(seed: UInt64(seed) &+ 99)
            var tables = InterchangeTables(reduced)
            for step in 0..<40 {
                let candidate = random.below(reduced.candidateCount)
                if tables.isOpen[candidate] { tables.remove(candidate) } else { tables.add(candidate) }
                check(tables, reduced, "seed \(seed) step \(step)")
            }
            // Roll-back restores the open set and every table.
            let open = Set(tables.open)
            let covered = tables.covered
            tables.mark()
            for _ in 0..<10 {
                let candidate = random.below(reduced.candidateCount)
                if tables.isOpen[candidate] { tables.remove(candidate) } else { tables.add(candidate) }
            }
            tables.rollBack()
            #expect(Set(tables.open) == open && abs(tables.covered - covered) < 1e-9, "seed \(seed): roll-back")
            check(tables, reduced, "seed \(seed) after roll-back")
            // The best swap of each open facility changes the covered weight by what it says.
            for facility in tables.open {
                let (candidate, change) = tables.bestSwap(facility)
                guard candidate != facility else { continue }
                let before = tables.exactCovered
                tables.mark()
                tables.remove(facility)
                tables.add(candidate)
                #expect(abs(tables.exactCovered - before - change) < 1e-9, "seed \(seed): swap \(facility) for \(candidate)")
                tables.rollBack()
            }
        }
    }

    @Test("the descent ends at a swap local optimum and the iterated search never loses coverage")
    func search() async throws {
        for seed in 0..<20 {
            // 14 candidates: the exhaustive check below lists every subset (2^n of them).
            let problem = RandomInstances.problem(seed: UInt64(seed), items: 60, candidates: 14, density: 0.12)
            #expect(problem.candidateCount <= BruteForce.maximumCandidates)
            let reduced = try await Presolve.reduce(problem, threads: 1)
            let limit = min(reduced.candidateCount, 3 + seed % 5)
            var tables = InterchangeTables(reduced)
            InterchangeSearch.descend(&tables, limit: limit, budget: SearchBudget(timeLimit: nil, workLimit: .max))
            #expect(tables.open.count <= limit)
            // Every open facility's best swap gains nothing, and no addition gains when there is room.
            for facility in tables.open { #expect(tables.bestSwap(facility).change <= 1e-9, "seed \(seed)") }
            if tables.open.count < limit { #expect(tables.bestAddition == nil) }
            let descended = tables.covered
            InterchangeSearch.iterate(&tables, limit: limit, seed: 5, budget: SearchBudget(timeLimit: nil, workLimit: 200_000))
            #expect(tables.covered >= descended - 1e-9 && tables.open.count <= limit)
            #expect(abs(tables.covered - tables.exactCovered) < 1e-9)
            #expect(tables.covered <= BruteForce.maximumCoverage(problem, limit: .count(limit + reduced.fixed.count)) - reduced.fixedWeight + 1e-9)
        }
    }
}
