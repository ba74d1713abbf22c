import GRDB
import InsightsMetrics

/// The reads of the response-times block. Each `Database` function runs inside the caller's
/// read; the `Store` functions of the same name open a read.
extension Store {
    /// The `coach` outbound messages sent in `range`, by timestamp then `message_id` (the
    /// partial index `messages_coach`).
    public func coachMessages(in range: Range<Instant>) throws(StoreError) -> [CoachMessageRow] {
        try wrap { try queue.read { db in try Self.coachMessages(db, in: range) } }
    }

    /// The `closed` conversation events in `range`, by timestamp, contact and `sequence`:
    /// the event's position in replay order among its contact's events at that instant
    /// (by `seq`, then events without one in import order), the order the span replay uses.
    public func closeEvents(in range: Range<Instant>) throws(StoreError) -> [CloseEventRow] {
        try wrap { try queue.read { db in try Self.closeEvents(db, in: range) } }
    }

    /// For each author id of `authorIDs` with a named message: the `author_name` of its newest
    /// message (by timestamp, then `message_id`) that has one, over all stored messages, as
    /// top authors resolve names (one seek of `messages_author_named` per author).
    public func authorNames(for authorIDs: some Sequence<String>) throws(StoreError) -> [String: String] {
        try wrap { try queue.read { db in try Self.authorNames(db, for: authorIDs) } }
    }

    static func coachMessages(_ db: Database, in range: Range<Instant>) throws -> [CoachMessageRow] {
        var rows: [CoachMessageRow] = []
        try db.forEachSQLiteRow(
            """
            SELECT message_id, contact, ts, author_id, author_name FROM messages INDEXED BY messages_coach
            WHERE author_type = 'coach' AND ts >= ? AND ts < ? ORDER BY ts, message_id
            """, [range.lowerBound, range.upperBound]
        ) { row in
            guard let id = row.string(0) else { return }
            rows.append(
                CoachMessageRow(
                    messageID: id, contact: row.int64(1), timestamp: row.int64(2), authorID: row.string(3),
                    authorName: row.string(4)))
        }
        return rows
    }

    static func closeEvents(_ db: Database, in range: Range<Instant>) throws -> [CloseEventRow] {
        var rows: [CloseEventRow] = []
        // Every event of the period is numbered (a close's position counts the reopens and
        // opens at its instant), then the closes are kept.
        try db.forEachSQLiteRow(
            """
            SELECT contact, ts, actor_id, sequence FROM (
                SELECT e.contact, e.ts, e.actor_id, e.event, \(ConversationSpans.replaySequence("e")) AS sequence
                FROM conversation_events e WHERE e.ts >= ? AND e.ts < ?)
            WHERE event = 'closed' ORDER BY ts, contact, sequence
            """, [range.lowerBound, range.upperBound]
        ) { row in
            rows.append(
                CloseEventRow(contact: row.int64(0), timestamp: row.int64(1), actorID: row.string(2), sequence: row.int64(3)))
        }
        return rows
    }

    static func authorNames(_ db: Database, for authorIDs: some Sequence<String>) throws -> [String: String] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT author_name FROM messages INDEXED BY messages_author_named
                WHERE author_id = ? AND author_name IS NOT NULL
                ORDER BY ts DESC, message_id DESC LIMIT 1
                """)
        var names: [String: String] = [:]
        for id in Set(authorIDs).sorted() {
            if let name = try String.fetchOne(statement, arguments: [id]) { names[id] = name }
        }
        return names
    }
}
