/// A set of open candidates of a reduced problem and how they cover the items: for each item
/// the number of open candidates covering it and, to find the only one when there is one,
/// the sum of their indices.
struct CoverageState: Sendable {
    /// Open candidates covering each item.
    private(set) var coverCount: [Int32]
    /// Sum of the indices of the open candidates covering each item: the covering candidate
    /// itself when `coverCount` is 1.
    private(set) var ownerSum: [Int]
    private(set) var isOpen: [Bool]
    /// The open candidates, ascending.
    private(set) var open: [Int] = []

    init(_ problem: ReducedProblem) {
        coverCount = [Int32](repeating: 0, count: problem.itemCount)
        ownerSum = [Int](repeating: 0, count: problem.itemCount)
        isOpen = [Bool](repeating: false, count: problem.candidateCount)
    }

    mutating func add(_ candidate: Int, _ problem: ReducedProblem) {
        guard !isOpen[candidate] else { return }
        isOpen[candidate] = true
        open.insert(candidate, at: open.firstIndex { $0 > candidate } ?? open.endIndex)
        for item in problem.coverage[candidate] {
            coverCount[Int(item)] += 1
            ownerSum[Int(item)] += candidate
        }
    }

    mutating func remove(_ candidate: Int, _ problem: ReducedProblem) {
        guard isOpen[candidate] else { return }
        isOpen[candidate] = false
        open.removeAll { $0 == candidate }
        for item in problem.coverage[candidate] {
            coverCount[Int(item)] -= 1
            ownerSum[Int(item)] -= candidate
        }
    }

    /// The weight `candidate` would newly cover.
    func gain(_ candidate: Int, _ problem: ReducedProblem) -> Double {
        weight(of: candidate, coveredTimes: 0, problem)
    }

    /// The weight only `candidate` (open) covers: what closing it would lose.
    func loss(_ candidate: Int, _ problem: ReducedProblem) -> Double {
        weight(of: candidate, coveredTimes: 1, problem)
    }

    /// The weight of `candidate`'s items that exactly `times` open candidates cover.
    private func weight(of candidate: Int, coveredTimes times: Int32, _ problem: ReducedProblem) -> Double {
        var total = 0.0
        for position in problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1] {
            let item = Int(problem.flatItems[position])
            if coverCount[item] == times { total += problem.weights[item] }
        }
        return total
    }

    /// The covered weight, summed in item order (the same set always gives the same number).
    func coveredWeight(_ problem: ReducedProblem) -> Double {
        var total = 0.0
        for item in 0..<problem.itemCount where coverCount[item] > 0 { total += problem.weights[item] }
        return total
    }

    /// The open candidates' cost, summed in ascending order.
    func cost(_ problem: ReducedProblem) -> Double {
        open.reduce(0) { $0 + problem.costs[$1] }
    }
}
