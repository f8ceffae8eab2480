/// A mixed-integer linear program in row form, for `CBC.solve`:
/// optimise Σ_j objective[j] · x_j subject to rowLower[r] ≤ Σ_j a_rj x_j ≤ rowUpper[r] and
/// lower[j] ≤ x_j ≤ upper[j], x_j whole when `integer[j]`. Infinite bounds are allowed
/// (`-.infinity`, `.infinity`); every other number must be finite.
public struct MIPProblem: Sendable, Hashable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable, Hashable {
        /// Minimise the objective.
        case minimise
        /// Maximise the objective.
        case maximise
    }

    /// One constraint: `lower ≤ Σ coefficients[k] · x[columns[k]] ≤ upper`.
    public struct Row: Sendable, Hashable {
        /// Column indices (each at most once).
        public var columns: [Int]
        /// The coefficient of each listed column.
        public var coefficients: [Double]
        /// Lower side (may be `-.infinity`).
        public var lower: Double
        /// Upper side (may be `.infinity`).
        public var upper: Double

        /// A row from its columns, coefficients and sides.
        /// - Parameters:
        ///   - columns: column indices, each at most once.
        ///   - coefficients: one coefficient per listed column.
        ///   - lower: the lower side (may be `-.infinity`).
        ///   - upper: the upper side (may be `.infinity`).
        public init(columns: [Int], coefficients: [Double], lower: Double, upper: Double) {
            self.columns = columns
            self.coefficients = coefficients
            self.lower = lower
            self.upper = upper
        }
    }

    /// Minimise or maximise.
    public var sense: Sense
    /// Objective coefficient of each column.
    public var objective: [Double]
    /// Lower bound of each column.
    public var lower: [Double]
    /// Upper bound of each column.
    public var upper: [Double]
    /// True for the columns that must take whole values.
    public var integer: [Bool]
    /// The constraints.
    public var rows: [Row]

    /// A problem from its columns and rows.
    /// - Parameters:
    ///   - sense: minimise or maximise.
    ///   - objective: the objective coefficient of each column.
    ///   - lower: each column's lower bound.
    ///   - upper: each column's upper bound.
    ///   - integer: true for the columns that must be whole.
    ///   - rows: the constraints.
    public init(sense: Sense, objective: [Double], lower: [Double], upper: [Double], integer: [Bool], rows: [Row]) {
        self.sense = sense
        self.objective = objective
        self.lower = lower
        self.upper = upper
        self.integer = integer
        self.rows = rows
    }

    /// Number of columns (variables).
    public var columnCount: Int { objective.count }

    /// Checks the shapes and numbers (one entry per column in every column array, column
    /// indices in range and not repeated within a row, finite coefficients).
    public func validate() throws(MIPError) {
        let columns = columnCount
        guard lower.count == columns, upper.count == columns, integer.count == columns else {
            throw MIPError("the column arrays have different lengths (\(columns) objective coefficients)")
        }
        guard columns <= Int(Int32.max) else { throw MIPError("\(columns) columns: at most \(Int32.max)") }
        if let column = objective.firstIndex(where: { !$0.isFinite }) {
            throw MIPError("objective coefficient of column \(column) is \(objective[column]): it must be finite")
        }
        for (index, row) in rows.enumerated() {
            guard row.columns.count == row.coefficients.count else {
                throw MIPError("row \(index) lists \(row.columns.count) columns and \(row.coefficients.count) coefficients")
            }
            var seen = Set<Int>()
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                guard (0..<columns).contains(column), seen.insert(column).inserted, coefficient.isFinite else {
                    throw MIPError("row \(index): column \(column) out of 0..<\(columns), repeated, or with coefficient \(coefficient)")
                }
            }
        }
    }
}

/// A malformed problem or a failure inside CBC.
public struct MIPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// An error with its message.
    /// - Parameter description: what went wrong.
    public init(_ description: String) { self.description = description }
}
