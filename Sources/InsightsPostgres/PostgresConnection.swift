import CPq
import InsightsWarehouse

/// A synchronous connection to PostgreSQL through libpq (Debian's `libpq5`): parameters are
/// sent as text, rows come back as text.
///
/// libpq, not postgres-nio: it is a system library linked like SQLite and zlib (a small
/// build), and its blocking API fits a command that runs a few queries one after another;
/// postgres-nio would pull SwiftNIO into the build.
public final class PostgresConnection: WarehouseConnection {
    /// PostgreSQL's dialect, tables in the connection's schema.
    public let dialect: SQLDialect
    private let connection: OpaquePointer

    /// Connects to `url` (`postgresql://user@host:port/database`, or libpq's `key=value`
    /// form); the record kinds' tables are in `schema`.
    public init(url: String, schema: String = "public") throws(WarehouseError) {
        guard let connection = PQconnectdb(url) else { throw .connection("libpq could not allocate a connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.oneLine(PQerrorMessage(connection))
            PQfinish(connection)
            throw .connection(message.isEmpty ? "the server refused the connection" : message)
        }
        // The server's notices (`drop cascades to …`) are not the report's to print.
        _ = PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
        self.dialect = .postgres(schema: schema)
        try raiseWorkMemory()
    }

    /// The `work_mem` this session gets at least: 64 MB.
    public static let minimumWorkMemory = "64MB"

    /// Raises the session's `work_mem` to ``minimumWorkMemory`` when it is lower (never
    /// lowers one the server, role, database or `PGOPTIONS` set). PostgreSQL's default of 4 MB
    /// makes the report's hash aggregates and joins over a month's contacts spill to disk in
    /// many batches: on the benchmark's 10M messages the month's report took 785 s with 4 MB
    /// and 318 s with 64 MB (README, "Performance"). The report's queries run one at a time.
    private func raiseWorkMemory() throws(WarehouseError) {
        _ = try rows(
            """
            SELECT set_config('work_mem', CAST(@minimum AS text), false)
            WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes(CAST(@minimum AS text))
            """, parameters: ["minimum": .string(Self.minimumWorkMemory)])
    }

    deinit {
        PQfinish(connection)
    }

    /// Runs a query with `@name` parameters (sent as `$1`, `$2` … in text) and returns its
    /// rows as text.
    public func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        let (text, names) = dialect.positional(sql)
        var values: [String] = []
        for name in names {
            guard let value = parameters[name] else { throw .query("the query's parameter @\(name) has no value") }
            values.append(value.text)
        }
        let result = withCStrings(values) { pointers in
            PQexecParams(connection, text, Int32(pointers.count), nil, pointers, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result)
        var rows: [[String?]] = []
        let count = PQntuples(result)
        let width = PQnfields(result)
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var cells: [String?] = []
            cells.reserveCapacity(Int(width))
            for column in 0..<width {
                if PQgetisnull(result, row, column) != 0 {
                    cells.append(nil)
                } else {
                    cells.append(String(cString: PQgetvalue(result, row, column)))
                }
            }
            rows.append(cells)
        }
        return rows
    }

    /// The columns of a table of the schema (name → `data_type`), nil when it does not exist.
    public func columns(of table: String) throws(WarehouseError) -> [String: String]? {
        let rows = try rows(
            """
            SELECT lower(column_name), lower(data_type) FROM information_schema.columns
            WHERE table_schema = CAST(@schema AS text) AND table_name = CAST(@table AS text)
            """, parameters: ["schema": .string(dialect.container), "table": .string(table)])
        guard !rows.isEmpty else { return nil }
        var columns: [String: String] = [:]
        for row in rows {
            if case .some(.some(let name)) = row.first, row.count > 1, let type = row[1] { columns[name] = type }
        }
        return columns
    }

    /// Runs statements without parameters (DDL, `SET`).
    public func execute(_ sql: String) throws(WarehouseError) {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        try check(result)
    }

    /// Runs a `COPY … FROM STDIN` statement and sends it `data`.
    public func copyIn(_ sql: String, data: [UInt8]) throws(WarehouseError) {
        let start = PQexec(connection, sql)
        let status = PQresultStatus(start)
        PQclear(start)
        guard status == PGRES_COPY_IN else { throw .query(Self.oneLine(PQerrorMessage(connection))) }
        let sent = data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    PQputCopyData(connection, $0, Int32(buffer.count))
                }
            } ?? 1
        }
        guard sent == 1, PQputCopyEnd(connection, nil) == 1 else { throw .query(Self.oneLine(PQerrorMessage(connection))) }
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            try check(result)
        }
    }

    private func check(_ result: OpaquePointer?) throws(WarehouseError) {
        let status = PQresultStatus(result)
        guard status != PGRES_TUPLES_OK, status != PGRES_COMMAND_OK else { return }
        let message = Self.field(result, insights_pq_diag_message_primary) ?? Self.oneLine(PQerrorMessage(connection))
        switch Self.field(result, insights_pq_diag_sqlstate) {
        case "08000", "08003", "08006", "57P01":
            throw .connection(message)
        default:
            throw .query(message)
        }
    }

    private static func field(_ result: OpaquePointer?, _ code: Int32) -> String? {
        guard let result, let value = PQresultErrorField(result, code) else { return nil }
        return String(cString: value)
    }

    /// A libpq message on one line, without its trailing period or line end.
    static func oneLine(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        var text = String(cString: message).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.joined(
            separator: " ")
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// Calls `body` with the strings as C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers.map { UnsafePointer($0) })
}
