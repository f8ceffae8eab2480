import PhusongSupport

/// One thing wrong with an input: where (file, line, column), the offending value, and why.
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The row (or file) cannot be used.
        case error
        /// The row is used, but something about it deserves a look.
        case warning
    }

    /// The input file, as the user named it.
    public var file: String
    /// 1-based line of the record in the file; nil for a problem with the whole file.
    public var line: Int?
    /// The column's name (as in the header), `header` or `row`; nil when not about one column.
    public var column: String?
    /// The offending value as found in the file.
    public var value: String?
    /// What is wrong, in words a planner understands.
    public var reason: String
    public var severity: Severity
    /// True when the file as a whole could not be opened or read (missing, a folder, no
    /// permission): exit code 66 rather than 65. Set by ``Problem/unavailable(file:reason:)``.
    public var isUnavailableInput = false

    public init(
        file: String, line: Int? = nil, column: String? = nil, value: String? = nil,
        reason: String, severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
        self.severity = severity
    }

    /// `file:line: column: value: reason` (parts that are absent are left out; an empty value
    /// is shown as `(empty)`).
    public var description: String {
        var parts = [file]
        if let line { parts[0] += ":\(line)" }
        if let column { parts.append(column) }
        if let value { parts.append(value.isEmpty ? "(empty)" : value) }
        parts.append(severity == .warning ? "warning: \(reason)" : reason)
        return parts.joined(separator: ": ")
    }

    /// The part of the message after the location, as written into a rejects file.
    public var reasonWithColumn: String {
        var parts: [String] = []
        if let column { parts.append(column) }
        if let value { parts.append(value.isEmpty ? "(empty)" : value) }
        parts.append(reason)
        return parts.joined(separator: ": ")
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

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
