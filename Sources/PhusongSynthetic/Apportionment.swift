/// Splits `total` into whole parts proportional to `weights` (largest-remainder method; ties go
/// to the earlier index), giving each part at least `minimum`. Requires
/// `total >= minimum * weights.count` and positive weights.
func apportion(_ total: Int, weights: [Double], minimum: Int = 1) -> [Int] {
    guard !weights.isEmpty else { return [] }
    let spare = total - minimum * weights.count
    let weightSum = weights.reduce(0, +)
    var parts = [Int](repeating: minimum, count: weights.count)
    var remainders: [(remainder: Double, index: Int)] = []
    remainders.reserveCapacity(weights.count)
    var given = 0
    for (index, weight) in weights.enumerated() {
        let exact = Double(spare) * weight / weightSum
        // Safe: a share of `spare` (weights are positive and finite), so at most `spare`.
        let whole = Int(exact.rounded(.down))
        parts[index] += whole
        given += whole
        remainders.append((exact - Double(whole), index))
    }
    remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
    for k in 0..<(spare - given) {
        parts[remainders[k % remainders.count].index] += 1
    }
    return parts
}
