import GRDBSQLite
import InsightsMetrics

/// The floor a report is compared with (issue 15): one pass over the month's message rows
/// **stored contiguously**, with the columns a report reads from them, stepped through
/// SQLite's C API with nothing done per row but touching each value.
///
/// `prepare` copies the month's rows, in time order, into the only table of a database of its
/// own (`floor.sqlite`); `run` scans that table from its first page to its last: no index, no
/// row of another month on the pages read.
enum FloorScan {
    /// The table of the floor database.
    static let table = "month_messages"

    /// The statements `prepare` runs (`?1`, `?2`: the month's bounds in microseconds).
    static let prepareSQL = [
        "DROP TABLE IF EXISTS \(table)",
        """
        CREATE TABLE \(table) (
          contact INTEGER NOT NULL, inbound INTEGER NOT NULL, ts INTEGER NOT NULL,
          author_type TEXT, author_id TEXT, author_name TEXT)
        """,
        """
        INSERT INTO \(table) SELECT contact, inbound, ts, author_type, author_id, author_name
        FROM source.messages WHERE ts >= ?1 AND ts < ?2 ORDER BY ts
        """,
    ]

    /// The scan.
    static let sql = "SELECT contact, inbound, ts, author_type, author_id, author_name FROM \(table)"

    /// Writes the month's message rows of `database` into `floor` (created or replaced), in
    /// time order.
    static func prepare(database: String, range: Range<Instant>, floor: String) throws {
        let connection = try open(floor, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite3_close(connection) }
        try execute(connection, "ATTACH DATABASE \(quoted(database)) AS source", [])
        try execute(connection, "BEGIN", [])
        for statement in prepareSQL { try execute(connection, statement, [range.lowerBound, range.upperBound]) }
        try execute(connection, "COMMIT", [])
        try execute(connection, "DETACH DATABASE source", [])
        try execute(connection, "VACUUM", [])
    }

    /// Scans the floor database's table and returns how many rows it read.
    static func run(floor: String) throws -> Int {
        let connection = try open(floor, flags: SQLITE_OPEN_READONLY)
        defer { sqlite3_close(connection) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
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

    private static func open(_ path: String, flags: Int32) throws -> OpaquePointer {
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, flags, nil) == SQLITE_OK, let connection else {
            sqlite3_close(connection)
            throw BenchError("cannot open \(path)")
        }
        return connection
    }

    private static func execute(_ connection: OpaquePointer, _ sql: String, _ values: [Int64]) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in values.enumerated() where sqlite3_bind_parameter_count(statement) > index {
            sqlite3_bind_int64(statement, Int32(index + 1), value)
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(connection))) }
    }

    private static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
