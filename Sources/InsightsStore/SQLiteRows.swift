import GRDB
import GRDBSQLite

/// A connection a report reads rows through: the report's GRDB `Database`, or a
/// `ReadConnection` of the same snapshot on another thread.
protocol SQLiteRowReader {
    /// Runs a query through SQLite's C API and calls `body` with the statement at each row,
    /// for the reads of a report that return many rows: nothing is allocated per row unless
    /// `body` does (read columns with `SQLiteRow`).
    func forEachSQLiteRow(_ sql: String, _ arguments: [Int64], _ body: (SQLiteRow) throws -> Void) throws
}

extension SQLiteRowReader {
    /// `forEachSQLiteRow(_:_:_:)` without arguments.
    func forEachSQLiteRow(_ sql: String, _ body: (SQLiteRow) throws -> Void) throws {
        try forEachSQLiteRow(sql, [], body)
    }

    /// The integer a query of one row and column returns (0 when it returns none): a
    /// `COUNT(*)` along the index a read of many rows will walk, so that the read's array is
    /// made as large as it needs once, without the spare capacity and the copies of growing.
    func count(_ sql: String, _ arguments: [Int64]) throws -> Int {
        var count = 0
        try forEachSQLiteRow(sql, arguments) { row in count = Int(row.int64(0)) }
        return count
    }
}

extension Database: SQLiteRowReader {
    func forEachSQLiteRow(_ sql: String, _ arguments: [Int64], _ body: (SQLiteRow) throws -> Void) throws {
        // Cached: a report runs the same lookup once per active contact when they are few.
        let statement = try cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(index + 1), value) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(SQLiteRow(handle: handle))
            case SQLITE_DONE: return
            default:
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: sqlite3_errcode(sqliteConnection)),
                    message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
            }
        }
    }
}

/// The current row of a statement stepped by `Database.forEachSQLiteRow`.
struct SQLiteRow {
    let handle: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    /// A two-letter code as an integer (first letter in the high byte); 0 for anything else.
    func code(_ column: Int32) -> UInt16 {
        guard let text = sqlite3_column_text(handle, column), sqlite3_column_bytes(handle, column) == 2 else { return 0 }
        return UInt16(text[0]) << 8 | UInt16(text[1])
    }

    /// Whether the text of a column is exactly `bytes`.
    func textEquals(_ column: Int32, _ bytes: [UInt8]) -> Bool {
        guard let text = sqlite3_column_text(handle, column) else { return false }
        let count = Int(sqlite3_column_bytes(handle, column))
        return count == bytes.count && UnsafeBufferPointer(start: text, count: count).elementsEqual(bytes)
    }
}
