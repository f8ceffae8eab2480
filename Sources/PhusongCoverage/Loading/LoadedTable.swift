/// The outcome of loading one table: the rows that passed, the rows set aside, and the
/// problems found.
public struct LoadedTable<Row: Sendable>: Sendable {
    /// The file, as the user named it (several, comma-separated, when files were merged).
    public var file: String
    /// The header as written in the file.
    public var header: [String]
    /// Rows that passed every check, in file order.
    public var rows: [Row]
    /// The line each row starts on, parallel to `rows`.
    public var lines: [Int]
    /// Rows with at least one error, in file order.
    public var rejected: [RejectedRow]
    /// Things worth a look that do not make a row unusable: the first
    /// ``InputLimits/maxListedWarnings``, in file order (`warningCount` counts them all).
    public private(set) var warnings: [Problem]
    /// Warnings found beyond those listed.
    public private(set) var unlistedWarnings = 0

    public init(file: String, header: [String], rows: [Row], lines: [Int], rejected: [RejectedRow], warnings: [Problem]) {
        self.file = file
        self.header = header
        self.rows = rows
        self.lines = lines
        self.rejected = rejected
        self.warnings = []
        warn(warnings)
    }

    /// Every error found, in file order.
    public var errors: [Problem] { rejected.flatMap(\.problems) }
    /// Every warning found, listed or not.
    public var warningCount: Int { warnings.count + unlistedWarnings }

    /// Lists `found` after the warnings so far, up to the limit, and counts the rest: a file
    /// of two million villages outside the study area (a synthetic scenario) would otherwise
    /// hold two million messages, a gigabyte, to print twenty of them.
    mutating func warn(_ found: [Problem], unlisted: Int = 0) {
        let room = max(0, InputLimits.maxListedWarnings - warnings.count)
        warnings += found.prefix(room)
        unlistedWarnings += found.count - min(room, found.count) + unlisted
    }

    /// Relocates every problem with `problem` and every row line with `line` (a table read
    /// from a GIS layer: lines become feature ids, `GISTable`), after putting `first` before
    /// the warnings.
    mutating func relocate(problem: (Problem) -> Problem, line: (Int) -> Int, warningsFirst first: [Problem]) {
        let listed = warnings, unlisted = unlistedWarnings
        warnings = []
        unlistedWarnings = 0
        warn(first.map(problem))
        warn(listed.map(problem), unlisted: unlisted)
        lines = lines.map(line)
        rejected = rejected.map { row in
            RejectedRow(line: line(row.line), fields: row.fields, problems: row.problems.map(problem))
        }
    }

    /// The warnings of `other` after these (the tables of several files of one kind).
    mutating func warn(from other: LoadedTable) {
        warn(other.warnings, unlisted: other.unlistedWarnings)
    }
}

/// A row that failed a check: its fields as read and the problems with it.
public struct RejectedRow: Sendable {
    public var line: Int
    public var fields: [String]
    public var problems: [Problem]

    /// The problems in one cell of text, for the `reason` column of a rejects file.
    public var reason: String { problems.map(\.reasonWithColumn).joined(separator: "; ") }
}
