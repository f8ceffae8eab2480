import Foundation

/// What the checks across a table's rows remember (ids with the line of their first
/// occurrence, a `TableRowCheck`'s state), split into partitions by key hash: the rows of one
/// key all fall into one partition, so each partition is checked by one task, in file order,
/// with the outcome of one pass over all rows. Kept across the files of one table (several
/// cells files are one list: ids unique across them).
final class RowChecks<Check: TableRowCheck>: Sendable {
    let ids: [Partition<FirstOccurrences<Int>>]
    let states: [Partition<Check.State>]

    /// - Parameter partitions: usually the number of threads (the outcome does not depend on it).
    init(partitions: Int) {
        let count = max(1, partitions)
        ids = (0..<count).map { _ in Partition(FirstOccurrences<Int>()) }
        states = (0..<count).map { _ in Partition(Check.initialState) }
    }

    /// The partition of a key hash.
    func partition(of hash: Int) -> Int { Int(UInt(bitPattern: hash) % UInt(ids.count)) }
}

/// One partition's state, updated by one task at a time. The lock is taken once per block
/// by the task that checks the partition, so it is never contended; it makes the hand-over
/// between the tasks of successive blocks safe, which is why `@unchecked Sendable` holds.
final class Partition<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) { self.state = state }

    func update<Result>(_ body: (inout State) -> Result) -> Result {
        lock.withLock { body(&state) }
    }
}
