import Testing
@testable import PhusongOptimization

/// The diversification of `phusong mclp`'s search: the elite pool, path relinking, and the
/// whole `TableSearch` against exhaustive search.
@Suite("Elite pool and path relinking")
struct PathRelinkingTests {
    private static func reduced(seed: UInt64, items: Int = 80, candidates: Int = 24) async throws -> ReducedProblem {
        let problem = RandomInstances.problem(seed: seed, items: items, candidates: candidates, density: 0.12)
        return try await Presolve.reduce(problem, threads: 1)
    }

    private static func tables(_ open: [Int], _ problem: ReducedProblem) -> SwapTables {
        var tables = SwapTables(problem)
        for candidate in open { tables.add(candidate) }
        return tables
    }

    @Test("distance: facilities of the larger solution that the other does not open")
    func distance() {
        #expect(ElitePool.distance([1, 2, 3], [2, 3, 4]) == 1)
        #expect(ElitePool.distance([1, 2], [3, 4]) == 2)
        #expect(ElitePool.distance([0, 5, 9], [0, 5, 9]) == 0)
        #expect(ElitePool.distance([], [7]) == 1)
        #expect(ElitePool.distance([1, 2, 3, 4], [2]) == 3)
    }

    @Test("admission: no duplicate, a close solution only when better, the worst replaced when full")
    func admission() async throws {
        let problem = try await Self.reduced(seed: 11)
        try #require(problem.candidateCount >= 12)
        var pool = ElitePool(capacity: 2, minimumDistance: 2)
        let first = Self.tables([0, 1, 2, 3], problem)
        let admittedFirst = pool.offer(first)
        let admittedAgain = pool.offer(first)
        #expect(admittedFirst && !admittedAgain)
        let far = Self.tables([4, 5, 6, 7], problem)
        let admittedFar = pool.offer(far)
        #expect(admittedFar)
        #expect(pool.count == 2)
        // One swap from `first`: admitted (in its place) only when it covers more.
        let near = Self.tables([0, 1, 2, 8], problem)
        let admittedNear = pool.offer(near)
        #expect(admittedNear == (near.covered > first.covered))
        #expect(pool.count == 2)
        // Full: a distant solution replaces the member covering least only when it covers more.
        let other = Self.tables([8, 9, 10, 11], problem)
        let least = pool.members.map(\.covered).min() ?? 0
        let admitted = pool.offer(other)
        #expect(admitted == (other.covered > least))
        #expect(pool.count == 2)
        #expect(pool.members.map(\.covered).min() ?? 0 >= min(least, other.covered))
    }

    @Test("two swaps apart: the result is the best of the four solutions between them")
    func twoSwaps() async throws {
        for seed in UInt64(0)..<20 {
            let problem = try await Self.reduced(seed: seed)
            guard problem.candidateCount >= 7 else { continue }
            let start = Self.tables([0, 1, 2, 3, 4], problem)
            let guide = [0, 1, 2, 5, 6]
            let budget = SearchBudget(timeLimit: nil, workLimit: .max)
            let relinked = try #require(PathRelinking.relink(start, toward: guide, budget: budget))
            // Close 3 or 4, open 5 or 6.
            let between = [(3, 5), (3, 6), (4, 5), (4, 6)].map { closing, opening in
                Self.tables([0, 1, 2, 3, 4].filter { $0 != closing } + [opening], problem).exactCovered
            }
            #expect(relinked.exactCovered == between.max(), "seed \(seed)")
            #expect(relinked.covered == relinked.exactCovered)
            #expect(ElitePool.distance(relinked.open.sorted(), [0, 1, 2, 3, 4]) == 1)
            #expect(ElitePool.distance(relinked.open.sorted(), guide) == 1)
            #expect(budget.spent > 0)
        }
    }

    @Test("longer paths: the result lies strictly between the ends, with p facilities and exact tables")
    func longerPaths() async throws {
        var checked = 0
        for seed in UInt64(0)..<60 {
            let problem = try await Self.reduced(seed: seed, items: 120, candidates: 40)
            guard problem.candidateCount >= 12 else { continue }
            let budget = SearchBudget(timeLimit: nil, workLimit: .max)
            var start = Self.tables(Array(0..<6), problem)
            var end = Self.tables(Array(6..<12), problem)
            TableSearch.descend(&start, limit: 6, budget: budget)
            TableSearch.descend(&end, limit: 6, budget: budget)
            let ends = (start.open.sorted(), end.open.sorted())
            guard ElitePool.distance(ends.0, ends.1) >= 2 else { continue }
            let relinked = try #require(PathRelinking.relink(start, toward: end.open, budget: budget))
            let open = relinked.open.sorted()
            #expect(open.count == 6)
            #expect(Set(open).isSubset(of: Set(ends.0 + ends.1)))
            #expect(ElitePool.distance(open, ends.0) >= 1 && ElitePool.distance(open, ends.1) >= 1)
            #expect(relinked.covered == relinked.exactCovered)
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test("the whole search: deterministic for a seed, never above the optimum, optimal on most instances")
    func searchAgainstExhaustive() async throws {
        var optimal = 0
        var total = 0
        for seed in UInt64(0)..<12 {
            let original = RandomInstances.problem(seed: seed, items: 40, candidates: 14, density: 0.15)
            let problem = try await Presolve.reduce(original, threads: 1)
            for p in 2...4 {
                let best = BruteForce.maximumCoverage(original, limit: .count(p))
                var runs: [[Int]] = []
                for _ in 0..<2 {
                    let budget = SearchBudget(timeLimit: nil, workLimit: 400_000)
                    let found = TableSearch.run(from: SwapTables(problem), limit: p, seed: 5, budget: budget) { _ in false }
                    let chosen = problem.originalIndices(of: found.open.sorted())
                    #expect(chosen.count <= p)
                    #expect(found.covered == found.exactCovered)
                    #expect(problem.fixedWeight + found.covered <= best + 1e-9, "seed \(seed) p \(p)")
                    if abs(original.coveredWeight(by: chosen) - best) <= 1e-9 { optimal += 1 }
                    runs.append(chosen)
                }
                #expect(runs[0] == runs[1], "seed \(seed) p \(p)")
                total += 2
            }
        }
        #expect(Double(optimal) >= 0.95 * Double(total), "optimal on \(optimal) of \(total)")
    }
}
