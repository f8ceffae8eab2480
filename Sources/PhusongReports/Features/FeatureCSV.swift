import PhusongSupport

/// Writes a feature table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel
/// reads UTF-8 as the local code page and breaks Vietnamese names), comma-separated, header
/// row, lon/lat as the last two columns with 6 decimals (~0.1 m).
public enum FeatureCSV {
    public static func bytes(_ table: PointFeatureTable) -> [UInt8] {
        var csv = CSVWriter(byteOrderMark: true, crlf: true)
        csv.writeHeader(table.columns.map(\.name) + ["lon", "lat"])
        for row in table.rows {
            csv.writeRow(row.values.map(\.csvField) + [.number(row.lon, decimals: 6), .number(row.lat, decimals: 6)])
        }
        return csv.bytes
    }
}
