import PhusongSupport

/// Writes a feature table as an XLSX workbook for Excel (`XLSXWorkbook`): one sheet named
/// after the layer, the columns of the CSV (`FeatureCSV`) in the same order and with the same
/// names, lon/lat as the last two columns rounded to 6 decimals (~0.1 m). Text columns (ids,
/// names, codes such as `01` and `00004`) are text cells, integer and real columns numbers,
/// booleans `TRUE`/`FALSE`, nulls and positions that are not finite empty cells.
public enum FeatureXLSX {
    /// - Parameter table: the layer to write.
    /// - Returns: the workbook's bytes.
    /// - Throws: `FileFormatError` when the table does not fit a sheet (more than 1,048,575
    ///   rows, a text over 32,767 characters, a layer name that cannot name a sheet).
    public static func bytes(_ table: PointFeatureTable) throws(FileFormatError) -> [UInt8] {
        try XLSXWorkbook.bytes([sheet(table)])
    }

    /// The table as a sheet.
    /// - Parameter table: the layer.
    /// - Returns: the sheet, named after the layer.
    public static func sheet(_ table: PointFeatureTable) -> SpreadsheetSheet {
        let rows = table.rows.map { row in
            table.columns.indices.map { cell(row.value(at: $0)) } + [coordinate(row.lon), coordinate(row.lat)]
        }
        return SpreadsheetSheet(name: table.layerName, header: table.columns.map(\.name) + ["lon", "lat"], rows: rows)
    }

    private static func cell(_ value: FeatureValue) -> SpreadsheetCell {
        switch value {
        case .text(let text): .text(text)
        case .integer(let number): .number(Double(number))
        case .real(let number): .number(number)
        case .boolean(let flag): .boolean(flag)
        case .null: .empty
        }
    }

    /// A coordinate as the CSV writes it, 6 decimals.
    private static func coordinate(_ degrees: Double) -> SpreadsheetCell {
        guard degrees.isFinite, let rounded = Double(NumberText.fixed(degrees, decimals: 6)) else { return .empty }
        return .number(rounded)
    }
}
