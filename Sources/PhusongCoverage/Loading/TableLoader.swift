/// Streams one table: reads and checks the header, then passes each row to a parser, and
/// sorts the rows into accepted and rejected. Shared by the villages and cells loaders.
enum TableLoader {
    /// - Parameters:
    ///   - noun: what the rows are ("villages"), for the header-only message.
    ///   - parse: reads one row whose field count is right; returns nil or records problems
    ///     on the row reader when it is bad; may add warnings.
    static func load<Row: Sendable>(
        path: String, columns: [ColumnSpec], example: String, noun: String,
        parse: (inout RowReader, inout [Problem]) -> Row?
    ) throws(LoadError) -> LoadedTable<Row> {
        let reader = try CSVReader(path: path)
        let header = try TableHeader.read(from: reader, columns: columns, example: example)
        var table = LoadedTable<Row>(file: path, header: header.names, rows: [], lines: [], rejected: [], warnings: [])
        var sawRow = false
        while let record = try reader.next() {
            sawRow = true
            var row = RowReader(record: record, header: header, file: path)
            var parsed: Row?
            if record.count != header.names.count {
                row.add(Problem(file: path, line: record.line, column: "row", value: "\(record.count) fields",
                                reason: .table(.fieldCount(headerFields: header.names.count))))
            } else {
                parsed = parse(&row, &table.warnings)
            }
            if let parsed, row.problems.isEmpty {
                table.rows.append(parsed)
                table.lines.append(record.line)
            } else {
                table.rejected.append(RejectedRow(line: record.line, fields: record.allFieldsLossy(limit: header.names.count), problems: row.problems))
            }
        }
        guard sawRow else {
            throw LoadError(Problem(file: path, line: 1, column: "header", reason: .table(.headerOnly(rows: noun))))
        }
        return table
    }
}
