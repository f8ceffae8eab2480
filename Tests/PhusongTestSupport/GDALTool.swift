import Foundation

/// One of GDAL's command-line tools (Debian gdal-bin: `ogrinfo`, `ogr2ogr`, `gdalinfo`), with
/// which tests check what phusong wrote through GDAL's own reader, not through phusong's.
package struct GDALTool: Sendable {
    /// The executable.
    package let path: String

    /// The tool `name` on PATH, or nil when gdal-bin is not installed (the test then says it
    /// skipped).
    package init?(_ name: String) {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        path = found
    }

    /// What a run printed and how it ended.
    package struct Result: Sendable {
        package var status: Int32
        package var output: String
        package var errors: String
    }

    /// Runs the tool with `arguments` and waits for it.
    package func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard output to its end first (the tools print their messages on standard error
        // in a few lines, well within a pipe's buffer), then standard error.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs the tool (e.g. `gdalinfo -json`) and parses its output as a JSON object; empty
    /// when it is not one.
    package func json(_ arguments: [String]) throws -> (result: Result, object: [String: Any]) {
        let result = try run(arguments)
        let object = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any]
        return (result, object ?? [:])
    }
}
