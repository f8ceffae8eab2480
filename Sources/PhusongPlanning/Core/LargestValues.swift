/// Selection of the k largest of a list of values, the lower index first among equal values.
enum LargestValues {
    /// Indices of the `k` largest `values` (ties: lower index), in no particular order.
    /// O(n log k) with a bounded min-heap.
    static func indices(_ k: Int, of values: [Double]) -> [Int] {
        guard k < values.count else { return Array(values.indices) }
        guard k > 0 else { return [] }
        // `heap[0]` is the worst kept index: the smallest value, the highest index on a tie.
        func worse(_ a: Int, _ b: Int) -> Bool { values[a] < values[b] || (values[a] == values[b] && a > b) }
        var heap: [Int] = []
        heap.reserveCapacity(k)
        for index in values.indices {
            if heap.count < k {
                heap.append(index)
                var child = heap.count - 1
                while child > 0, worse(heap[child], heap[(child - 1) / 2]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if worse(heap[0], index) {
                heap[0] = index
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    guard left < k else { break }
                    var worst = left
                    if left + 1 < k, worse(heap[left + 1], heap[left]) { worst = left + 1 }
                    guard worse(heap[worst], heap[parent]) else { break }
                    heap.swapAt(worst, parent)
                    parent = worst
                }
            }
        }
        return heap
    }
}
