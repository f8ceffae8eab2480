import ArgumentParser

/// Exit codes, after BSD sysexits.h so that scripts can tell failures apart.
enum ExitCodes {
    /// Bad input data (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file is missing or unreadable (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// An output could not be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)
}
