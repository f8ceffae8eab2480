import ArgumentParser
import PhusongCoverage
import PhusongPlanning
import PhusongReports
import PhusongSupport

/// Exit codes, after BSD sysexits.h so that scripts can tell failures apart. docs/safety.md
/// holds the same table, and a test checks that the two and `phusong --help` agree.
enum ExitCodes {
    /// A usage error: a bad option, an output that would overwrite an input (EX_USAGE).
    static let usage = ExitCode(64)
    /// Bad input data (EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file is missing or unreadable (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// A bug in phusong: an error no other code describes (EX_SOFTWARE).
    static let internalError = ExitCode(70)
    /// An output could not be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)

    /// The one place where an error that reached the top of a command becomes an exit code.
    /// Errors of the argument parser (usage, `--help`, `--version`) and exit codes that a
    /// command chose pass through; `CommandError`s, an unknown `--province`/`--commune`
    /// and `plan --exact` on a scenario too large for it (64) are printed and mapped here too; load problems are listed and give 66 when a file cannot be
    /// read at all, else 65; a computation refused because of the data or the settings (too
    /// many operators, a setting out of range given through the library, a terrain problem:
    /// points outside every tile, a tile of the wrong size) gives 65 (a terrain path that does
    /// not exist, 66); partials that cannot be merged (`PartialError`: different runs,
    /// overlapping or missing tiles, a changed input) give 65, a partial that cannot be read 66; an output
    /// refused before anything is written (it would overwrite an input, a foreign folder)
    /// gives 64 and one that cannot be written 73; anything else is a bug and gives 70, with the error printed, never a
    /// bare exit 1.
    static func mapped(_ error: any Error) -> any Error {
        switch error {
        case is ExitCode, is CleanExit, is ValidationError:
            return error
        case let error as LoadError:
            Terminal.list(error.problems)
            return error.isUnavailableInput ? noInput : dataError
        case CommandError.loadStopped(let error, let suggestRejects):
            Terminal.list(error.problems, hint: suggestRejects
                ? "Stopped: fix these rows, or give --rejects FILE to set bad rows aside and go on." : nil)
            return error.isUnavailableInput ? noInput : dataError
        case CommandError.defaultDataMissing:
            Terminal.error("phusong: the embedded default data (geodata/default) was not found; give --villages and --cells")
            return noInput
        case CommandError.fewerFacilitiesThanFixed(let facilities, let fixed, let file):
            Terminal.error("phusong mclp: --p \(facilities) is less than the \(fixed) fixed facilities in \(file)")
            return usage
        case let error as ExactPlanningError:
            Terminal.error("phusong plan: \(error)")
            return usage
        case let error as UnknownArea:
            Terminal.error("phusong: \(error)")
            return usage
        case let error as TerrainError:
            // A terrain path that is not there is a missing input (66); anything else about
            // the tiles (a wrong size, points outside every tile) is bad data (65).
            Terminal.error("phusong: \(error)")
            if case .unreadable = error { return noInput }
            return dataError
        case let error as CoverageOverlayError:
            Terminal.error("phusong report: \(error)")
            if case .unreadable = error { return noInput }
            return dataError
        case is CoverageError, is SettingOutOfRange, is ITMError:
            Terminal.error("phusong: \(error)")
            return dataError
        case let error as PartialError:
            // A partial or an input it names that cannot be read is a missing input (66);
            // partials of different runs, overlapping, missing tiles, a changed input: 65.
            Terminal.error("phusong: \(error)")
            return error.kind == .unreadable ? noInput : dataError
        case let error as OutputError:
            Terminal.error("phusong: \(error)")
            return error.kind == .refused ? usage : cannotCreate
        default:
            if Phusong.isArgumentParserOutcome(error) { return error }
            Terminal.error("phusong: internal error (please report it): \(error)")
            return internalError
        }
    }
}
