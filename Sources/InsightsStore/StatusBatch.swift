import GRDB
import InsightsImport

/// Message statuses on their way into `message_statuses`, written `InsertBatch`'s rows per
/// `INSERT`: statuses are the largest table a service has.
///
/// A status identical in message, status and instant to a stored one, or to an earlier one of
/// the file, is not inserted; when a batch inserts fewer rows than it holds, each of its rows
/// sets its error in file order, which leaves exactly what writing them one by one would: the
/// last error given for the same status.
struct StatusBatch {
    private var batch = InsertBatch<MessageStatusRecord>(
        into: "message_statuses", columns: ["error", "message_id", "status", "ts"]
    ) { statement, base, status in
        statement.bind(base + 1, status.error)
        statement.bind(base + 2, status.messageID)
        statement.bind(base + 3, status.status.rawValue)
        statement.bind(base + 4, status.timestamp)
    }
    /// How many statuses written so far were already stored (the rest are new).
    private(set) var replaced = 0

    /// Holds a status, writing the batch once it is full.
    mutating func add(_ status: MessageStatusRecord, db: Database) throws {
        if batch.add(status) { try flush(db: db) }
    }

    /// Writes the statuses held (before anything reads the table).
    mutating func flush(db: Database) throws {
        guard let written = try batch.write(db: db) else { return }
        let conflicts = written.rows.count - written.inserted
        guard conflicts > 0 else { return }
        replaced += conflicts
        let update = try db.cachedStatement(
            sql: "UPDATE message_statuses SET error = ? WHERE message_id = ? AND status = ? AND ts = ?")
        for status in written.rows {
            try update.execute(arguments: [status.error, status.messageID, status.status.rawValue, status.timestamp])
        }
    }
}
