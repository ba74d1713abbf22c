import GRDBSQLite
import InsightsMetrics

/// A read-only SQLite connection used from one thread: its own (``init(path:)``), or the
/// report's GRDB connection borrowed for the length of its read (``init(borrowing:path:)``).
///
/// Its read transaction is started with ``begin()``, which also makes it take its WAL snapshot
/// (see `Store.readSnapshot`), and ended with ``end()``.
final class ReadConnection: SQLiteRowReader {
    let path: String
    let handle: OpaquePointer
    /// Whether the handle is this object's to close.
    private let owned: Bool

    /// Opens `path` read-only (a `file:` URI too), waiting up to `Store.busyTimeout` for a
    /// lock; no transaction is started yet.
    init(path: String) throws(StoreError) {
        self.path = path
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(handle)
            throw StoreError.sqlite(path: path, message: message)
        }
        self.handle = handle
        owned = true
        sqlite3_busy_timeout(handle, Int32(Store.busyTimeout * 1000))
    }

    /// Reads through a connection someone else opened, and closes, and whose transaction
    /// someone else begins and ends.
    init(borrowing handle: OpaquePointer, path: String) {
        self.path = path
        self.handle = handle
        owned = false
    }

    deinit { if owned { sqlite3_close(handle) } }

    /// Begins a read transaction and takes its snapshot by reading the data version in it.
    /// - Returns: the import counter of that snapshot (nil before the first import).
    func begin() throws(StoreError) -> String? {
        try execute("BEGIN")
        return try dataVersion()
    }

    /// Ends the read transaction.
    func end() throws(StoreError) { try execute("COMMIT") }

    /// The import counter of the snapshot this transaction reads.
    func dataVersion() throws(StoreError) -> String? {
        let statement = try prepare("SELECT value FROM meta WHERE key = '\(Store.dataVersionKey)'")
        defer { sqlite3_finalize(statement) }
        guard try step(statement) else { return nil }
        return sqlite3_column_text(statement, 0).map { String(cString: $0) }
    }

    /// Counts every message of `range` into the tally (only the messages of `segment`'s
    /// contacts when given: one bit test per row).
    func countMessages(
        in range: Range<Instant>, into tally: inout MessageTally, segment: ContactSet? = nil
    ) throws(StoreError) {
        let statement = try prepare(
            "SELECT inbound, contact, ts, author_type, author_id, author_name FROM messages WHERE ts >= ?1 AND ts < ?2")
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, range.lowerBound)
        sqlite3_bind_int64(statement, 2, range.upperBound)
        var authors = AuthorTable()
        var key: [UInt8] = []
        while try step(statement) {
            if let segment, !segment.contains(sqlite3_column_int64(statement, 1)) { continue }
            let instant = sqlite3_column_int64(statement, 2)
            if sqlite3_column_int(statement, 0) != 0 {
                tally.addInbound(contact: sqlite3_column_int64(statement, 1), at: instant)
            } else {
                Self.authorKeyBytes(statement, into: &key)
                let author = authors.value(forKey: key) {
                    tally.author(
                        AuthorKey(
                            type: Self.text(statement, 3).flatMap(AuthorType.init(rawValue:)), id: Self.text(statement, 4),
                            name: Self.text(statement, 5)))
                }
                tally.addOutbound(at: instant, author: author)
            }
        }
    }

    /// The previous period's counts, from the `messages_ts` index alone (only `segment`'s
    /// contacts when given).
    func countPrevious(in range: Range<Instant>, segment: ContactSet? = nil) throws(StoreError) -> PeriodScan.PreviousCounts {
        let statement = try prepare("SELECT inbound, contact FROM messages WHERE ts >= ?1 AND ts < ?2")
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_int64(statement, 1, range.lowerBound)
        sqlite3_bind_int64(statement, 2, range.upperBound)
        var counts = PeriodScan.PreviousCounts()
        while try step(statement) {
            if let segment, !segment.contains(sqlite3_column_int64(statement, 1)) { continue }
            if sqlite3_column_int(statement, 0) != 0 {
                counts.received += 1
                counts.active.insert(sqlite3_column_int64(statement, 1))
            } else {
                counts.sent += 1
            }
        }
        return counts
    }

    /// The bytes that tell the author of the current row apart (columns 3, 4, 5: type, id,
    /// name): the type, then the id, or the name when there is no id, each with a tag.
    static func authorKeyBytes(_ statement: OpaquePointer, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        append(statement, 3, to: &key)
        if sqlite3_column_type(statement, 4) != SQLITE_NULL {
            key.append(1)
            append(statement, 4, to: &key)
        } else if sqlite3_column_type(statement, 5) != SQLITE_NULL {
            key.append(2)
            append(statement, 5, to: &key)
        } else {
            key.append(3)
        }
    }

    private static func append(_ statement: OpaquePointer, _ column: Int32, to key: inout [UInt8]) {
        guard let text = sqlite3_column_text(statement, column) else { return }
        key.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
        key.append(0)
    }

    /// Runs a query and calls `body` with the statement at each row (see `SQLiteRowReader`).
    func forEachSQLiteRow(_ sql: String, _ arguments: [Int64], _ body: (SQLiteRow) throws -> Void) throws {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        while try step(statement) { try body(SQLiteRow(handle: statement)) }
    }

    private static func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    private func execute(_ sql: String) throws(StoreError) {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw error() }
    }

    private func prepare(_ sql: String) throws(StoreError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw error() }
        return statement
    }

    /// Steps a statement: true with a row, false when done.
    private func step(_ statement: OpaquePointer) throws(StoreError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error()
        }
    }

    private func error() -> StoreError {
        let code = sqlite3_errcode(handle) & 0xFF
        if code == SQLITE_BUSY { return StoreError.busy(path) }
        return StoreError.sqlite(path: path, message: String(cString: sqlite3_errmsg(handle)))
    }
}
