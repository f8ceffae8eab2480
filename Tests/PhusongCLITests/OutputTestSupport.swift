import Foundation
import Testing

/// A scratch folder for the output-safety tests (classes 1 and 2), removed by `remove()`.
struct OutputScratch {
    let folder: URL

    init() throws { folder = try CLI.temporaryFolder() }

    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Copies a file of the embedded default data (geodata/default) to `relative`; returns the path.
    @discardableResult
    func copyDefault(_ name: String, to relative: String) throws -> String {
        try copy(CLI.repository.appendingPathComponent("geodata/default/" + name).path, to: relative)
    }

    /// Copies the embedded default villages.csv and cells.csv into `relative` (the scratch
    /// folder itself when empty); returns their paths.
    func defaultInputs(in relative: String = "") throws -> (villages: String, cells: String) {
        let prefix = relative.isEmpty ? "" : relative + "/"
        return (try copyDefault("villages.csv", to: prefix + "villages.csv"), try copyDefault("cells.csv", to: prefix + "cells.csv"))
    }

    /// Copies `source` to `relative` (parent folders created); returns the path.
    @discardableResult
    func copy(_ source: String, to relative: String) throws -> String {
        let destination = path(relative)
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: destination)
        return destination
    }

    /// Writes `text` to `relative` (parent folders created); returns the path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let destination = path(relative)
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: destination, atomically: false, encoding: .utf8)
        return destination
    }

    /// The names in `relative` (the scratch folder itself when empty), hidden ones included, sorted.
    func listing(_ relative: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? folder.path : path(relative)).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// A file's bytes and modification time, to show that a run left it untouched.
struct FileFingerprint: Equatable {
    var bytes: Data
    var modified: Date?

    init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }
}

/// Every file of a folder with its bytes, to compare whole output sets.
func folderContents(_ path: String) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: path) {
        contents[name] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + name))
    }
    return contents
}

/// Runs phusong and checks that it refused to run (exit 64), said `message`, and left
/// `input` untouched (bytes and modification time).
func expectRefused(_ arguments: [String], saying message: String, untouched input: String, in directory: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let before = try FileFingerprint(input)
    let result = try CLI.run(arguments, in: directory)
    #expect(result.exitCode == 64, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(try FileFingerprint(input) == before, "\(input) changed", sourceLocation: sourceLocation)
}
