/// Selection of the k largest of a list of values, the lower index first among equal values.
enum LargestValues {
    /// Indices of the `k` largest `values` (ties: lower index), in no particular order.
    ///
    /// Quickselect (Hoare 1961, "Algorithm 65: Find") with a median-of-three pivot: O(n) on
    /// average, which matters in the Lagrangian bound where k is tens of thousands and the
    /// selection runs at every iteration. The order (larger value, then lower index) is total,
    /// so the selected set is unique whatever the algorithm; after 2·log₂ n partitions without
    /// converging, the rest falls back to the O(n log k) heap.
    /// (Hand-written: swift-algorithms' `max(count:sortedBy:)` is O(n log k) and breaks ties
    /// by position only within its own ordering, not by our rule.)
    static func indices(_ k: Int, of values: [Double]) -> [Int] {
        guard k < values.count else { return Array(values.indices) }
        guard k > 0 else { return [] }
        // a before b: a is larger, or equal with a lower index.
        func before(_ a: Int, _ b: Int) -> Bool { values[a] > values[b] || (values[a] == values[b] && a < b) }
        var order = Array(values.indices)
        var low = 0
        var high = order.count - 1  // the k-th element (index k - 1) lies in low...high
        var depth = 2 * (Int.bitWidth - order.count.leadingZeroBitCount)
        while low < high {
            if depth == 0 {
                return Array(order[..<low]) + heapSelect(k - low, of: Array(order[low...high]), before)
            }
            depth -= 1
            let middle = low + (high - low) / 2
            // Median of three as the pivot, moved to `high`.
            if before(order[middle], order[low]) { order.swapAt(middle, low) }
            if before(order[high], order[low]) { order.swapAt(high, low) }
            if before(order[middle], order[high]) { order.swapAt(middle, high) }
            let pivot = order[high]
            var store = low
            for position in low..<high where before(order[position], pivot) {
                order.swapAt(position, store)
                store += 1
            }
            order.swapAt(store, high)
            if store == k - 1 { break }
            if store < k - 1 { low = store + 1 } else { high = store - 1 }
        }
        return Array(order[..<k])
    }

    /// The `k` first of `candidates` in the order `before`, with a bounded heap.
    private static func heapSelect(_ k: Int, of candidates: [Int], _ before: (Int, Int) -> Bool) -> [Int] {
        guard k < candidates.count else { return candidates }
        guard k > 0 else { return [] }
        // `heap[0]` is the last kept one in the order.
        var heap: [Int] = []
        heap.reserveCapacity(k)
        for index in candidates {
            if heap.count < k {
                heap.append(index)
                var child = heap.count - 1
                while child > 0, before(heap[(child - 1) / 2], heap[child]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if before(index, heap[0]) {
                heap[0] = index
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    guard left < k else { break }
                    var last = left
                    if left + 1 < k, before(heap[left], heap[left + 1]) { last = left + 1 }
                    guard before(heap[parent], heap[last]) else { break }
                    heap.swapAt(last, parent)
                    parent = last
                }
            }
        }
        return heap
    }
}
