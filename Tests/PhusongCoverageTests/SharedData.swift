import Foundation
import Testing

/// The read-only public data beside the checkout (`../shared/geodata`), or where
/// `PHUSONG_SHARED` points. Tests that need it are disabled — and reported as skipped with
/// this reason — when it is absent.
enum SharedData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var geodata: String {
        if let path = ProcessInfo.processInfo.environment["PHUSONG_SHARED"] { return path + "/geodata" }
        return repository.deletingLastPathComponent().appendingPathComponent("shared/geodata").path
    }

    static func path(_ relative: String) -> String { geodata + "/" + relative }

    static func has(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    static let skipReason: Comment = "skipped: ../shared/geodata is not beside the checkout (set PHUSONG_SHARED to its parent)"

    /// A fixture of this test target.
    static func fixture(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + relative).path
    }
}

