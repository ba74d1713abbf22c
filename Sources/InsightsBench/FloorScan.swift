import GRDBSQLite
import InsightsMetrics

/// The floor a report is compared with: the month's message rows, with the columns a report
/// reads from them, stepped through SQLite's C API with nothing done per row but touching
/// each value.
enum FloorScan {
    static let sql = """
        SELECT contact, inbound, ts, author_type, author_id, author_name FROM messages
        WHERE ts >= ?1 AND ts < ?2
        """

    /// Scans the rows of `range` and returns how many there were.
    static func run(database: String, range: Range<Instant>) throws -> Int {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(database, &connection, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let connection else {
            throw BenchError("cannot open \(database)")
        }
        defer { sqlite3_close(connection) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, range.lowerBound)
        sqlite3_bind_int64(statement, 2, range.upperBound)
        var rows = 0
        var checksum: Int64 = 0
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw BenchError(String(cString: sqlite3_errmsg(connection))) }
            rows += 1
            checksum &+=
                sqlite3_column_int64(statement, 0) &+ sqlite3_column_int64(statement, 1)
                &+ sqlite3_column_int64(statement, 2)
            for column in Int32(3)...5 where sqlite3_column_text(statement, column) != nil {
                checksum &+= Int64(sqlite3_column_bytes(statement, column))
            }
        }
        if checksum == 42 { print("") }  // keep the reads
        return rows
    }
}
