import Foundation
import PhusongCoverage

/// Writing to the terminal: results to standard output, notes and problems to standard error.
enum Terminal {
    /// How many problems are listed before the rest are only counted.
    static let problemListLimit = 20

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Lists up to 20 problems on standard error, then how many more there are.
    static func list(_ problems: [Problem], hint: String? = nil) {
        for problem in problems.prefix(problemListLimit) { error(problem.description) }
        if problems.count > problemListLimit {
            error("... and \(problems.count - problemListLimit) more (\(problems.count) in all)")
        }
        if let hint { error(hint) }
    }
}
