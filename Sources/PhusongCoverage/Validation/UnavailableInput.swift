/// Inputs that cannot be read at all (sysexits EX_NOINPUT, exit 66), told apart from inputs
/// that are read but hold bad data (EX_DATAERR, exit 65) by a flag rather than by the wording
/// of the message.
extension Problem {
    /// A problem with a whole input file that could not be opened or read.
    public static func unavailable(file: String, reason: String) -> Problem {
        var problem = Problem(file: file, reason: reason)
        problem.isUnavailableInput = true
        return problem
    }
}

extension LoadError {
    /// True when some input could not be opened or read at all (exit 66).
    public var isUnavailableInput: Bool { problems.contains { $0.isUnavailableInput } }
}
