import PhusongCoverage

/// Typed access to the fields of a `CSVTable`, collecting a `Problem` for each missing
/// column or bad value instead of stopping at the first.
struct TableFields {
    let table: CSVTable
    private(set) var problems: [Problem] = []
    private var columns: [String: Int] = [:]

    /// Looks up `required` columns (by name, else by one of `aliases[name]`), recording a
    /// header problem for each one missing.
    init(_ table: CSVTable, required: [String], aliases: [String: [String]] = [:], example: String) {
        self.table = table
        for name in required {
            if let index = ([name] + (aliases[name] ?? [])).lazy.compactMap({ table.column($0) }).first {
                columns[name] = index
            } else {
                problems.append(Problem(
                    file: table.file, line: table.headerLine, column: "header",
                    reason: .table(.missingColumn(name, accepted: [], example: example))))
            }
        }
    }

    /// The value of `column` in `row`, or nil (with a problem) when it is blank or absent.
    mutating func text(_ row: CSVTable.Row, _ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        guard index < row.fields.count, !row.fields[index].isEmpty else {
            fail(row, column, value: "", .missing)
            return nil
        }
        return row.fields[index]
    }

    /// The number in `column`, or nil (with a problem) when it is missing, not a number
    /// (`coordinate` then says what it should be), or `check` gives a reason it is out of range.
    mutating func number(
        _ row: CSVTable.Row, _ column: String, coordinate: Problem.ValueFault.Coordinate? = nil,
        check: (Double) -> Problem.ValueFault? = { _ in nil }
    ) -> Double? {
        guard let text = text(row, column) else { return nil }
        guard let value = CSVTable.number(text) else {
            fail(row, column, value: text, .notANumber(coordinate: coordinate))
            return nil
        }
        if let fault = check(value) {
            fail(row, column, value: text, fault)
            return nil
        }
        return value
    }

    /// The value of `column` in `row` like `text`, recording a problem when an earlier row
    /// (in `firstLine`, by value) has the same one.
    mutating func uniqueText(_ row: CSVTable.Row, _ column: String, firstLine: inout [String: Int]) -> String? {
        guard let value = text(row, column) else { return nil }
        if let earlier = firstLine[value] {
            fail(row, column, value: value, .appearsTwice(column: column, firstLine: earlier))
            return nil
        }
        firstLine[value] = row.line
        return value
    }

    mutating func fail(_ row: CSVTable.Row, _ column: String, value: String, _ fault: Problem.ValueFault) {
        problems.append(Problem(file: table.file, line: row.line, column: column, value: value, reason: .value(fault)))
    }

    /// Records a problem with the whole file.
    mutating func fail(_ fault: Problem.TableFault) {
        problems.append(Problem(file: table.file, reason: .table(fault)))
    }
}
