import CCBC
import Foundation

/// The COIN-OR CBC branch-and-cut solver (Forrest et al., https://github.com/coin-or/Cbc)
/// through its C interface, as a safe Swift call: the model handle is created, owned and
/// deleted inside `solve` (one owner, never shared between threads), CBC's log is switched
/// off (log level 0, so nothing reaches the terminal), and no C type appears in the API.
/// Written by hand because no maintained Swift package wraps CBC.
///
/// One solve at a time in the process: CBC 2.10's `Cbc_solve` runs its command-line driver
/// (`CbcMain1`), whose parameter tables are static, so two solves at once garble each other's
/// parameters (seen in concurrent tests: "No match for 1e-7", wrong optima).
public enum CBC {
    private static let lock = NSLock()

    /// Solves `problem` within `timeLimit` seconds on one thread (CBC is then deterministic
    /// until the clock stops it).
    /// - Parameters:
    ///   - problem: the program (checked with `MIPProblem.validate()`).
    ///   - timeLimit: seconds CBC may run; it reports its best solution and bound when stopped.
    ///   - start: optional values of every column of a known feasible solution (a MIP start).
    /// - Returns: the status, the best solution found, its objective and CBC's proven bound.
    public static func solve(_ problem: MIPProblem, timeLimit: Double, start: [Double]? = nil) throws(MIPError) -> MIPResult {
        try problem.validate()
        guard timeLimit.isFinite, timeLimit > 0 else { throw MIPError("time limit \(timeLimit) s: it must be > 0 and finite") }
        if let start, start.count != problem.columnCount {
            throw MIPError("the start has \(start.count) values for \(problem.columnCount) columns")
        }
        lock.lock()
        defer { lock.unlock() }
        guard let model = ModelHandle() else { throw MIPError("CBC could not create a model") }
        model.load(problem)
        if let start { model.setStart(start) }
        model.set("log", "0")
        model.set("slogLevel", "0")
        model.set("threads", "1")
        model.set("sec", String(timeLimit))
        // Proven optimal means a zero gap: CBC's default would stop at a relative gap of 1e-4.
        model.set("ratioGap", "0")
        model.set("allowableGap", "1e-7")
        return model.solve(problem)
    }
}

/// The owner of one `Cbc_Model`: deleted when the owner goes away.
private final class ModelHandle {
    let model: UnsafeMutableRawPointer

    init?() {
        guard let model = Cbc_newModel() else { return nil }
        self.model = model
        Cbc_setLogLevel(model, 0)
    }

    deinit { Cbc_deleteModel(model) }

    func set(_ name: String, _ value: String) { Cbc_setParameter(model, name, value) }

    /// Loads the problem in column form (CBC's compressed sparse columns).
    func load(_ problem: MIPProblem) {
        let columns = problem.columnCount
        var counts = [Int](repeating: 0, count: columns + 1)
        for row in problem.rows { for column in row.columns { counts[column + 1] += 1 } }
        for column in 0..<columns { counts[column + 1] += counts[column] }
        var next = counts
        var index = [Int32](repeating: 0, count: counts[columns])
        var value = [Double](repeating: 0, count: counts[columns])
        for (rowIndex, row) in problem.rows.enumerated() {
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                index[next[column]] = Int32(rowIndex)
                value[next[column]] = coefficient
                next[column] += 1
            }
        }
        let starts = counts.map { CoinBigIndex($0) }
        let rowLower = problem.rows.map(\.lower).map(Self.finite)
        let rowUpper = problem.rows.map(\.upper).map(Self.finite)
        let lower = problem.lower.map(Self.finite)
        let upper = problem.upper.map(Self.finite)
        Cbc_loadProblem(model, Int32(columns), Int32(problem.rows.count), starts, index, value, lower, upper, problem.objective, rowLower, rowUpper)
        for column in 0..<columns where problem.integer[column] { Cbc_setInteger(model, Int32(column)) }
        Cbc_setObjSense(model, problem.sense == .maximise ? -1 : 1)
    }

    func setStart(_ values: [Double]) {
        let indices = (0..<values.count).map { Int32($0) }
        Cbc_setMIPStartI(model, Int32(values.count), indices, values)
    }

    func solve(_ problem: MIPProblem) -> MIPResult {
        _ = Cbc_solve(model)
        let bound = Cbc_getBestPossibleObjValue(model)
        var values: [Double] = []
        if let best = Cbc_bestSolution(model) {
            values = Array(UnsafeBufferPointer(start: best, count: problem.columnCount))
        }
        let objective = values.isEmpty ? nil : zip(values, problem.objective).reduce(0) { $0 + $1.0 * $1.1 }
        let status: MIPResult.Status
        if Cbc_isProvenOptimal(model) != 0 {
            status = .optimal
        } else if Cbc_isProvenInfeasible(model) != 0 {
            status = .infeasible
        } else if Cbc_isAbandoned(model) != 0 {
            status = .abandoned
        } else {
            status = .stopped
        }
        return MIPResult(status: status, values: values, objective: objective, bound: bound, sense: problem.sense)
    }

    /// CBC's infinity for the infinite bounds (its C interface reads ±DBL_MAX as unbounded).
    private static func finite(_ value: Double) -> Double {
        value == .infinity ? .greatestFiniteMagnitude : (value == -.infinity ? -.greatestFiniteMagnitude : value)
    }
}

/// What CBC found.
public struct MIPResult: Sendable, Hashable {
    /// How the solve ended.
    public enum Status: Sendable, Hashable {
        /// The solution is proven optimal.
        case optimal
        /// The time limit stopped the search (with or without a solution).
        case stopped
        /// No solution exists.
        case infeasible
        /// CBC gave up (numerical difficulties).
        case abandoned
    }

    /// How the solve ended.
    public var status: Status
    /// The best solution's column values (empty when none was found).
    public var values: [Double]
    /// Its objective value, nil without a solution.
    public var objective: Double?
    /// CBC's proven bound on the optimum (a lower bound when minimising, upper when maximising).
    public var bound: Double
    /// The direction, to read the gap.
    public var sense: MIPProblem.Sense

    /// The relative gap |bound − objective| / max(|bound|, |objective|), 0 when proven optimal,
    /// nil without a solution.
    public var gap: Double? {
        guard let objective else { return nil }
        if status == .optimal { return 0 }
        let scale = max(abs(bound), abs(objective))
        return scale > 0 ? abs(bound - objective) / scale : 0
    }
}
