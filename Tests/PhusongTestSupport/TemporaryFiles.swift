import Foundation

/// A scratch folder for input files, removed when the test is done with it.
package struct TemporaryFiles {
    package let folder: URL

    package init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("phusong-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` into `name` and returns its path.
    package func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    package func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    package func remove() { try? FileManager.default.removeItem(at: folder) }
}
