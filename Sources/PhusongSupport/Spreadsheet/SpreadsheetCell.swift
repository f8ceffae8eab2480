/// One cell of a sheet that phusong writes (`XLSXWorkbook`): text stays text (codes keep their
/// leading zeros), numbers stay numbers.
public enum SpreadsheetCell: Sendable, Hashable {
    /// Text: ids, names, codes (`01`, `00004`), reasons. Written as an inline string, which a
    /// spreadsheet never evaluates, and guarded like a CSV text field (`SpreadsheetText`).
    case text(String)
    /// A number; a value that is not finite is written as an empty cell (a workbook holds no
    /// NaN or infinity).
    case number(Double)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// No value.
    case empty

    /// The cell of a CSV field, so that one table gives the same values as CSV and as a
    /// sheet: text stays text; a numeric field that phusong formatted is a number (the text
    /// reads back exactly: shortest round-trip reals, whole numbers), `true`/`false` a
    /// boolean, an empty one an empty cell, and anything else text.
    /// - Parameter field: the CSV field.
    public init(_ field: CSVField) {
        switch field {
        case .text(let text): self = .text(text)
        case .number(let text):
            if text.isEmpty {
                self = .empty
            } else if text == "true" || text == "false" {
                self = .boolean(text == "true")
            } else if let number = Double(text), number.isFinite {
                self = .number(number)
            } else {
                self = .text(text)
            }
        }
    }
}

/// One sheet of a workbook: a bold header row of column names, then one row per record.
public struct SpreadsheetSheet: Sendable, Hashable {
    /// The sheet's tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or
    /// ending with an apostrophe (ECMA-376 Part 1 §18.2.19, and what Excel accepts).
    public var name: String
    /// The column names, in order.
    public var header: [String]
    /// The records; a row shorter than the header is padded with empty cells.
    public var rows: [[SpreadsheetCell]]

    /// - Parameters:
    ///   - name: the tab name (at most 31 characters).
    ///   - header: the column names.
    ///   - rows: the records, cells in header order.
    public init(name: String, header: [String], rows: [[SpreadsheetCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// A sheet of CSV records (`SpreadsheetCell.init(_:)` for each field).
    /// - Parameters:
    ///   - name: the tab name (at most 31 characters).
    ///   - header: the column names.
    ///   - records: the records as CSV fields.
    public init(name: String, header: [String], records: [[CSVField]]) {
        self.init(name: name, header: header, rows: records.map { $0.map(SpreadsheetCell.init) })
    }
}
