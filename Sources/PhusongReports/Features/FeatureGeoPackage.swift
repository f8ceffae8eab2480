import Foundation
import GDALKit
import PhusongSupport

/// Writes a feature table as an OGC GeoPackage 1.3 (OGC 12-128r18) for QGIS and GDAL, through
/// GDAL's GPKG driver: the core tables and one feature table named after the layer, with an
/// R-tree spatial index.
///
/// - The feature table has `fid` (INTEGER PRIMARY KEY AUTOINCREMENT), `geom` (POINT in
///   EPSG:4326) and one column per feature column, in table order, typed TEXT, INTEGER, REAL
///   or BOOLEAN (§1.1.1.1.3); codes are TEXT. Rows are inserted in table order in one
///   transaction, so `fid` is the row's position plus one.
/// - Geometries are GeoPackage binary points at full precision; a row whose position is not
///   finite gets a NULL geometry. `gpkg_contents` holds the extent of the located rows.
/// - The spatial index is GDAL's (`SPATIAL_INDEX=YES`): the `rtree_<layer>_geom` virtual
///   table, registered in `gpkg_extensions` as `gpkg_rtree_index`, so that
///   `ogrinfo FILE -sql "SELECT HasSpatialIndex('layer', 'geom')"` answers 1.
/// - The bytes depend only on the table and `lastChange`: GDAL's one clock reading, the
///   `gpkg_contents.last_change` timestamp, is fixed with the `OGR_CURRENT_DATE`
///   configuration option (set for the writing thread only); everything else GDAL writes
///   follows from the inserts, which are made in table order.
/// - The database is built in a temporary file in the destination's folder, flushed to the
///   disk and renamed into place (`AtomicFile`), so a reader never sees a half-written
///   GeoPackage and an old one is replaced whole. SQLite keeps its rollback journal in memory
///   and does not sync on its own (`OGR_SQLITE_JOURNAL=MEMORY`, `OGR_SQLITE_SYNCHRONOUS=OFF`):
///   a failed file is removed, never rolled back, and `AtomicFile` flushes the finished one.
public enum FeatureGeoPackage {
    /// The feature table's geometry column (§2.1.5) and primary key (§2.1.6).
    static let geometryColumn = "geom"
    static let idColumn = "fid"
    /// The default `gpkg_contents.last_change`: 1970-01-01T00:00:00.000Z, the Unix epoch, so
    /// that the same inputs give the same bytes (the time of writing would differ each run).
    public static let reproducibleLastChange = Date(timeIntervalSince1970: 0)

    /// - Parameters:
    ///   - table: the layer to write.
    ///   - path: the GeoPackage file to write (replaced whole).
    ///   - lastChange: the `gpkg_contents.last_change` timestamp; by default
    ///     ``reproducibleLastChange``, so that equal tables give byte-identical files.
    /// - Throws: `OutputError` when the layer or a column name cannot be used in a
    ///   GeoPackage, or the file cannot be written.
    public static func write(
        _ table: PointFeatureTable, to path: String, lastChange: Date = reproducibleLastChange
    ) throws(OutputError) {
        if let problem = nameProblem(table) { throw OutputError(path: path, reason: problem) }
        try AtomicFile.write(to: path) { (temporary: String) throws(OutputError) in
            do throws(GDALError) {
                try fill(temporary, with: table, lastChange: lastChange)
            } catch {
                throw OutputError(path: path, reason: "cannot write GeoPackage: \(error.message)")
            }
        }
    }

    /// Creates the GeoPackage at `path` and inserts the rows in one transaction.
    private static func fill(_ path: String, with table: PointFeatureTable, lastChange: Date) throws(GDALError) {
        let timestamp = ISO8601DateFormatter()
        timestamp.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let configuration = [
            (name: "OGR_CURRENT_DATE", value: timestamp.string(from: lastChange)),
            (name: "OGR_SQLITE_JOURNAL", value: "MEMORY"),
            (name: "OGR_SQLITE_SYNCHRONOUS", value: "OFF"),
        ]
        let wgs84 = try SpatialReference.wgs84()
        try VectorWriter.create(at: path, driver: "GPKG", options: ["VERSION=1.3"], configuration: configuration) {
            (writer: VectorWriter) throws(GDALError) in
            let layer = try writer.createLayer(
                named: table.layerName, geometry: .point, spatialReference: wgs84,
                fields: table.columns.map { NewField($0.name, fieldType($0.kind)) },
                options: ["FID=\(idColumn)", "GEOMETRY_NAME=\(geometryColumn)", "SPATIAL_INDEX=YES"])
            try writer.transaction { () throws(GDALError) in
                for row in table.rows {
                    try layer.add(
                        values: table.columns.indices.map { fieldValue(row.value(at: $0)) },
                        point: row.isLocated ? (row.lon, row.lat) : nil)
                }
            }
        }
    }

    /// The GeoPackage column type of a feature column.
    private static func fieldType(_ kind: FeatureColumn.Kind) -> NewFieldType {
        switch kind {
        case .text: .text
        case .integer: .integer
        case .real: .real
        case .boolean: .boolean
        }
    }

    /// The value as stored: BOOLEAN as integer 0 or 1 (§1.1.1.1.3, Table 1).
    private static func fieldValue(_ value: FeatureValue) -> FieldValue {
        switch value {
        case .text(let text): .text(text)
        case .integer(let number): .integer(Int64(number))
        case .real(let number): .real(number)
        case .boolean(let flag): .integer(flag ? 1 : 0)
        case .null: .null
        }
    }

    /// Why the table's names cannot be used, or nil. SQLite reserves the prefix `sqlite_`,
    /// GeoPackage names its own tables `gpkg_…` and its spatial indexes `rtree_…`; SQLite
    /// compares names without regard to ASCII case, so `Name` and `name` are one column.
    private static func nameProblem(_ table: PointFeatureTable) -> String? {
        let layer = table.layerName.lowercased()
        if layer.isEmpty { return "the layer name is empty" }
        if let prefix = ["gpkg_", "rtree_", "sqlite_"].first(where: layer.hasPrefix) {
            return "layer name \"\(table.layerName)\" starts with \(prefix), which is reserved"
        }
        var seen: Set<String> = [idColumn, geometryColumn]
        for column in table.columns {
            if column.name.isEmpty { return "a column name is empty" }
            guard seen.insert(column.name.lowercased()).inserted else {
                return "column \"\(column.name)\" appears twice or clashes with the GeoPackage columns fid and geom"
            }
        }
        return nil
    }
}
