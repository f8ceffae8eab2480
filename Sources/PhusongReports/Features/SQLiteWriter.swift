import GRDBSQLite

/// A minimal SQLite connection that creates a database and fills it: statements, and one
/// prepared statement run for many rows. Used to write GeoPackages.
///
/// It calls the SQLite C API of GRDB's `GRDBSQLite` module (the same system SQLite GRDB
/// links) rather than GRDB's Swift API: importing GRDB into this module makes its SQL
/// operators (`==`, `||`, `<` … declared on protocols that Int, UInt8, String and Bool
/// conform to) candidates in every expression of every file of the module, and ordinary
/// expressions elsewhere (`bytes.contains { $0 == 0x2C || $0 == 0x22 || … }`) stop
/// type-checking in reasonable time.
final class SQLiteWriter {
    /// A value bound to a statement parameter.
    enum Value {
        case text(String)
        case integer(Int64)
        case real(Double)
        case blob([UInt8])
        case null
    }

    private var handle: OpaquePointer?

    /// Opens the database file at `path`, creating it when it does not exist, and turns on
    /// foreign key enforcement.
    init(creating path: String) throws(SQLiteError) {
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        handle = opened
        guard status == SQLITE_OK else {
            let error = SQLiteError(operation: "open", message: message(status))
            close()
            throw error
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit { close() }

    /// Runs one or more statements without parameters.
    func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw SQLiteError(operation: sql, message: message(status)) }
    }

    /// Prepares `sql` once and runs it for each element of `rows`, binding its values to the
    /// statement's parameters in order.
    func run<Rows: Sequence>(_ sql: String, rows: Rows) throws(SQLiteError) where Rows.Element == [Value] {
        var statement: OpaquePointer?
        let prepared = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard prepared == SQLITE_OK else { throw SQLiteError(operation: sql, message: message(prepared)) }
        for row in rows {
            for (index, value) in row.enumerated() {
                let bound = bind(value, at: Int32(index + 1), to: statement)
                guard bound == SQLITE_OK else { throw SQLiteError(operation: sql, message: message(bound)) }
            }
            let stepped = sqlite3_step(statement)
            guard stepped == SQLITE_DONE else { throw SQLiteError(operation: sql, message: message(stepped)) }
            sqlite3_reset(statement)
        }
    }

    /// Closes the connection; the database file is complete once this returns.
    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    private func bind(_ value: Value, at index: Int32, to statement: OpaquePointer?) -> Int32 {
        // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        switch value {
        case .text(let text):
            return text.withCString { sqlite3_bind_text(statement, index, $0, Int32(text.utf8.count), transient) }
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .blob(let bytes):
            return bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
        case .null:
            return sqlite3_bind_null(statement, index)
        }
    }

    private func message(_ status: Int32) -> String {
        if let handle, let text = sqlite3_errmsg(handle) { return String(cString: text) }
        return String(cString: sqlite3_errstr(status))
    }
}

/// A SQLite call failed.
struct SQLiteError: Error, CustomStringConvertible {
    /// The SQL, or the name of the call.
    var operation: String
    var message: String
    var description: String { "\(message) (\(operation))" }
}
