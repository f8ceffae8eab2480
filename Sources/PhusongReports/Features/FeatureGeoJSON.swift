import PhusongSupport

/// Writes a feature table as a GeoJSON FeatureCollection (RFC 7946).
///
/// - One Feature per row, in table order, with a Point geometry `[lon, lat]` in WGS 84
///   (§3.1.1, §4) rounded to 6 decimals, about 0.1 m (§11.2). A row whose position is not
///   finite gets `"geometry": null` (§3.2).
/// - `properties` hold every column, in column order, each value written as its own kind:
///   string, number, `true`/`false`, `null` for `.null`. Reals that are not finite are
///   written as `null`: JSON has no NaN or infinity (RFC 8259 §6).
/// - The layer name is the FeatureCollection's foreign member `"name"` (§6.1); GDAL and QGIS
///   read it as the layer name, other readers ignore it.
/// - UTF-8 without a byte-order mark (§8.1: a writer must not add one). Vietnamese and other
///   non-ASCII text is written as is; only `"`, `\` and control characters are escaped.
/// - One feature per line; equal tables give equal bytes.
public enum FeatureGeoJSON {
    public static func bytes(_ table: PointFeatureTable) -> [UInt8] {
        var text = #"{"type":"FeatureCollection","name":"# + JSONText.string(table.layerName) + #","features":["#
        for (index, row) in table.rows.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text += feature(row, columns: table.columns)
        }
        text += "\n]}\n"
        return Array(text.utf8)
    }

    private static func feature(_ row: PointFeature, columns: [FeatureColumn]) -> String {
        let geometry = row.isLocated
            ? #"{"type":"Point","coordinates":["# + NumberText.fixed(row.lon, decimals: 6) + "," + NumberText.fixed(row.lat, decimals: 6) + "]}"
            : "null"
        let properties = columns.indices.map { index in
            JSONText.string(columns[index].name) + ":" + jsonValue(row.value(at: index))
        }
        return #"{"type":"Feature","geometry":"# + geometry + #","properties":{"# + properties.joined(separator: ",") + "}}"
    }

    private static func jsonValue(_ value: FeatureValue) -> String {
        switch value {
        case .text(let text): JSONText.string(text)
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? NumberText.real(number) : "null"
        case .boolean(let flag): String(flag)
        case .null: "null"
        }
    }
}
