import GRDB
import InsightsImport

/// Message statuses on their way into `message_statuses`, written `size` rows per `INSERT`.
///
/// Statuses are the largest table a service has, and a one-row `INSERT` costs SQLite far more
/// than its row: every run opens and closes cursors on the table and its unique index and
/// builds a statement's record. One statement of 64 rows pays that once (measured on a month
/// of the benchmark's statuses: the rows took less than half the time). A status identical in
/// message, status and instant to a stored one, or to an earlier one of the file, is not
/// inserted (`ON CONFLICT DO NOTHING`); when a batch inserts fewer rows than it holds, each of
/// its rows sets its error in file order, which leaves exactly what writing them one by one
/// would: the last error given for the same status.
struct StatusBatch {
    /// Rows per statement (4 parameters each, well under SQLite's 32,766).
    static let size = 64

    private var pending: [MessageStatusRecord] = []
    private var full: BoundStatement?
    /// How many statuses written so far were already stored (the rest are new).
    private(set) var replaced = 0

    /// Holds a status, writing the batch once it is full.
    mutating func add(_ status: MessageStatusRecord, db: Database) throws {
        if pending.isEmpty { pending.reserveCapacity(Self.size) }
        pending.append(status)
        if pending.count == Self.size { try flush(db: db) }
    }

    /// Writes the statuses held (before anything reads the table).
    mutating func flush(db: Database) throws {
        guard !pending.isEmpty else { return }
        let statement: BoundStatement
        if pending.count == Self.size, let full {
            statement = full
        } else {
            statement = BoundStatement(try db.cachedStatement(sql: Self.insert(rows: pending.count)))
            if pending.count == Self.size { full = statement }
        }
        for (row, status) in pending.enumerated() {
            let base = Int32(row * 4)
            statement.bind(base + 1, status.error)
            statement.bind(base + 2, status.messageID)
            statement.bind(base + 3, status.status.rawValue)
            statement.bind(base + 4, status.timestamp)
        }
        try statement.run(db)
        let conflicts = pending.count - db.changesCount
        if conflicts > 0 {
            replaced += conflicts
            let update = try db.cachedStatement(
                sql: "UPDATE message_statuses SET error = ? WHERE message_id = ? AND status = ? AND ts = ?")
            for status in pending {
                try update.execute(arguments: [status.error, status.messageID, status.status.rawValue, status.timestamp])
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// `INSERT` of `rows` statuses.
    private static func insert(rows: Int) -> String {
        "INSERT INTO message_statuses(error, message_id, status, ts) VALUES "
            + Array(repeating: "(?, ?, ?, ?)", count: rows).joined(separator: ", ") + " ON CONFLICT DO NOTHING"
    }
}
