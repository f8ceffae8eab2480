import Foundation
import TOMLKit

/// Reads a configuration file. Syntax errors name the line and column; a value of the wrong
/// type names its key and the type expected; an unknown key (a typo would otherwise be
/// silently ignored) is an error; every number must lie in its physical range
/// (``SettingRanges``). A whole number is accepted where a decimal is expected
/// (`max_range_m = 35000`), and a whole decimal where a whole number is (`bearings = 72.0`).
public enum ConfigurationLoader {
    /// - Throws: `LoadError`: the file cannot be read (``LoadError/isUnavailableInput``), is
    ///   longer than ``InputLimits/maxConfigurationBytes``, or holds a bad setting.
    public static func load(path: String) throws(LoadError) -> PhusongConfiguration {
        let data = try InputFile(path: path).readAll(limit: InputLimits.maxConfigurationBytes, kind: "a configuration file")
        guard let text = String(data: Data(data), encoding: .utf8) else {
            throw LoadError(Problem(file: path, reason: .file(.notUTF8Text)))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(LoadError) -> PhusongConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadError(Problem(
                file: file, line: error.source.begin.line, character: error.source.begin.column,
                reason: .setting(.syntax(message: error.description))))
        } catch {
            throw LoadError(Problem(file: file, reason: .setting(.notTOML(detail: "\(error)"))))
        }
        var problems: [Problem] = []
        if let defaults = try? TOMLTable(string: DefaultConfigurationText.toml) {
            ConfigurationTypes.normalize(table, like: defaults, path: "", file: file, problems: &problems)
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        do {
            let configuration = try TOMLDecoder().decode(PhusongConfiguration.self, from: table)
            let problems = SettingRanges.problems(configuration, file: file)
            if !problems.isEmpty { throw LoadError(problems: problems) }
            return configuration
        } catch let error as LoadError {
            throw error
        } catch let error as DecodingError {
            throw LoadError(problem(error, file: file))
        } catch {
            throw LoadError(Problem(file: file, reason: .setting(.undecodable(detail: "\(error)"))))
        }
    }

    /// A decoding failure as a problem naming the key path.
    private static func problem(_ error: DecodingError, file: String) -> Problem {
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return Problem(file: file, column: keyPath(context.codingPath), reason: .setting(.expectedDecodable(type: "\(type)")))
        case .keyNotFound(let key, let context):
            return Problem(file: file, column: keyPath(context.codingPath + [key]), reason: .setting(.missing))
        case .dataCorrupted(let context):
            return Problem(file: file, column: keyPath(context.codingPath), reason: .setting(.undecodable(detail: context.debugDescription)))
        @unknown default:
            return Problem(file: file, reason: .setting(.undecodable(detail: "\(error)")))
        }
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        var names = path.map(\.stringValue)
        // TOMLKit's type-mismatch context repeats the failing key at the end of the path.
        if names.count >= 2, names[names.count - 1] == names[names.count - 2] { names.removeLast() }
        return names.joined(separator: ".")
    }
}
