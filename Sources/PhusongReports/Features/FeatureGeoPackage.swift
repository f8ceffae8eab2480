import Foundation
import GEOSKit
import PhusongSupport

/// Writes a feature table as an OGC GeoPackage 1.3 (OGC 12-128r18) for QGIS and GDAL: an
/// SQLite database holding the core tables and one feature table named after the layer.
///
/// - The feature table has `fid` (INTEGER PRIMARY KEY AUTOINCREMENT), `geom` (POINT in
///   EPSG:4326) and one column per feature column, in table order; rows are inserted in
///   table order, so `fid` is the row's position plus one.
/// - Geometries are GeoPackage binary points (see `GeoPackageGeometry`) at full precision; a
///   row whose position is not finite gets a NULL geometry. `gpkg_contents` holds the extent
///   of the located rows (NULL when there are none).
/// - No spatial index (the R-tree extension, an SQLite virtual table kept up to date by
///   triggers that call GeoPackage SQL functions). GDAL adds one to a written file with
///   `ogrinfo FILE -sql "SELECT CreateSpatialIndex('layer', 'geom')"`.
/// - The database is built in a temporary file in the destination's folder, flushed to the
///   disk and renamed into place (`AtomicFile`), so a reader never sees a half-written
///   GeoPackage and an old one is replaced whole. SQLite keeps its rollback journal in memory
///   and does not sync on its own: a failed file is removed, never rolled back, and
///   `AtomicFile` flushes the finished one.
public enum FeatureGeoPackage {
    /// - Parameters:
    ///   - table: the layer to write.
    ///   - path: the GeoPackage file to write (replaced whole).
    ///   - lastChange: the `gpkg_contents.last_change` timestamp (the only value that depends
    ///     on when the file is written); pass a fixed date for reproducible files.
    /// - Throws: `OutputError` when the layer or a column name cannot be used in a
    ///   GeoPackage, or the file cannot be written.
    public static func write(_ table: PointFeatureTable, to path: String, lastChange: Date = Date()) throws(OutputError) {
        if let problem = nameProblem(table) { throw OutputError(path: path, reason: problem) }
        try AtomicFile.write(to: path) { (temporary: String) throws(OutputError) in
            do {
                let db = try SQLiteWriter(creating: temporary)
                try fill(db, with: table, lastChange: lastChange)
                db.close()
            } catch {
                throw OutputError(path: path, reason: "cannot write GeoPackage: \(error)")
            }
        }
    }

    /// Creates the tables and inserts the rows in one transaction.
    private static func fill(_ db: SQLiteWriter, with table: PointFeatureTable, lastChange: Date) throws(SQLiteError) {
        try db.execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF")
        try db.execute("BEGIN")
        try GeoPackageSchema.createCoreTables(db)
        try GeoPackageSchema.createFeatureTable(table, db)
        let columns = [GeoPackageSchema.geometryColumn] + table.columns.map(\.name)
        let insert = """
            INSERT INTO \(GeoPackageSchema.quoted(table.layerName)) (\(columns.map(GeoPackageSchema.quoted).joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """
        try db.run(insert, rows: table.rows.lazy.map { row in
            let geometry: SQLiteWriter.Value = row.isLocated
                ? .blob(GeoPackageGeometry.point(lon: row.lon, lat: row.lat, srsID: GeoPackageSchema.wgs84SRSID))
                : .null
            return [geometry] + table.columns.indices.map { sqliteValue(row.value(at: $0)) }
        })
        let extent = table.rows.lazy.filter(\.isLocated)
            .map { Envelope(x: $0.lon, y: $0.lat) }
            .reduce(nil) { (extent: Envelope?, point) in extent?.union(point) ?? point }
        let timestamp = ISO8601DateFormatter()
        timestamp.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        try GeoPackageSchema.register(table, extent: extent, lastChange: timestamp.string(from: lastChange), db)
        try db.execute("COMMIT")
    }

    /// The value as stored: BOOLEAN as integer 0 or 1 (§1.1.1.1.3, Table 1).
    private static func sqliteValue(_ value: FeatureValue) -> SQLiteWriter.Value {
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
        var seen: Set<String> = [GeoPackageSchema.idColumn, GeoPackageSchema.geometryColumn]
        for column in table.columns {
            if column.name.isEmpty { return "a column name is empty" }
            guard seen.insert(column.name.lowercased()).inserted else {
                return "column \"\(column.name)\" appears twice or clashes with the GeoPackage columns fid and geom"
            }
        }
        return nil
    }
}
