import GEOSKit

/// The tables of a GeoPackage 1.3 holding one point feature table (OGC 12-128r18): the core
/// tables with their required rows, and the feature table registered in them.
enum GeoPackageSchema {
    /// `application_id` of GeoPackage 1.2 and later: "GPKG" in ASCII (§1.1.1.1.1, Req 2).
    static let applicationID: Int32 = 0x4750_4B47
    /// `user_version` of GeoPackage 1.3: major, two-digit minor, two-digit patch (Req 2).
    static let userVersion = 10300
    /// EPSG:4326, WGS 84 longitude/latitude, the SRS of every geometry written.
    static let wgs84SRSID: Int32 = 4326
    /// The feature table's geometry column (§2.1.5) and primary key (§2.1.6).
    static let geometryColumn = "geom"
    static let idColumn = "fid"

    /// Sets the header fields and creates `gpkg_spatial_ref_sys` with its three required rows
    /// (§1.1.2, Req 11), `gpkg_contents` (§1.1.3) and `gpkg_geometry_columns` (§2.1.5), with
    /// the table definitions of Annex C.
    static func createCoreTables(_ db: SQLiteWriter) throws(SQLiteError) {
        try db.execute("PRAGMA application_id = \(applicationID)")
        try db.execute("PRAGMA user_version = \(userVersion)")
        try db.execute("""
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL PRIMARY KEY,
              organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL,
              definition TEXT NOT NULL,
              description TEXT
            );
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY,
              data_type TEXT NOT NULL,
              identifier TEXT UNIQUE,
              description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE,
              min_y DOUBLE,
              max_x DOUBLE,
              max_y DOUBLE,
              srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
            );
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL,
              column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL,
              z TINYINT NOT NULL,
              m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
            );
            """)
        try db.run(
            """
            INSERT INTO gpkg_spatial_ref_sys
              (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            rows: [
                [.text("WGS 84 geodetic"), .integer(Int64(wgs84SRSID)), .text("EPSG"), .integer(Int64(wgs84SRSID)),
                 .text(wgs84Definition), .text("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid")],
                [.text("Undefined cartesian SRS"), .integer(-1), .text("NONE"), .integer(-1),
                 .text("undefined"), .text("undefined cartesian coordinate reference system")],
                [.text("Undefined geographic SRS"), .integer(0), .text("NONE"), .integer(0),
                 .text("undefined"), .text("undefined geographic coordinate reference system")],
            ])
    }

    /// Creates the feature table (§2.1.6): `fid` primary key, `geom` of type POINT, then one
    /// column per feature column in table order, typed TEXT, INTEGER, REAL or BOOLEAN
    /// (§1.1.1.1.3, Req 5).
    static func createFeatureTable(_ table: PointFeatureTable, _ db: SQLiteWriter) throws(SQLiteError) {
        let columns = [
            "\(quoted(idColumn)) INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
            "\(quoted(geometryColumn)) POINT",
        ] + table.columns.map { "\(quoted($0.name)) \(sqlType($0.kind))" }
        try db.execute("CREATE TABLE \(quoted(table.layerName)) (\(columns.joined(separator: ", ")))")
    }

    /// Registers the feature table in `gpkg_contents` (data type `features`, its extent and
    /// `last_change`, an ISO 8601 UTC timestamp with milliseconds) and `gpkg_geometry_columns`
    /// (POINT in EPSG:4326, no Z or M).
    static func register(_ table: PointFeatureTable, extent: Envelope?, lastChange: String, _ db: SQLiteWriter) throws(SQLiteError) {
        let bound: (Double?) -> SQLiteWriter.Value = { $0.map(SQLiteWriter.Value.real) ?? .null }
        try db.run(
            """
            INSERT INTO gpkg_contents
              (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
            VALUES (?, 'features', ?, '', ?, ?, ?, ?, ?, ?)
            """,
            rows: [[.text(table.layerName), .text(table.layerName), .text(lastChange),
                    bound(extent?.minX), bound(extent?.minY), bound(extent?.maxX), bound(extent?.maxY), .integer(Int64(wgs84SRSID))]])
        try db.run(
            """
            INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
            VALUES (?, ?, 'POINT', ?, 0, 0)
            """,
            rows: [[.text(table.layerName), .text(geometryColumn), .integer(Int64(wgs84SRSID))]])
    }

    /// `name` as an SQL identifier: in double quotes, inner quotes doubled, so that any name
    /// (spaces, Vietnamese, quotes, SQL keywords) is taken as a name.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    private static func sqlType(_ kind: FeatureColumn.Kind) -> String {
        switch kind {
        case .text: "TEXT"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .boolean: "BOOLEAN"
        }
    }

    /// EPSG:4326 as OGC WKT 1, as GDAL writes it.
    private static let wgs84Definition = """
        GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],\
        AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],\
        UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],\
        AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]
        """
}
