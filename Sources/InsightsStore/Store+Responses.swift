import GRDB
import InsightsMetrics

/// The reads of the response-times block. Each `Database` function runs inside the caller's
/// read; the `Store` functions of the same name open a read.
extension Store {
    /// The `coach` outbound messages sent in `range`, by timestamp then `message_id` (the
    /// partial index `messages_coach (ts, message_id, contact, author_id, author_name,
    /// author_type)` alone, already in that order).
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

    /// The `coach` messages of `range` in (instant, `message_id`) order. With `ids: false`
    /// (a report's read) their ids are left empty: the rows' order is the ids' order, which
    /// is all a report uses them for (`CoachMessageRow.messageID`), and a month of a large
    /// helpline's ids would be a tenth of its report's memory.
    static func coachMessages(_ db: Database, in range: Range<Instant>, ids: Bool = true) throws -> [CoachMessageRow] {
        var rows: [CoachMessageRow] = []
        let arguments = [range.lowerBound, range.upperBound]
        rows.reserveCapacity(try db.count(coachCountSQL, arguments))
        try db.forEachSQLiteRow(
            "SELECT message_id, contact, ts, author_id, author_name \(coachRangeSQL) ORDER BY ts, message_id", arguments
        ) { row in
            rows.append(
                CoachMessageRow(
                    messageID: ids ? row.string(0) ?? "" : "", contact: row.int64(1), timestamp: row.int64(2),
                    authorID: row.string(3), authorName: row.string(4)))
        }
        return rows
    }

    /// The `coach` messages of a range (`?1`, `?2`), along the partial index `messages_coach`:
    /// the `FROM … WHERE` of every read of them and of their count.
    static let coachRangeSQL = "FROM messages INDEXED BY messages_coach WHERE author_type = 'coach' AND ts >= ?1 AND ts < ?2"

    /// How many `coach` messages of a range there are, from the partial index alone.
    static let coachCountSQL = "SELECT COUNT(*) \(coachRangeSQL)"

    static func closeEvents(_ db: Database, in range: Range<Instant>) throws -> [CloseEventRow] {
        // Every event of the period is read in time order and numbered among its contact's
        // events at that instant in replay order (`ConversationSpans.replaySequence`: by
        // `seq`, then events without one in import order, a close's position counting the
        // reopens and opens beside it), then the closes are kept. The numbering is done here,
        // an instant at a time, because SQL's window function sorted every event of the period
        // first (1.5 s of a month's report on 10M messages).
        var rows: [CloseEventRow] = []
        // Room for every event of the range (from the time index alone; most are closes), so
        // the array is made once.
        rows.reserveCapacity(
            try db.count(
                "SELECT COUNT(*) FROM conversation_events INDEXED BY conversation_events_ts WHERE ts >= ?1 AND ts < ?2",
                [range.lowerBound, range.upperBound]))
        var instant: Instant?
        var atInstant: [InstantEvent] = []
        func number() {
            guard let instant else { return }
            atInstant.sort()
            var contact: ContactKey?
            var position: Int64 = 0
            for event in atInstant {
                if event.contact != contact { (contact, position) = (event.contact, 0) }
                position += 1
                if event.isClose {
                    rows.append(
                        CloseEventRow(contact: event.contact, timestamp: instant, actorID: event.actorID, sequence: position))
                }
            }
            atInstant.removeAll(keepingCapacity: true)
        }
        try db.forEachSQLiteRow(
            """
            SELECT ts, contact, event = 'closed', seq, id, actor_id FROM conversation_events INDEXED BY conversation_events_ts
            WHERE ts >= ? AND ts < ? ORDER BY ts
            """, [range.lowerBound, range.upperBound]
        ) { row in
            let timestamp = row.int64(0)
            if timestamp != instant {
                number()
                instant = timestamp
            }
            let isClose = row.int64(2) != 0
            atInstant.append(
                InstantEvent(
                    contact: row.int64(1), seq: row.optionalInt64(3), id: row.int64(4), isClose: isClose,
                    actorID: isClose ? row.string(5) : nil))
        }
        number()
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

/// A conversation event of one instant, in the order the replay takes a contact's events:
/// by contact, then `seq` (events without one last), then row id (import order).
private struct InstantEvent: Comparable {
    let contact: ContactKey
    let seq: Int64?
    let id: Int64
    let isClose: Bool
    let actorID: String?

    static func < (lhs: InstantEvent, rhs: InstantEvent) -> Bool {
        (lhs.contact, lhs.seq == nil ? 1 : 0, lhs.seq ?? 0, lhs.id) < (rhs.contact, rhs.seq == nil ? 1 : 0, rhs.seq ?? 0, rhs.id)
    }

    static func == (lhs: InstantEvent, rhs: InstantEvent) -> Bool { lhs.id == rhs.id }
}
