/// Reduces a covering problem before solving (the usual reductions for covering models, e.g.
/// Church & ReVelle 1974's and set covering presolves):
/// 1. the fixed candidates are taken out and the items they cover counted as covered;
/// 2. items of zero weight, and items no other candidate covers, are dropped;
/// 3. dominated candidates are dropped (`Dominance`);
/// 4. items covered by exactly the same kept candidates are merged, their weights summed.
///
/// With `keepingEveryCandidate`, step 3 keeps every candidate that is not fixed, even one
/// covering nothing: needed when a solution must open at least some number of facilities
/// (dropping candidates could leave too few to open).
enum Presolve {
    static func reduce(_ problem: CoverageProblem, threads: Int, keepingEveryCandidate: Bool = false) async throws -> ReducedProblem {
        let fixed = Array(Set(problem.fixed)).sorted()
        var isFixed = [Bool](repeating: false, count: problem.candidateCount)
        var coveredByFixed = [Bool](repeating: false, count: problem.itemCount)
        for candidate in fixed {
            isFixed[candidate] = true
            for item in problem.coverage[candidate] { coveredByFixed[Int(item)] = true }
        }
        var coverable = [Bool](repeating: false, count: problem.itemCount)
        for candidate in 0..<problem.candidateCount where !isFixed[candidate] {
            for item in problem.coverage[candidate] { coverable[Int(item)] = true }
        }
        // Steps 1 and 2: renumber the items that stay.
        var stage = [Int32](repeating: -1, count: problem.itemCount)
        var stageWeights: [Double] = []
        var fixedWeight = 0.0
        for item in 0..<problem.itemCount {
            if coveredByFixed[item] {
                fixedWeight += problem.weights[item]
            } else if coverable[item], problem.weights[item] > 0 {
                stage[item] = Int32(stageWeights.count)
                stageWeights.append(problem.weights[item])
            }
        }
        let stageCoverage = problem.coverage.indices.map { candidate -> [Int32] in
            isFixed[candidate] ? [] : problem.coverage[candidate].compactMap { stage[Int($0)] >= 0 ? stage[Int($0)] : nil }
        }
        // Step 3.
        let kept = keepingEveryCandidate
            ? problem.coverage.indices.filter { !isFixed[$0] }
            : try await Dominance.undominated(coverage: stageCoverage, costs: problem.costs, itemCount: stageWeights.count, threads: threads)
        // Step 4: items with the same list of kept candidates become one.
        let keptCoverage = kept.map { stageCoverage[$0] }
        let index = ItemIndex(coverage: keptCoverage, itemCount: stageWeights.count)
        var merged = [Int32](repeating: 0, count: stageWeights.count)
        var mergedByColumn: [ArraySlice<Int32>: Int32] = [:]
        var weights: [Double] = []
        for item in 0..<stageWeights.count {
            let column = index.candidates(of: item)
            if let existing = mergedByColumn[column] {
                merged[item] = existing
                weights[Int(existing)] += stageWeights[item]
            } else {
                merged[item] = Int32(weights.count)
                mergedByColumn[column] = Int32(weights.count)
                weights.append(stageWeights[item])
            }
        }
        let coverage = keptCoverage.map { items in Array(Set(items.map { merged[Int($0)] })).sorted() }
        return ReducedProblem(
            weights: weights,
            coverage: coverage,
            costs: kept.map { problem.costs[$0] },
            originalCandidate: kept,
            fixed: fixed,
            fixedWeight: fixedWeight,
            fixedCost: fixed.reduce(0) { $0 + problem.costs[$1] },
            totalWeight: weights.reduce(0, +),
            integralWeights: problem.weights.allSatisfy { $0 == $0.rounded() },
            integralCosts: problem.costs.allSatisfy { $0 == $0.rounded() }
        )
    }
}
