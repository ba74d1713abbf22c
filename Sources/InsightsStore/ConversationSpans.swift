import GRDB
import InsightsMetrics

/// Keeps the table `conversation_spans` equal to a replay of every contact's inbound messages
/// and conversation events (`ConversationReplay`), so that a report reads only the spans of
/// its period.
///
/// An import changes a contact's steps from some instant on (a new inbound message, a new
/// event, a message moved in time or to another contact). The spans that began before that
/// instant stay as they are, except that the last of them may have been closed at or after
/// it; everything from that instant on is replayed from the stored steps. An import that
/// appends a month of data to a contact replays that month only, not the contact's history.
struct ConversationSpans {
    let db: Database

    /// Brings the spans of each contact up to date, replaying its steps from the instant
    /// given for it (the earliest instant at which its steps changed).
    func refresh(_ changes: [ContactKey: Instant]) throws {
        let lastKept = try db.cachedStatement(
            sql: """
                SELECT id, opened_at, closed_at, reopen FROM conversation_spans
                WHERE contact = ? AND opened_at < ? ORDER BY opened_at DESC, id DESC LIMIT 1
                """)
        let delete = try db.cachedStatement(sql: "DELETE FROM conversation_spans WHERE contact = ? AND opened_at >= ?")
        let inbound = try db.cachedStatement(
            sql: "SELECT ts FROM messages WHERE contact = ? AND inbound = 1 AND ts >= ?")
        let events = try db.cachedStatement(
            sql: "SELECT event, ts, id FROM conversation_events WHERE contact = ? AND ts >= ?")
        let reclose = try db.cachedStatement(sql: "UPDATE conversation_spans SET closed_at = ? WHERE id = ?")
        let insert = try db.cachedStatement(
            sql: "INSERT INTO conversation_spans(contact, opened_at, closed_at, reopen) VALUES (?, ?, ?, ?)")

        for (contact, since) in changes.sorted(by: { $0.key < $1.key }) {
            // The state just before `since`: the last span that began before it, reopened if
            // it closed at or after `since` (that close is replayed again).
            var kept: (id: Int64, storedClose: Instant?, span: ConversationSpan)?
            if let row = try Row.fetchOne(lastKept, arguments: [contact, since]) {
                let closedAt: Instant? = row[2]
                kept = (
                    row[0], closedAt,
                    ConversationSpan(
                        contact: contact, openedAt: row[1], closedAt: closedAt.flatMap { $0 < since ? $0 : nil },
                        isReopen: row[3]))
            }
            try delete.execute(arguments: [contact, since])

            var steps: [ConversationStep] = []
            let messages = try Instant.fetchCursor(inbound, arguments: [contact, since])
            while let instant = try messages.next() { steps.append(.inbound(at: instant)) }
            let rows = try Row.fetchCursor(events, arguments: [contact, since])
            while let row = try rows.next() {
                guard let kind = ConversationEventKind(rawValue: row[0]) else { continue }
                steps.append(.event(kind, at: row[1], sequence: row[2]))
            }

            var replay = ConversationReplay(contact: contact, spans: kept.map { [$0.span] } ?? [])
            replay.apply(steps)
            var spans = replay.spans[...]
            if let kept, let first = spans.popFirst(), first.closedAt != kept.storedClose {
                try reclose.execute(arguments: [first.closedAt, kept.id])
            }
            for span in spans {
                try insert.execute(arguments: [contact, span.openedAt, span.closedAt, span.isReopen])
            }
        }
    }
}
