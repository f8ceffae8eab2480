import Foundation
import PhusongCoverage
import PhusongSupport

/// Writing to the terminal: results to standard output, notes and problems to standard error.
/// Everything goes through `TerminalText.visible`, so control characters that come from the
/// data (ESC sequences, carriage returns, bidi overrides) are printed as visible escapes.
enum Terminal {
    /// How many problems are listed before the rest are only counted.
    static let problemListLimit = 20

    /// Results, on standard output (after clearing the progress line a terminal may show).
    static func output(_ text: String) {
        StandardError.shared.clearLine()
        print(TerminalText.visible(text, keepingLineBreaks: true))
    }

    /// An error, on standard error (also with `--quiet`; a JSON line with `--log-json`).
    static func error(_ text: String) {
        StandardError.shared.error(text)
    }

    /// A note, on standard error (none with `--quiet`; a JSON line with `--log-json`).
    static func note(_ text: String) {
        StandardError.shared.note(text)
    }

    /// Lists up to 20 problems on standard error (one line each), then how many more there are.
    static func list(_ problems: [Problem], hint: String? = nil) {
        for problem in problems.prefix(problemListLimit) { error(TerminalText.visible(problem.description)) }
        if problems.count > problemListLimit {
            error("... and \(problems.count - problemListLimit) more (\(problems.count) in all)")
        }
        if let hint { error(hint) }
    }
}
