/// Sums of values gathered at sparse indices: the inner loop of the Lagrangian bounds.
enum SparseSum {
    /// Σ values[i] for i in `indices`, with four running sums (indices taken in turn) so that
    /// the additions do not wait on each other. The order of the additions is fixed, so the
    /// result is the same on every run.
    static func sum(_ values: UnsafeBufferPointer<Double>, at indices: UnsafeBufferPointer<Int32>) -> Double {
        var sums = (0.0, 0.0, 0.0, 0.0)
        var position = 0
        let count = indices.count
        while position + 4 <= count {
            sums.0 += values[Int(indices[position])]
            sums.1 += values[Int(indices[position + 1])]
            sums.2 += values[Int(indices[position + 2])]
            sums.3 += values[Int(indices[position + 3])]
            position += 4
        }
        while position < count {
            sums.0 += values[Int(indices[position])]
            position += 1
        }
        return (sums.0 + sums.1) + (sums.2 + sums.3)
    }
}
