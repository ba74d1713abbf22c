import GRDB
import GRDBSQLite

/// A prepared statement run through SQLite's C API, for the statements an import runs for
/// every row: no `StatementArguments` array and no `DatabaseValue` per value, only the binds.
///
/// Made from a GRDB statement of the same connection (which keeps owning it), used on the
/// connection's own thread within its transaction.
struct BoundStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    /// Takes a prepared statement of `db`.
    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Binds an integer (nil: NULL) to the 1-based parameter `index`.
    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds text (nil: NULL), copied by SQLite, to the 1-based parameter `index`.
    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(handle, index)
            return
        }
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                Int32(bytes.count), Self.transient)
        }
    }

    /// Runs the statement to its end; throws SQLite's error as GRDB reports it.
    func run(_ db: Database) throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code, db) }
    }

    /// Runs a query of one integer column: the first row's value (nil when there is no row,
    /// or its value is NULL); throws SQLite's error as GRDB reports it.
    func fetchInt64(_ db: Database) throws -> Int64? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        case let code:
            throw error(code, db)
        }
    }

    /// SQLite's error for a failed step, as GRDB reports it (read before the reset).
    private func error(_ code: Int32, _ db: Database) -> DatabaseError {
        let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
