extension ReducedProblem {
    /// The transpose of the coverage rows, for the interchange tables (`SwapTables`,
    /// `InterchangeTables`): for each item, the candidates covering it, ascending, as
    /// `candidates[starts[i]..<starts[i + 1]]` (compressed columns: one array of `nonZeros`
    /// entries instead of an array per item).
    func itemCandidates() -> (starts: [Int], candidates: [Int32]) {
        var starts = [Int](repeating: 0, count: itemCount + 1)
        for item in flatItems { starts[Int(item) + 1] += 1 }
        for item in 0..<itemCount { starts[item + 1] += starts[item] }
        var next = starts
        var candidates = [Int32](repeating: 0, count: nonZeros)
        for candidate in 0..<candidateCount {
            for position in rowStarts[candidate]..<rowStarts[candidate + 1] {
                let item = Int(flatItems[position])
                candidates[next[item]] = Int32(candidate)
                next[item] += 1
            }
        }
        return (starts, candidates)
    }
}
