import GRDB
import InsightsMetrics

/// The derived table `message_reach`: one row (the message's row id, instant and contact) per
/// stored outbound message with a `delivered` or a `read` status, the messages that reached
/// someone. A report counts the reached users of the summary trend's earlier periods and of
/// the previous period along its index `message_reach_ts (ts, contact)`; the period's own
/// delivery funnel still reads every outbound message with its statuses.
///
/// Kept up to date by every import, whichever comes first: a status names its message by id
/// and may be imported before it, so new statuses add the stored messages they reach, and new
/// messages are looked up among the stored statuses. A message replaced by a later import may
/// change its contact, instant or direction: its row is worked out again.
struct MessageReach {
    let db: Database

    /// Where an import started: the largest message and status row ids before it.
    struct Mark {
        let messages: Int64
        let statuses: Int64
    }

    /// The largest row ids of `messages` and `message_statuses` now (0 when empty).
    func mark() throws -> Mark {
        let row = try Row.fetchOne(
            db, sql: "SELECT (SELECT IFNULL(MAX(id), 0) FROM messages), (SELECT IFNULL(MAX(id), 0) FROM message_statuses)")
        return Mark(messages: row?[0] ?? 0, statuses: row?[1] ?? 0)
    }

    /// Fills the table from every stored message and status (the migration that made it).
    func rebuild() throws {
        try db.execute(sql: "DELETE FROM message_reach")
        try addReachedByStatuses(after: 0)
    }

    /// Brings the table up to date after an import that started at `mark`: the messages it
    /// stored, the ones it `replaced` (row ids) and the statuses it stored.
    func refresh(since mark: Mark, replaced: Set<Int64>) throws {
        let now = try self.mark()
        let statusesStored = now.statuses > 0
        if !replaced.isEmpty {
            let delete = try db.cachedStatement(sql: "DELETE FROM message_reach WHERE message = ?")
            let add = try db.cachedStatement(sql: Self.addMessages(where: "m.id = ?"))
            for message in replaced.sorted() {
                try delete.execute(arguments: [message])
                if statusesStored { try add.execute(arguments: [message]) }
            }
        }
        if statusesStored, now.messages > mark.messages {
            try db.execute(sql: Self.addMessages(where: "m.id > ?"), arguments: [mark.messages])
        }
        if now.statuses > mark.statuses { try addReachedByStatuses(after: mark.statuses) }
    }

    /// Adds the stored outbound messages that the statuses with a row id above `status`
    /// reached.
    private func addReachedByStatuses(after status: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO message_reach(message, ts, contact)
                SELECT m.id, m.ts, m.contact FROM message_statuses s JOIN messages m ON m.message_id = s.message_id
                WHERE s.id > ? AND s.status IN ('delivered', 'read') AND m.inbound = 0
                """, arguments: [status])
    }

    /// Adds the messages matching `condition` (on `messages m`) that are outbound and have a
    /// `delivered` or `read` status stored.
    private static func addMessages(where condition: String) -> String {
        """
        INSERT OR IGNORE INTO message_reach(message, ts, contact)
        SELECT m.id, m.ts, m.contact FROM messages m
        WHERE \(condition) AND m.inbound = 0 AND EXISTS (
            SELECT 1 FROM message_statuses s WHERE s.message_id = m.message_id AND s.status IN ('delivered', 'read'))
        """
    }
}

extension Store {
    /// The contacts of `message_reach` (reached by an outbound message) in `range`, each
    /// reached message once: along the index `message_reach_ts`, no message row read.
    static func forEachReachedMessage(
        _ db: Database, in range: Range<Instant>, _ body: (_ contact: Int64, _ timestamp: Instant) throws -> Void
    ) throws {
        try db.forEachSQLiteRow(
            "SELECT contact, ts FROM message_reach INDEXED BY message_reach_ts WHERE ts >= ? AND ts < ?",
            [range.lowerBound, range.upperBound]
        ) { row in try body(row.int64(0), row.int64(1)) }
    }
}
