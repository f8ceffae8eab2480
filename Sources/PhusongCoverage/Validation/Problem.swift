import PhusongSupport

/// One thing wrong with an input: where (file, line, column), the offending value, and why,
/// each as a typed field (docs/specs/data-formats.md §5, "Bad input"). The CLI's messages, the
/// `reason` column of a rejects file and the tests all read these same fields: the text is
/// only ever made from them, by ``description`` and ``reasonWithColumn``.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The row (or file) cannot be used.
        case error
        /// The row is used, but something about it deserves a look.
        case warning
    }

    /// The input file, as the user named it.
    public var file: String
    /// The layer of a GIS source (a GeoPackage table, a spreadsheet's sheet); nil for CSV and
    /// GeoJSON files. When set, ``line`` holds the feature id (the record's place in the
    /// layer) instead of a line.
    public var layer: String?
    /// 1-based line of the record in the file (the feature id in a GIS ``layer``); nil for a
    /// problem with the whole file.
    public var line: Int?
    /// Where in the record or document: the column's name as the file writes it, `header`,
    /// `row`, a settings key (`radio.max_range_m`) or a place in a GeoJSON document
    /// (`features[3].properties.code`); nil when not about one of them.
    public var column: String?
    /// 1-based character position in the line, for a syntax error (a TOML file's); shown as
    /// `column N`.
    public var character: Int?
    /// The offending value as found in the file.
    public var value: String?
    /// What is wrong, with its facts (allowed range, earlier line, …) as typed values.
    public var reason: Reason

    public init(
        file: String, layer: String? = nil, line: Int? = nil, column: String? = nil, character: Int? = nil,
        value: String? = nil, reason: Reason
    ) {
        self.file = file
        self.layer = layer
        self.line = line
        self.column = column
        self.character = character
        self.value = value
        self.reason = reason
    }

    /// Whether the row or file can be used despite the problem; follows from the reason.
    public var severity: Severity { reason.isWarning ? .warning : .error }

    /// True when the file as a whole could not be opened or read (missing, a folder, no
    /// permission): exit code 66 rather than 65.
    public var isUnavailableInput: Bool { reason.isUnavailableInput }

    /// `file:line: column: value: reason`, or `file:layer:feature N: column: value: reason`
    /// for a GIS layer (parts that are absent are left out; an empty value is shown as
    /// `(empty)`).
    public var description: String {
        var parts = [file]
        if let layer { parts[0] += ":\(layer)" + (line.map { ":feature \($0)" } ?? "") }
        else if let line { parts[0] += ":\(line)" }
        parts += detailParts
        return parts.joined(separator: ": ")
    }

    /// The part of the message after the location, as written into a rejects file.
    public var reasonWithColumn: String { detailParts.joined(separator: ": ") }

    private var detailParts: [String] {
        var parts: [String] = []
        if let column { parts.append(column) }
        if let character { parts.append("column \(character)") }
        if let value { parts.append(value.isEmpty ? "(empty)" : value) }
        parts.append(severity == .warning ? "warning: \(reason)" : reason.description)
        return parts
    }
}

/// Loading failed: the problems that stop the run (at least one).
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]
    /// Set when loading stopped because an output (the rejects file) could not be written.
    public var output: OutputError?

    public init(problems: [Problem], output: OutputError? = nil) {
        self.problems = problems
        self.output = output
    }

    /// One problem.
    public init(_ problem: Problem) { self.init(problems: [problem]) }

    /// True when some input could not be opened or read at all (exit 66).
    public var isUnavailableInput: Bool { problems.contains(where: \.isUnavailableInput) }

    /// True when some problem is about one row of a table (a value, or the row's field
    /// count): rows that `--rejects` could set aside.
    public var hasRowProblems: Bool { problems.contains { $0.reason.isAboutOneRow } }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
