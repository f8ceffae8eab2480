import TOMLKit
import PhusongSupport

/// Checks each value of a configuration file against the type of the same key in the default
/// configuration, before decoding (whose own messages would call a number given as text
/// "missing"): an unknown key, a table where a value belongs (or the reverse), text or a
/// yes/no where a number belongs are problems naming the key and what was expected. Numbers
/// are made the type the setting has: a whole number where a decimal is expected
/// (`max_range_m = 35000`) becomes that decimal, a whole decimal where a whole number is
/// expected (`bearings = 72.0`) becomes that whole number (checked, never truncated).
enum ConfigurationTypes {
    static func normalize(_ table: TOMLTable, like defaults: TOMLTable, path: String, file: String, problems: inout [Problem]) {
        // Values are replaced after the walk, not while the table is iterated.
        var replacements: [(key: String, value: any TOMLValueConvertible)] = []
        defer { for replacement in replacements { table[replacement.key] = replacement.value } }
        for (key, value) in table {
            let keyPath = path.isEmpty ? key : path + "." + key
            func fail(_ fault: Problem.SettingFault) {
                problems.append(Problem(file: file, column: keyPath, value: describe(value), reason: .setting(fault)))
            }
            guard let expected = defaults[key] else {
                problems.append(Problem(file: file, column: keyPath, reason: .setting(.unknown)))
                continue
            }
            switch (expected.type, value.type) {
            case (.table, .table):
                if let subtable = value.table, let known = expected.table {
                    normalize(subtable, like: known, path: keyPath, file: file, problems: &problems)
                }
            case (.table, _):
                fail(.expectedTable(key: keyPath))
            case (.double, .double), (.int, .int), (.string, .string), (.bool, .bool):
                break
            case (.double, .int):
                if let whole = value.int { replacements.append((key, Double(whole))) }
            case (.double, _):
                fail(.expected(.number))
            case (.int, .double):
                if let number = value.double, let whole = Int(exactly: number) {
                    replacements.append((key, whole))
                } else {
                    fail(.expected(.wholeNumber))
                }
            case (.int, _):
                fail(.expected(.wholeNumber))
            case (.string, _):
                fail(.expected(.text))
            case (.bool, _):
                fail(.expected(.yesNo))
            default:
                fail(.expectedLike(defaultValue: describe(expected)))
            }
        }
    }

    /// A value as written in TOML, for messages.
    private static func describe(_ value: any TOMLValueConvertible) -> String {
        switch value.type {
        case .table: "a table"
        case .array: "an array"
        case .string: "\"" + (value.string ?? "") + "\""
        case .int: value.int.map { String($0) } ?? ""
        case .double: value.double.map { NumberText.shortest($0) } ?? ""
        case .bool: value.bool.map { String($0) } ?? ""
        default: value.tomlValue.debugDescription
        }
    }
}
