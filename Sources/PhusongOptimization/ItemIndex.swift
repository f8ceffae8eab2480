/// The transpose of a coverage matrix: for each item, the candidates covering it (ascending),
/// in compressed sparse row form.
struct ItemIndex: Sendable {
    private let start: [Int]
    private let candidates: [Int32]

    init(coverage: [[Int32]], itemCount: Int) {
        var counts = [Int](repeating: 0, count: itemCount + 1)
        for items in coverage {
            for item in items { counts[Int(item) + 1] += 1 }
        }
        for item in 0..<itemCount { counts[item + 1] += counts[item] }
        var next = counts
        var flat = [Int32](repeating: 0, count: counts[itemCount])
        for (candidate, items) in coverage.enumerated() {
            for item in items {
                flat[next[Int(item)]] = Int32(candidate)
                next[Int(item)] += 1
            }
        }
        start = counts
        candidates = flat
    }

    /// The candidates covering `item`, ascending.
    func candidates(of item: Int) -> ArraySlice<Int32> { candidates[start[item]..<start[item + 1]] }

    func degree(of item: Int) -> Int { start[item + 1] - start[item] }
}
