/// A whole CSV file as text: the header and every row with the line it starts on. For small
/// tables read by other modules (e.g. the maximal covering inputs); the big loaders stream
/// through `CSVReader` instead.
///
/// Fields are trimmed of surrounding spaces and normalised to Unicode NFC. Same dialect as
/// `CSVReader`: optional UTF-8 BOM, LF/CRLF/CR line ends, quoted fields, blank lines skipped.
public struct CSVTable: Sendable {
    public struct Row: Sendable, Hashable {
        /// 1-based line on which the row starts.
        public let line: Int
        public let fields: [String]
    }

    /// The path as the user gave it, for messages.
    public let file: String
    /// The first row's fields as written.
    public let header: [String]
    /// The line of the header (1 unless blank lines precede it).
    public let headerLine: Int
    /// The rows after the header.
    public let rows: [Row]

    /// Reads `path`.
    /// - Throws: `LoadError`: the file is missing or unreadable ("file not found" for a missing
    ///   one), empty, has an unclosed quote, or a field that is not valid UTF-8 (every such
    ///   field is listed as `file:line: column: value: reason`).
    public static func read(_ path: String) throws(LoadError) -> CSVTable {
        let reader = try CSVReader(path: path)
        guard let first = try reader.next() else {
            throw LoadError(Problem(file: path, reason: .table(.empty(expectedHeader: nil))))
        }
        var problems: [Problem] = []
        let header = texts(first, columnNames: nil, file: path, problems: &problems)
        var rows: [Row] = []
        while let record = try reader.next() {
            rows.append(Row(line: record.line, fields: texts(record, columnNames: header, file: path, problems: &problems)))
        }
        if !problems.isEmpty { throw LoadError(problems: problems) }
        return CSVTable(file: path, header: header, headerLine: first.line, rows: rows)
    }

    /// The index of the column named `name` (compared without case), if any.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// A decimal number in plain or scientific notation (`12`, `-3.5`, `1e5`), or nil. Rejects
    /// what `Double(String)` would also take but a data file must not hold: `nan`, `inf`, hex.
    public static func number(_ text: String) -> Double? {
        DecimalParser.parse(Array(text.utf8)[...])
    }

    private static func texts(_ record: CSVRecord, columnNames: [String]?, file: String, problems: inout [Problem]) -> [String] {
        (0..<record.count).map { index in
            if let text = record.text(index) { return text }
            let column = columnNames.map { index < $0.count ? $0[index] : "column \(index + 1)" } ?? "header"
            let fault = record.utf8Fault(index)
            problems.append(Problem(
                file: file, line: record.line, column: column, value: record.display(index),
                reason: columnNames == nil ? .table(.headerName(fault)) : .value(fault)))
            return record.display(index)
        }
    }
}
