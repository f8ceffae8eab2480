import Foundation
import Testing

/// GDAL's command-line tools (Debian `gdal-bin`), which tests use to convert inputs to the GIS
/// formats phusong reads. Tests that need them are disabled — reported as skipped with
/// ``skipReason`` — when `ogr2ogr` is not on the PATH.
package enum GDALTools {
    /// The path of `ogr2ogr`, nil when it is not installed.
    package static let ogr2ogr: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/ogr2ogr" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    package static var available: Bool { ogr2ogr != nil }

    package static let skipReason: Comment = "skipped: ogr2ogr (Debian gdal-bin) is not installed"

    /// A failed conversion, with what ogr2ogr printed.
    package struct Failure: Error, CustomStringConvertible {
        package let arguments: [String]
        package let output: String
        package var description: String { "ogr2ogr \(arguments.joined(separator: " ")) failed: \(output)" }
    }

    /// Runs `ogr2ogr` with `arguments` (destination first, then source, then options).
    /// - Throws: ``Failure`` when it exits with a non-zero status or is not installed.
    package static func convert(_ arguments: [String]) throws {
        guard let ogr2ogr else { throw Failure(arguments: arguments, output: "not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ogr2ogr)
        process.arguments = ["-q"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, output: String(decoding: output, as: UTF8.self))
        }
    }

    /// Converts a CSV of points (`lon`, `lat` columns, WGS 84) to `destination` with the
    /// driver `format`, as a point layer in `crs` (an EPSG code: reprojected), without the
    /// `lon`/`lat` columns: the geometry holds the positions.
    package static func convertPoints(
        csv: String, to destination: String, format: String, layer: String, crs: Int = 4326, options: [String] = []
    ) throws {
        try convert([
            "-f", format, destination, csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
            "-oo", "KEEP_GEOM_COLUMNS=NO", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:\(crs)", "-nln", layer,
        ] + options)
    }
}
