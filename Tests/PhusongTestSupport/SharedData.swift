import Foundation
import Testing

/// The read-only public data beside the checkout (`../shared/geodata`), or where
/// `PHUSONG_SHARED` points. Tests that need it are disabled — and reported as skipped with
/// ``skipReason`` — when it is absent.
package enum SharedData {
    /// The repository's root folder.
    package static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    package static var geodata: String {
        if let path = ProcessInfo.processInfo.environment["PHUSONG_SHARED"] { return path + "/geodata" }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/geodata").path
    }

    package static func path(_ relative: String) -> String { geodata + "/" + relative }

    package static func has(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    package static let skipReason: Comment = "skipped: ../shared/geodata is not beside the checkout (set PHUSONG_SHARED to its parent)"

    /// The data contracts beside the geodata (`../shared/specs`), read-only: the ITM test
    /// vectors are read from there at test time, never copied into the repository.
    package static var specs: String { URL(fileURLWithPath: geodata).deletingLastPathComponent().appendingPathComponent("specs").path }

    package static func specPath(_ relative: String) -> String { specs + "/" + relative }

    package static func hasSpec(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: specPath(relative)) }

    package static let specsSkipReason: Comment = "skipped: ../shared/specs is not beside the checkout (set PHUSONG_SHARED to its parent)"

    /// The embedded default data set (`geodata/default` of the repository).
    package static func embedded(_ file: String) -> String {
        repository.appendingPathComponent("geodata/default/" + file).path
    }

    /// The maximal covering instances and their proven optima.
    package static var mclpInstances: String { path("mclp-instances") }
    package static var mclpOptimaFile: String { path("mclp-instances/OPTIMA.csv") }
}
