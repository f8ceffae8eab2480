import Foundation
import TOMLKit

/// Reads a configuration file. Syntax errors name the line and column; a value of the wrong
/// type names its key; an unknown key (a typo would otherwise be silently ignored) is an error.
public enum ConfigurationLoader {
    public static func load(path: String) throws(LoadError) -> PhusongConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(problems: [Problem(file: path, reason: "file not found")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LoadError(problems: [Problem(file: path, reason: "not valid UTF-8 text")])
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(LoadError) -> PhusongConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(problems: [Problem(
                file: file, line: error.source.begin.line, column: "column \(error.source.begin.column)",
                value: nil, reason: error.description)])
        } catch {
            throw LoadError(problems: [Problem(file: file, reason: "not valid TOML: \(error)")])
        }
        var unknown: [String] = []
        collectUnknownKeys(table, known: knownKeys, path: "", into: &unknown)
        if !unknown.isEmpty {
            throw LoadError(problems: unknown.map {
                Problem(file: file, column: $0, value: nil, reason: "unknown setting (see `phusong config --print-default`)")
            })
        }
        do {
            let configuration = try TOMLDecoder().decode(PhusongConfiguration.self, from: table)
            try check(configuration, file: file)
            return configuration
        } catch let error as LoadError {
            throw error
        } catch let error as DecodingError {
            throw LoadError(problems: [problem(error, file: file)])
        } catch {
            throw LoadError(problems: [Problem(file: file, reason: "\(error)")])
        }
    }

    /// A decoding failure as a problem naming the key path.
    private static func problem(_ error: DecodingError, file: String) -> Problem {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return Problem(file: file, column: keyPath(context.codingPath), value: nil, reason: "expected a value of type \(type)")
        case .keyNotFound(let key, let context):
            return Problem(file: file, column: keyPath(context.codingPath + [key]), value: nil, reason: "missing")
        case .dataCorrupted(let context):
            return Problem(file: file, column: keyPath(context.codingPath), value: nil, reason: context.debugDescription)
        @unknown default:
            return Problem(file: file, reason: "\(error)")
        }
    }

    /// Values that decode but make no sense.
    private static func check(_ configuration: PhusongConfiguration, file: String) throws(LoadError) {
        var problems: [Problem] = []
        func require(_ condition: Bool, _ key: String, _ value: Double, _ reason: String) {
            if !condition { problems.append(Problem(file: file, column: key, value: csvNumber(value), reason: reason)) }
        }
        let radio = configuration.radio
        require(radio.maxRangeM > 0, "radio.max_range_m", radio.maxRangeM, "must be greater than 0 m")
        require(radio.minDistanceM > 0, "radio.min_distance_m", radio.minDistanceM, "must be greater than 0 m")
        require(radio.userHeightM > 0, "radio.user_height_m", radio.userHeightM, "must be greater than 0 m")
        require(radio.propagation.lowerBandEdgeMHz <= radio.propagation.upperBandEdgeMHz, "radio.propagation.lower_band_edge_mhz",
                radio.propagation.lowerBandEdgeMHz, "must not exceed upper_band_edge_mhz")
        let area = configuration.area
        require(area.bearings >= 72, "area.bearings", Double(area.bearings), "must be at least 72")
        require(area.toleranceM > 0, "area.tolerance_m", area.toleranceM, "must be greater than 0 m")
        let targets = configuration.targets
        for (key, value) in [("targets.villages_connected_share", targets.villagesConnectedShare),
                             ("targets.population_coverage_5g", targets.populationCoverage5G)] {
            require((0...1).contains(value), key, value, "must be a share between 0 and 1")
        }
        require(targets.ratio5G4GStations >= 0, "targets.ratio_5g_4g_stations", targets.ratio5G4GStations, "must not be negative")
        if !problems.isEmpty { throw LoadError(problems: problems) }
    }

    /// The keys of the default configuration, as a tree: a file may use any subset of them.
    private static var knownKeys: TOMLTable? {
        try? TOMLTable(string: DefaultConfigurationText.toml)
    }

    private static func collectUnknownKeys(_ table: TOMLTable, known: TOMLTable?, path: String, into unknown: inout [String]) {
        for (key, value) in table {
            let keyPath = path.isEmpty ? key : path + "." + key
            guard let known, let knownValue = known[key] else {
                unknown.append(keyPath)
                continue
            }
            if let subtable = value.table {
                collectUnknownKeys(subtable, known: knownValue.table, path: keyPath, into: &unknown)
            }
        }
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        var names = path.map(\.stringValue)
        // TOMLKit's type-mismatch context repeats the failing key at the end of the path.
        if names.count >= 2, names[names.count - 1] == names[names.count - 2] { names.removeLast() }
        return names.joined(separator: ".")
    }
}
