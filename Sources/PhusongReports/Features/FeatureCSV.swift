import PhusongSupport

/// Writes a feature table as CSV, with the conventions of every phusong CSV (`CSVWriter`:
/// UTF-8 without a byte-order mark, LF, comma-separated, header row), lon/lat as the last two
/// columns with 6 decimals (~0.1 m). The same table for Excel is `FeatureXLSX`.
public enum FeatureCSV {
    public static func bytes(_ table: PointFeatureTable) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeHeader(table.columns.map(\.name) + ["lon", "lat"])
        for row in table.rows {
            csv.writeRow(row.values.map(\.csvField) + [.number(row.lon, decimals: 6), .number(row.lat, decimals: 6)])
        }
        return csv.bytes
    }
}
