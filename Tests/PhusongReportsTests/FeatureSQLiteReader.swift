import CSQLite

/// One value read from SQLite, with its storage class.
enum FeatureSQLiteCell: Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case null
}

/// Reads a SQLite database back in the GeoPackage tests, read-only, with SQLite's own C API
/// (the test-only `CSQLite` system library): an independent reader of what GDAL wrote.
enum FeatureSQLiteReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Every row of `sql`, each as column name → value.
    static func rows(_ path: String, _ sql: String) throws -> [[String: FeatureSQLiteCell]] {
        var db: OpaquePointer?
        defer { sqlite3_close_v2(db) }
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw Failure(description: "cannot open \(path)")
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: String(cString: sqlite3_errmsg(db)))
        }
        var rows: [[String: FeatureSQLiteCell]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return rows }
            guard status == SQLITE_ROW else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
            var row: [String: FeatureSQLiteCell] = [:]
            for column in 0..<sqlite3_column_count(statement) {
                row[String(cString: sqlite3_column_name(statement, column))] = cell(statement, column)
            }
            rows.append(row)
        }
    }

    /// The value of a one-column query's first row, or nil when there is no row.
    static func value(_ path: String, _ sql: String) throws -> FeatureSQLiteCell? {
        try rows(path, sql).first?.values.first
    }

    private static func cell(_ statement: OpaquePointer?, _ column: Int32) -> FeatureSQLiteCell {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }
}
