import Testing
@testable import PhusongOptimization
@testable import PhusongSupport

@Suite("Lazy greedy")
struct GreedyTests {
    /// The plain greedy: re-evaluate every candidate at every step.
    private func plainGreedy(_ problem: ReducedProblem, rule: GreedyRule) -> [Int] {
        var state = CoverageState(problem)
        while !rule.isFull(state) {
            var best: (candidate: Int, key: Double)?
            let openCost = state.cost(problem)
            for candidate in 0..<problem.candidateCount where !state.isOpen[candidate] && rule.fits(candidate, openCost: openCost, problem) {
                let key = rule.key(gain: state.gain(candidate, problem), cost: problem.costs[candidate])
                if key > (best?.key ?? 0) { best = (candidate, key) }
            }
            guard let best else { break }
            state.add(best.candidate, problem)
        }
        return state.open
    }

    @Test("opens the same facilities as the plain greedy, whatever the batch size", arguments: 0..<30)
    func matchesPlainGreedy(seed: Int) async throws {
        let problem = RandomInstances.problem(
            seed: UInt64(1000 + seed), items: 300, candidates: 120, density: 0.04, integral: seed % 3 != 0, randomCosts: true)
        let reduced = try await Presolve.reduce(problem, threads: 1)
        for rule in [GreedyRule.count(8), .budget(12.5), .coverAll] {
            let expected = plainGreedy(reduced, rule: rule)
            for threads in [1, 3] {
                var state = CoverageState(reduced)
                try await LazyGreedy.extend(&state, reduced, rule: rule, threads: threads)
                #expect(state.open == expected, "rule \(rule), threads \(threads)")
            }
        }
    }

    @Test("covering all: the greedy leaves nothing coverable uncovered")
    func coversAll() async throws {
        let problem = RandomInstances.problem(seed: 7, items: 200, candidates: 60, density: 0.05, randomCosts: true)
        let reduced = try await Presolve.reduce(problem, threads: 1)
        var state = CoverageState(reduced)
        try await LazyGreedy.extend(&state, reduced, rule: .coverAll, threads: 1)
        #expect(state.coveredWeight(reduced) == reduced.totalWeight)
    }

    @Test("the k largest values, the lower index first among equals")
    func largestValues() {
        let values: [Double] = [3, 5, 5, 1, 5, 0]
        #expect(LargestValues.indices(2, of: values).sorted() == [1, 2])
        #expect(LargestValues.indices(4, of: values).sorted() == [0, 1, 2, 4])
        #expect(LargestValues.indices(0, of: values).isEmpty)
        #expect(LargestValues.indices(9, of: values).sorted() == [0, 1, 2, 3, 4, 5])
    }

    @Test("quickselect picks the same set as a full sort, with many ties", arguments: [1, 2, 7, 500, 999])
    func largestValuesMatchSort(k: Int) {
        var random = SplitMix64(seed: UInt64(k))
        let values = (0..<1_000).map { _ in Double(random.below(40)) }
        let sorted = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        #expect(LargestValues.indices(k, of: values).sorted() == Array(sorted.prefix(k)).sorted())
        let constant = [Double](repeating: 1, count: 1_000)
        #expect(LargestValues.indices(k, of: constant).sorted() == Array(0..<k))
    }

    @Test("the heap pops the highest key, then the lowest candidate")
    func heapOrder() {
        var heap = CandidateHeap([
            .init(key: 2, candidate: 5, step: 0), .init(key: 3, candidate: 9, step: 0),
            .init(key: 3, candidate: 4, step: 0), .init(key: 1, candidate: 0, step: 0),
        ])
        heap.push(.init(key: 3, candidate: 2, step: 1))
        var order: [Int] = []
        while let entry = heap.pop() { order.append(entry.candidate) }
        #expect(order == [2, 4, 9, 5, 0])
    }

    @Test("the seeded generator is uniform enough and reproducible")
    func generator() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let draws = (0..<6000).map { _ in first.below(6) }
        #expect(draws == (0..<6000).map { _ in second.below(6) })
        for face in 0..<6 {
            let count = draws.filter { $0 == face }.count
            #expect(count > 850 && count < 1150)
        }
    }
}
