/// A column a loader looks for: its contract name, the other names it accepts, whether it
/// must be present.
struct ColumnSpec {
    let name: String
    let aliases: [String]
    let required: Bool

    init(_ name: String, aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    var acceptedNames: [String] { [name] + aliases }
}

/// A column a loader reads: its contract name and its place in the loader's list of columns
/// (`ColumnSpec`), so that finding it in a row is an array access, not a comparison of names
/// (which, for every field of hundreds of thousands of rows, was a tenth of loading's time).
struct TableColumn: Sendable {
    let name: String
    /// Index in the loader's list of columns; past its end when the name is not in it.
    let position: Int

    init(_ name: String, in columns: [ColumnSpec]) {
        self.name = name
        position = columns.firstIndex { $0.name == name } ?? columns.count
    }
}

/// The header line of a table, mapped onto the columns a loader knows.
struct TableHeader {
    /// The header's fields as written in the file.
    let names: [String]
    /// The field index of each of the loader's columns (`TableColumn.position`), when present.
    private let indexes: [Int?]

    init(names: [String], indexes: [Int?]) {
        self.names = names
        self.indexes = indexes
    }

    func index(_ column: TableColumn) -> Int? {
        column.position < indexes.count ? indexes[column.position] : nil
    }

    /// The name the file uses for a contract column (e.g. `latitude` for `lat`).
    func displayName(_ column: TableColumn) -> String {
        index(column).map { names[$0] } ?? column.name
    }

    /// Reads and checks the header: an empty file, a wrong delimiter, invalid UTF-8, a
    /// column named twice and a missing required column are all errors naming line 1.
    static func read(from reader: CSVReader, columns: [ColumnSpec], example: String) throws(LoadError) -> TableHeader {
        guard let record = try reader.next() else {
            throw LoadError(Problem(file: reader.path, reason: .table(.empty(expectedHeader: example))))
        }
        return try read(record, file: reader.path, columns: columns)
    }

    /// Checks the header `record` of `file` as ``read(from:columns:example:)`` does.
    static func read(_ record: CSVRecord, file: String, columns: [ColumnSpec]) throws(LoadError) -> TableHeader {
        var names: [String] = []
        for index in 0..<record.count {
            guard let name = record.text(index) else {
                throw LoadError(Problem(
                    file: file, line: record.line, column: "header", value: record.display(index),
                    reason: .table(.headerName(record.utf8Fault(index)))
                ))
            }
            names.append(name)
        }
        if names.count == 1, let delimiter = foreignDelimiter(in: names[0]) {
            let shown = names[0].count > 40 ? String(names[0].prefix(40)) + "..." : names[0]
            throw LoadError(Problem(
                file: file, line: record.line, column: "header", value: shown, reason: .table(.foreignDelimiter(delimiter))
            ))
        }
        var indexByColumn: [String: Int] = [:]
        var problems: [Problem] = []
        for (index, rawName) in names.enumerated() {
            let key = rawName.lowercased()
            guard let column = columns.first(where: { $0.acceptedNames.contains(key) }) else { continue }
            if let earlier = indexByColumn[column.name] {
                problems.append(Problem(
                    file: file, line: record.line, column: "header", value: rawName,
                    reason: .table(.columnTwice(column: column.name, alsoAs: names[earlier]))
                ))
            } else {
                indexByColumn[column.name] = index
            }
        }
        for column in columns where column.required && indexByColumn[column.name] == nil {
            problems.append(Problem(
                file: file, line: record.line, column: "header",
                reason: .table(.missingColumn(column.name, accepted: column.aliases.isEmpty ? [] : column.acceptedNames, example: nil))
            ))
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        return TableHeader(names: names, indexes: columns.map { indexByColumn[$0.name] })
    }

    /// Names the delimiter when a one-field header was evidently split by something else.
    private static func foreignDelimiter(in header: String) -> Problem.TableFault.Delimiter? {
        if header.contains(";") { return .semicolon }
        if header.contains("\t") { return .tab }
        if header.contains("|") { return .verticalBar }
        return nil
    }
}
