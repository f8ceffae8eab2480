/// A table of records with a header, in the fields of a CSV (`CSVField`): made once and
/// written as CSV (`csvBytes`) or as a workbook sheet (`sheet(named:)`), so that the two
/// formats always hold the same columns and values.
public struct RecordTable: Sendable, Hashable {
    /// The column names.
    public var header: [String]
    /// The records, fields in header order.
    public var records: [[CSVField]]

    /// - Parameters:
    ///   - header: the column names.
    ///   - records: the records, fields in header order.
    public init(header: [String], records: [[CSVField]] = []) {
        self.header = header
        self.records = records
    }

    /// The table as CSV (`CSVWriter`'s conventions).
    public var csvBytes: [UInt8] {
        var csv = CSVWriter()
        csv.writeHeader(header)
        for record in records { csv.writeRow(record) }
        return csv.bytes
    }

    /// The table as a workbook sheet (`SpreadsheetCell.init(_:)` for each field).
    /// - Parameter name: the sheet's tab name.
    /// - Returns: the sheet.
    public func sheet(named name: String) -> SpreadsheetSheet {
        SpreadsheetSheet(name: name, header: header, records: records)
    }
}
