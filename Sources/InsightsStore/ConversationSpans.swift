import GRDB
import InsightsMetrics

/// Keeps the derived data of contacts whose messages or conversation events changed:
/// `contacts.first_inbound_at`, and the table `conversation_spans` equal to a replay of every
/// contact's inbound messages and conversation events (`ConversationReplay`), so that a
/// report reads only the spans of its period.
///
/// An import changes a contact's steps from some instant on (a new inbound message, a new
/// event, a message moved in time or to another contact). The spans that began before that
/// instant stay as they are, except that the last of them may have been closed at or after
/// it; everything from that instant on is replayed from the stored steps. An import that
/// appends a month of data to a contact replays that month only, not the contact's history.
///
/// The contacts are handled in bulk: they go into a temporary table, and each kind of row
/// is read for all of them in one statement (a join, in contact order), so a file that
/// touches a million contacts costs a handful of statements, not millions.
struct ConversationSpans {
    let db: Database

    /// Brings the derived data of each contact up to date, replaying its steps from the
    /// instant given for it (the earliest instant at which its steps changed).
    ///
    /// - Parameter messagesChanged: false when only conversation events changed: a contact's
    ///   first inbound message is then as stored, and is not worked out again.
    func refresh(_ changes: [ContactKey: Instant], messagesChanged: Bool = true) throws {
        guard !changes.isEmpty else { return }
        // The migrations "v2" and "v3" replay with this code before the later migrations have
        // added `conversation_spans.by_inbound` (v3) and `conversation_events.seq` (v4).
        let hasOpener = try db.columns(in: "conversation_spans").contains { $0.name == "by_inbound" }
        let hasSeq = try db.columns(in: "conversation_events").contains { $0.name == "seq" }
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS changed_contacts (
                    contact INTEGER PRIMARY KEY, since INTEGER NOT NULL);
                DELETE FROM temp.changed_contacts;
                """)
        // Written 64 rows to an INSERT, as the spans below (`InsertBatch`): a file that
        // touches every contact writes a row for each.
        var changed = InsertBatch<(ContactKey, Instant)>(into: "temp.changed_contacts", columns: ["contact", "since"]) {
            statement, base, change in
            statement.bind(base + 1, change.0)
            statement.bind(base + 2, change.1)
        }
        let sortedChanges = changes.sorted { $0.key < $1.key }
        for change in sortedChanges where changed.add(change) { _ = try changed.write(db: db) }
        _ = try changed.write(db: db)
        let contacts = sortedChanges.map(\.key)
        if messagesChanged {
            try db.execute(
                sql: """
                    UPDATE contacts SET first_inbound_at =
                        (SELECT MIN(ts) FROM messages WHERE contact = contacts.id AND inbound = 1)
                    WHERE id IN (SELECT contact FROM temp.changed_contacts)
                    """)
        }

        // The state just before each contact's instant: the last span that began before it.
        let kept = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.contact, s.id, s.opened_at, s.closed_at, s.reopen, c.since, \(hasOpener ? "s.by_inbound" : "0")
                FROM temp.changed_contacts c CROSS JOIN conversation_spans s
                ON s.id = (SELECT id FROM conversation_spans WHERE contact = c.contact AND opened_at < c.since
                           ORDER BY opened_at DESC, id DESC LIMIT 1)
                ORDER BY c.contact
                """
        ).map { row -> (contact: ContactKey, id: Int64, storedClose: Instant?, span: ConversationSpan) in
            let since: Instant = row[5]
            let closedAt: Instant? = row[3]
            // A close at or after the instant is replayed again.
            let span = ConversationSpan(
                contact: row[0], openedAt: row[2], closedAt: closedAt.flatMap { $0 < since ? $0 : nil }, isReopen: row[4],
                openedByInbound: row[6])
            return (row[0], row[1], closedAt, span)
        }
        var keptSpans: [ContactKey: (id: Int64, storedClose: Instant?, span: ConversationSpan)] = [:]
        while let entry = try kept.next() { keptSpans[entry.contact] = (entry.id, entry.storedClose, entry.span) }

        try db.execute(
            sql: """
                DELETE FROM conversation_spans WHERE id IN (
                    SELECT s.id FROM temp.changed_contacts c CROSS JOIN conversation_spans s
                    ON s.contact = c.contact AND s.opened_at >= c.since)
                """)

        // Every step from each contact's instant on, read in contact order (the outer loop of
        // each join is the temporary table, by its key) and merged contact by contact.
        var inbound = Peeking(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.contact, m.ts FROM temp.changed_contacts c CROSS JOIN messages m
                    ON m.contact = c.contact AND m.inbound = 1 AND m.ts >= c.since
                    """
            ).map { row -> (ContactKey, ConversationStep) in (row[0], .inbound(at: row[1])) })
        var events = Peeking(
            try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.contact, e.event, e.ts, \(hasSeq ? Self.replaySequence("e") : "e.id")
                    FROM temp.changed_contacts c CROSS JOIN conversation_events e
                    ON e.contact = c.contact AND e.ts >= c.since
                    ORDER BY e.contact
                    """
            ).map { row -> (ContactKey, ConversationStep) in
                let kind = ConversationEventKind(rawValue: row[1]) ?? .opened  // the schema allows no other
                return (row[0], .event(kind, at: row[2], sequence: row[3]))
            })

        let reclose = try db.cachedStatement(sql: "UPDATE conversation_spans SET closed_at = ? WHERE id = ?")
        var insert = InsertBatch<ConversationSpan>(
            into: "conversation_spans",
            columns: ["contact", "opened_at", "closed_at", "reopen"] + (hasOpener ? ["by_inbound"] : [])
        ) { statement, base, span in
            statement.bind(base + 1, span.contact)
            statement.bind(base + 2, span.openedAt)
            statement.bind(base + 3, span.closedAt)
            statement.bind(base + 4, span.isReopen ? 1 : 0)
            if hasOpener { statement.bind(base + 5, span.openedByInbound ? 1 : 0) }
        }
        var steps: [ConversationStep] = []
        for contact in contacts {
            steps.removeAll(keepingCapacity: true)
            while let (_, step) = try inbound.next(ifFor: contact) { steps.append(step) }
            while let (_, step) = try events.next(ifFor: contact) { steps.append(step) }
            let kept = keptSpans[contact]
            var replay = ConversationReplay(contact: contact, spans: kept.map { [$0.span] } ?? [])
            replay.apply(steps)
            var spans = replay.spans[...]
            if let kept, let first = spans.popFirst(), first.closedAt != kept.storedClose {
                try reclose.execute(arguments: [first.closedAt, kept.id])
            }
            for span in spans where insert.add(span) { _ = try insert.write(db: db) }
        }
        _ = try insert.write(db: db)
        try inbound.requireEnd()
        try events.requireEnd()
        try db.execute(sql: "DELETE FROM temp.changed_contacts")
    }
}

extension ConversationSpans {
    /// The SQL of an event's position in replay order among its contact's events at the same
    /// instant (1, 2, …), for the `conversation_events` row aliased `alias`: by `seq` (lower
    /// first), then events without `seq`, in import order (row id). Every read of the whole
    /// (contact, ts) group gives the same numbers: the replay, the close events of a period
    /// and the export's `seq` column.
    static func replaySequence(_ alias: String) -> String {
        "ROW_NUMBER() OVER (PARTITION BY \(alias).contact, \(alias).ts ORDER BY \(alias).seq IS NULL, \(alias).seq, \(alias).id)"
    }
}

/// A cursor of (contact, step) rows in contact order, read one contact at a time.
private struct Peeking<Base: Cursor> where Base.Element == (ContactKey, ConversationStep) {
    var base: Base
    var pending: (ContactKey, ConversationStep)?

    init(_ base: Base) {
        self.base = base
    }

    /// The next row if it belongs to `contact`. Contacts are asked for in ascending order,
    /// so a row of an earlier contact would have been skipped: that is an error, never a
    /// silent loss.
    mutating func next(ifFor contact: ContactKey) throws -> (ContactKey, ConversationStep)? {
        if pending == nil { pending = try base.next() }
        guard let row = pending else { return nil }
        guard row.0 >= contact else { throw Self.outOfOrder }
        guard row.0 == contact else { return nil }
        pending = nil
        return row
    }

    /// Throws unless every row was taken.
    mutating func requireEnd() throws {
        if pending == nil { pending = try base.next() }
        if pending != nil { throw Self.outOfOrder }
    }

    private static var outOfOrder: DatabaseError {
        DatabaseError(resultCode: .SQLITE_INTERNAL, message: "conversation steps were not read in contact order")
    }
}
