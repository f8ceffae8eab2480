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
    /// Things worth a look that do not make a row unusable.
    public var warnings: [Problem]

    /// Every error found, in file order.
    public var errors: [Problem] { rejected.flatMap(\.problems) }
}

/// A row that failed a check: its fields as read and the problems with it.
public struct RejectedRow: Sendable {
    public var line: Int
    public var fields: [String]
    public var problems: [Problem]

    /// The problems in one cell of text, for the `reason` column of a rejects file.
    public var reason: String { problems.map(\.reasonWithColumn).joined(separator: "; ") }
}
