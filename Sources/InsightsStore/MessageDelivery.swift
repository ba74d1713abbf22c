import GRDB
import InsightsMetrics

/// The derived table `message_delivery`: one row (the message's row id, instant and contact,
/// and whether it `reached` someone) per stored outbound message with at least one status;
/// `reached` is 1 when one of them is `delivered` or `read`.
///
/// A report reads the period's delivery funnel along its index `message_delivery_ts (ts,
/// contact)`, each row joined to its message by row id and to its statuses, so only the
/// messages with a status are read (the others are the period's sent messages less those,
/// from the message scan); the summary trend's earlier periods and the previous period count
/// reached users along the partial index `message_delivery_reached (ts, contact, reached)
/// WHERE reached` alone (`reached` is a column too, else SQLite reads the table to test the
/// query's `reached = 1`), no message read at all.
///
/// Kept up to date by every import, whichever comes first: a status names its message by id
/// and may be imported before it, so new statuses add (or mark reached) the stored messages
/// they name, and new messages are looked up among the stored statuses. A message replaced by
/// a later import may change its contact, instant or direction: its row is worked out again.
/// Statuses are never removed, so `reached` only ever goes from 0 to 1 otherwise.
struct MessageDelivery {
    let db: Database

    /// Where an import started: the largest message and status row ids before it.
    struct Mark {
        let messages: Int64
        let statuses: Int64
    }

    /// The schema of the table and its indexes (migration v6).
    static let schema = """
        CREATE TABLE message_delivery (
            message INTEGER PRIMARY KEY REFERENCES messages(id),
            ts INTEGER NOT NULL,
            contact INTEGER NOT NULL REFERENCES contacts(id),
            reached INTEGER NOT NULL
        );
        CREATE INDEX message_delivery_ts ON message_delivery(ts, contact);
        CREATE INDEX message_delivery_reached ON message_delivery(ts, contact, reached) WHERE reached = 1;
        """

    /// The largest row ids of `messages` and `message_statuses` now (0 when empty).
    func mark() throws -> Mark {
        let row = try Row.fetchOne(
            db, sql: "SELECT (SELECT IFNULL(MAX(id), 0) FROM messages), (SELECT IFNULL(MAX(id), 0) FROM message_statuses)")
        return Mark(messages: row?[0] ?? 0, statuses: row?[1] ?? 0)
    }

    /// Fills the table from every stored message and status (the migration that made it).
    func rebuild() throws {
        try db.execute(sql: "DELETE FROM message_delivery")
        try addNamedByStatuses(after: 0)
    }

    /// Brings the table up to date after an import that started at `mark`: the messages it
    /// stored, the ones it `replaced` (row ids) and the statuses it stored.
    func refresh(since mark: Mark, replaced: Set<Int64>) throws {
        let now = try self.mark()
        let statusesStored = now.statuses > 0
        if !replaced.isEmpty {
            let delete = try db.cachedStatement(sql: "DELETE FROM message_delivery WHERE message = ?")
            let add = try db.cachedStatement(sql: Self.addMessages(where: "m.id = ?"))
            for message in replaced.sorted() {
                try delete.execute(arguments: [message])
                if statusesStored { try add.execute(arguments: [message]) }
            }
        }
        if statusesStored, now.messages > mark.messages {
            try db.execute(sql: Self.addMessages(where: "m.id > ?"), arguments: [mark.messages])
        }
        if now.statuses > mark.statuses { try addNamedByStatuses(after: mark.statuses) }
    }

    /// What a new row says of a message that is already listed: reached if either says so.
    private static let merge = "ON CONFLICT(message) DO UPDATE SET reached = MAX(reached, excluded.reached)"

    /// Whether the statuses of `messages m` include a `delivered` or a `read`.
    private static let reachedByStatus = """
        EXISTS (SELECT 1 FROM message_statuses r WHERE r.message_id = m.message_id AND r.status IN ('delivered', 'read'))
        """

    /// Adds (or marks reached) the stored outbound messages that the statuses with a row id
    /// above `status` name (a message named twice is merged by the upsert, row by row).
    private func addNamedByStatuses(after status: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO message_delivery(message, ts, contact, reached)
                SELECT m.id, m.ts, m.contact, s.status IN ('delivered', 'read')
                FROM message_statuses s JOIN messages m ON m.message_id = s.message_id
                WHERE s.id > ? AND m.inbound = 0
                \(Self.merge)
                """, arguments: [status])
    }

    /// Adds the messages matching `condition` (on `messages m`) that are outbound and have a
    /// status stored.
    private static func addMessages(where condition: String) -> String {
        """
        INSERT INTO message_delivery(message, ts, contact, reached)
        SELECT m.id, m.ts, m.contact, \(reachedByStatus) FROM messages m
        WHERE \(condition) AND m.inbound = 0 AND EXISTS (SELECT 1 FROM message_statuses s WHERE s.message_id = m.message_id)
        \(merge)
        """
    }
}

extension Store {
    /// The contacts reached by an outbound message in `range` (a `delivered` or `read`
    /// status), each reached message once: along the partial index `message_delivery_reached`,
    /// no message row read.
    static func forEachReachedMessage(
        _ reader: some SQLiteRowReader, in range: Range<Instant>, _ body: (_ contact: Int64, _ timestamp: Instant) throws -> Void
    ) throws {
        try reader.forEachSQLiteRow(
            """
            SELECT contact, ts FROM message_delivery INDEXED BY message_delivery_reached
            WHERE reached = 1 AND ts >= ? AND ts < ?
            """,
            [range.lowerBound, range.upperBound]
        ) { row in try body(row.int64(0), row.int64(1)) }
    }
}
