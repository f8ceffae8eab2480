/// Open facilities of a count-limited maximum-coverage problem with incremental gain and loss
/// tables, the data structure of Whitaker's fast interchange (1983) as Resende & Werneck
/// (2007, "A fast swap-based local search procedure for location problems") implement it for
/// the p-median, here for coverage:
///
/// - `gain[k]`: the weight closed candidate k would newly cover (its items no open facility
///   covers);
/// - `loss[j]`: the weight only open facility j covers (what closing it loses).
///
/// Opening or closing a facility walks its items once; only an item whose cover count crosses
/// 0 ↔ 1 changes the gain of every candidate covering it (a walk of the item's column), and only
/// one crossing 1 ↔ 2 changes the loss of its single owner (found through `ownerSum`, the sum of
/// the indices of the open facilities covering the item, which is that owner when the count
/// is 1). So a move costs about Σ degree over the items it uncovers or newly covers, instead
/// of a pass over the whole coverage matrix, and the best candidate to open after closing j is
/// either one covering an item only j covers or the best addition before it (`bestSwap`).
///
/// Work is counted in covered-item visits (`work`), so a `SearchBudget` stops a search at the
/// same step on every machine.
struct SwapTables: Sendable {
    let problem: ReducedProblem
    /// For each item, the candidates covering it: `itemCandidates[itemStarts[i]..<itemStarts[i + 1]]`.
    private let itemStarts: [Int]
    private let itemCandidates: [Int32]

    private(set) var coverCount: [Int32]
    private(set) var ownerSum: [Int]
    private(set) var isOpen: [Bool]
    private(set) var gain: [Double]
    private(set) var loss: [Double]
    /// The open facilities, in no particular order (a swap puts the new one in the old one's slot).
    private(set) var open: [Int] = []
    /// The slot in `open` of each open candidate, -1 for closed ones.
    private(set) var slotOf: [Int32]
    /// Covered weight, maintained incrementally (exact for whole-number weights; `exactCovered`
    /// recomputes it).
    private(set) var covered = 0.0
    /// Covered-item visits so far.
    private(set) var work = 0
    /// Scratch of `bestSwap`: the weight each candidate shares with the facility evaluated
    /// (items only that facility covers), and the candidates with a share.
    private var shared: [Double]
    private var sharing: [Int] = []
    /// Scratch of the neighbourhood lists: a stamp per candidate, to list each once.
    private var stamp: [UInt32]
    private var currentStamp: UInt32 = 0

    init(_ problem: ReducedProblem) {
        self.problem = problem
        (itemStarts, itemCandidates) = problem.itemCandidates()
        coverCount = [Int32](repeating: 0, count: problem.itemCount)
        ownerSum = [Int](repeating: 0, count: problem.itemCount)
        isOpen = [Bool](repeating: false, count: problem.candidateCount)
        slotOf = [Int32](repeating: -1, count: problem.candidateCount)
        loss = [Double](repeating: 0, count: problem.candidateCount)
        stamp = [UInt32](repeating: 0, count: problem.candidateCount)
        shared = [Double](repeating: 0, count: problem.candidateCount)
        gain = (0..<problem.candidateCount).map { candidate in
            (problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1]).reduce(0.0) {
                $0 + problem.weights[Int(problem.flatItems[$1])]
            }
        }
        work = problem.nonZeros
    }

    /// The tables for the open facilities of `state`.
    init(_ state: CoverageState, _ problem: ReducedProblem) {
        self.init(problem)
        for candidate in state.open { add(candidate) }
    }

    /// Opens `candidate` (appended to `open`).
    mutating func add(_ candidate: Int) {
        guard !isOpen[candidate] else { return }
        slotOf[candidate] = Int32(open.count)
        open.append(candidate)
        openTables(candidate)
    }

    /// Closes the facility in slot `slot` of `open` (the last one moves into the slot).
    mutating func remove(slot: Int) {
        let candidate = open[slot]
        open[slot] = open[open.count - 1]
        slotOf[open[slot]] = Int32(slot)
        open.removeLast()
        slotOf[candidate] = -1
        closeTables(candidate)
    }

    /// Replaces the facility in slot `slot` by `candidate` (closed).
    mutating func swap(slot: Int, for candidate: Int) {
        closeTables(open[slot])
        slotOf[open[slot]] = -1
        open[slot] = candidate
        slotOf[candidate] = Int32(slot)
        openTables(candidate)
    }

    /// The slot of the open facility losing least (the lowest slot on a tie), nil when none is open.
    func leastLossSlot() -> Int? {
        guard !open.isEmpty else { return nil }
        var best = 0
        for slot in open.indices.dropFirst() where loss[open[slot]] < loss[open[best]] { best = slot }
        return best
    }

    /// The closed candidate with the largest gain (lowest index on a tie), nil when none gains.
    mutating func bestAddition() -> Int? {
        work += problem.candidateCount
        var best = -1
        var bestGain = 0.0
        for candidate in 0..<problem.candidateCount where !isOpen[candidate] && gain[candidate] > bestGain {
            best = candidate
            bestGain = gain[candidate]
        }
        return best >= 0 ? best : nil
    }

    /// Evaluates closing the facility in slot `slot` and opening the best candidate instead,
    /// without changing the tables: returns that candidate and the change in covered weight.
    /// Opening k after closing j changes the covered weight by gain(k) + shared(j, k) − loss(j),
    /// where shared(j, k) is the weight of the items only j covers that k covers too (one walk
    /// of their columns). `best` is the best addition before the close (or nil): among the
    /// candidates sharing nothing with j it is the best, so it and the sharing ones are all
    /// there is to compare. Ties go to the lowest index; j itself (no change) wins a tie with 0.
    mutating func bestSwap(slot: Int, best: Int?) -> (candidate: Int, change: Double) {
        let facility = open[slot]
        let lost = loss[facility]
        collectShared(facility)
        var chosen = facility
        var chosenGain = lost
        func consider(_ candidate: Int) {
            let value = gain[candidate] + shared[candidate]
            if value > chosenGain || (value == chosenGain && candidate < chosen) {
                chosen = candidate
                chosenGain = value
            }
        }
        if let best, !isOpen[best] { consider(best) }
        for candidate in sharing where !isOpen[candidate] { consider(candidate) }
        clearShared()
        return (chosen, chosenGain - lost)
    }

    /// The best of `candidates` to open instead of the facility in slot `slot` (closed
    /// candidates only; the first in the list on a tie) and the change in covered weight,
    /// gain(k) + shared(j, k) − loss(j) as in `bestSwap(slot:best:)`; nil when none is closed.
    /// The tables are not changed.
    mutating func bestSwap(slot: Int, among candidates: [Int]) -> (candidate: Int, change: Double)? {
        let facility = open[slot]
        collectShared(facility)
        defer { clearShared() }
        work += candidates.count
        var chosen: (candidate: Int, change: Double)?
        for candidate in candidates where !isOpen[candidate] {
            let change = gain[candidate] + shared[candidate] - loss[facility]
            if change > chosen?.change ?? -.infinity { chosen = (candidate, change) }
        }
        return chosen
    }

    /// Fills `shared` and `sharing`: for each candidate, the weight of the items only
    /// `facility` covers that it covers too.
    private mutating func collectShared(_ facility: Int) {
        let weights = problem.weights
        for position in problem.rowStarts[facility]..<problem.rowStarts[facility + 1] {
            let item = Int(problem.flatItems[position])
            guard coverCount[item] == 1 else { continue }
            let weight = weights[item]
            let column = itemStarts[item]..<itemStarts[item + 1]
            work += column.count
            for index in column {
                let other = Int(itemCandidates[index])
                if shared[other] == 0 { sharing.append(other) }
                shared[other] += weight
            }
        }
        work += problem.rowStarts[facility + 1] - problem.rowStarts[facility]
    }

    private mutating func clearShared() {
        for candidate in sharing { shared[candidate] = 0 }
        sharing.removeAll(keepingCapacity: true)
    }

    /// The covered weight recomputed in item order (the same set always gives the same number).
    var exactCovered: Double {
        var total = 0.0
        for item in 0..<problem.itemCount where coverCount[item] > 0 { total += problem.weights[item] }
        return total
    }

    /// The facilities as a `CoverageState`.
    func state() -> CoverageState {
        var state = CoverageState(problem)
        for candidate in open { state.add(candidate, problem) }
        return state
    }

    /// The open candidates that share an item with `facility` (itself excluded, open or not).
    mutating func overlapping(_ facility: Int) -> [Int] {
        nextStamp()
        stamp[facility] = currentStamp
        var found: [Int] = []
        for position in problem.rowStarts[facility]..<problem.rowStarts[facility + 1] {
            let item = Int(problem.flatItems[position])
            guard coverCount[item] > (isOpen[facility] ? 1 : 0) else { continue }
            for index in itemStarts[item]..<itemStarts[item + 1] {
                let other = Int(itemCandidates[index])
                if isOpen[other], stamp[other] != currentStamp {
                    stamp[other] = currentStamp
                    found.append(other)
                }
            }
        }
        return found
    }

    /// The closed candidates that cover an item of `facility` and would cover something new,
    /// ascending.
    mutating func nearbyGaining(_ facility: Int) -> [Int] {
        nextStamp()
        var found: [Int] = []
        for position in problem.rowStarts[facility]..<problem.rowStarts[facility + 1] {
            let item = Int(problem.flatItems[position])
            for index in itemStarts[item]..<itemStarts[item + 1] {
                let other = Int(itemCandidates[index])
                if !isOpen[other], gain[other] > 0, stamp[other] != currentStamp {
                    stamp[other] = currentStamp
                    found.append(other)
                }
            }
        }
        return found.sorted()
    }

    /// A fresh stamp (every stamp cleared when the counter wraps).
    private mutating func nextStamp() {
        currentStamp &+= 1
        if currentStamp == 0 {
            for index in stamp.indices { stamp[index] = 0 }
            currentStamp = 1
        }
    }

    private mutating func openTables(_ candidate: Int) {
        isOpen[candidate] = true
        let weights = problem.weights
        for position in problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1] {
            let item = Int(problem.flatItems[position])
            let weight = weights[item]
            switch coverCount[item] {
            case 0:
                covered += weight
                loss[candidate] += weight
                let column = itemStarts[item]..<itemStarts[item + 1]
                work += column.count
                for index in column { gain[Int(itemCandidates[index])] -= weight }
            case 1:
                loss[ownerSum[item]] -= weight
            default:
                break
            }
            coverCount[item] += 1
            ownerSum[item] += candidate
        }
        work += problem.rowStarts[candidate + 1] - problem.rowStarts[candidate]
    }

    /// Closes `candidate` in the tables.
    private mutating func closeTables(_ candidate: Int) {
        isOpen[candidate] = false
        let weights = problem.weights
        for position in problem.rowStarts[candidate]..<problem.rowStarts[candidate + 1] {
            let item = Int(problem.flatItems[position])
            let weight = weights[item]
            coverCount[item] -= 1
            ownerSum[item] -= candidate
            switch coverCount[item] {
            case 0:
                covered -= weight
                let column = itemStarts[item]..<itemStarts[item + 1]
                work += column.count
                for index in column { gain[Int(itemCandidates[index])] += weight }
            case 1:
                loss[ownerSum[item]] += weight
            default:
                break
            }
        }
        work += problem.rowStarts[candidate + 1] - problem.rowStarts[candidate]
        loss[candidate] = 0
    }
}
