import GRDB
import InsightsImport
import InsightsMetrics

extension Store {
    /// Reads the stored records in one consistent snapshot: `body` gets an `ExportSnapshot`
    /// whose rows all come from the same moment, even if an import runs meanwhile.
    ///
    /// Errors thrown by `body` (say, a file that cannot be written) are rethrown as they are;
    /// SQLite's errors become `StoreError`.
    public func withExportSnapshot<T>(_ body: (ExportSnapshot) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(ExportSnapshot(db: db, path: path)) }
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, message: error.description)
        }
    }
}

/// The stored records as import records, read with cursors (a row at a time, never a
/// whole table) inside `Store.withExportSnapshot`.
///
/// Each kind comes in the order it was stored (by row id), so importing the records in this
/// order rebuilds the same database; goals and behaviours come in their listing order, with
/// that order (1, 2, …) as their `position`, and conversation events carry their replay order
/// among the contact's events at the same instant as `seq`, and Journey results their order
/// among the contact's answers to the question at the same instant as `seq`, so that a copy
/// without row order (a warehouse table) lists, replays and picks newest answers the same way. A contact's fields come in the
/// order they were given. Derived columns
/// (`contacts.region`, `contacts.first_inbound_at`) are left out: import computes them.
/// A contact created implicitly by a message (no contacts row) comes back as a contact with
/// only its id, which imports to the same stored contact.
public struct ExportSnapshot {
    let db: Database
    let path: String

    /// Calls `body` with every stored record of `kind`, in storage order.
    public func forEachRecord(of kind: RecordKind, _ body: (ImportRecord) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: Self.query(kind))
        if kind == .contacts {
            // The fields of every contact, in contact order, merged with the contacts.
            let fields = try Row.fetchCursor(
                db, sql: "SELECT contact, field, value FROM contact_fields ORDER BY contact, id")
            var pending: Row? = try fields.next()
            while let row = try cursor.next() {
                let key: Int64 = row[7]
                var contactFields: [ContactField] = []
                while let field = pending, (field[0] as Int64) <= key {
                    if (field[0] as Int64) == key { contactFields.append(ContactField(field[1], field[2])) }
                    pending = try fields.next()
                }
                try body(
                    .contact(
                        ContactRecord(
                            contactID: row[0], phone: row[1], country: row[2], createdAt: row[3], optedInAt: row[4],
                            optedOutAt: row[5], fields: contactFields)))
            }
            return
        }
        while let row = try cursor.next() {
            try body(try record(kind, row))
        }
    }

    /// The number of stored records of `kind`.
    public func count(of kind: RecordKind) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.rawValue)") ?? 0
    }

    private static func query(_ kind: RecordKind) -> String {
        switch kind {
        case .contacts:
            "SELECT contact_id, phone, country, created_at, opted_in_at, opted_out_at, NULL, id FROM contacts ORDER BY id"
        case .messages:
            """
            SELECT m.message_id, c.contact_id, m.inbound, m.ts, m.author_type, m.author_id, m.author_name
            FROM messages m JOIN contacts c ON c.id = m.contact ORDER BY m.id
            """
        case .conversationEvents:
            """
            SELECT c.contact_id, e.event, e.ts, e.actor_id, e.actor_name, \(ConversationSpans.replaySequence("e"))
            FROM conversation_events e JOIN contacts c ON c.id = e.contact ORDER BY e.id
            """
        case .goals:
            """
            SELECT goal_id, name, description, ROW_NUMBER() OVER (ORDER BY position IS NULL, position, id) AS listed
            FROM goals ORDER BY listed
            """
        case .behaviours:
            """
            SELECT behaviour_id, goal_id, name, ROW_NUMBER() OVER (ORDER BY position IS NULL, position, id) AS listed
            FROM behaviours ORDER BY listed
            """
        case .goalEvents:
            """
            SELECT c.contact_id, e.goal_id, e.behaviour_id, e.event, e.ts
            FROM goal_events e JOIN contacts c ON c.id = e.contact ORDER BY e.id
            """
        case .messageStatuses:
            "SELECT message_id, status, ts, error FROM message_statuses ORDER BY id"
        case .journeyRuns:
            """
            SELECT r.run_id, c.contact_id, r.journey_id, r.journey_name, r.started_at, r.ended_at, r.outcome, r.last_step
            FROM journey_runs r JOIN contacts c ON c.id = r.contact ORDER BY r.id
            """
        case .journeyResults:
            """
            SELECT c.contact_id, r.journey_id, r.run_id, r.question, r.answer, r.ts, \(Store.resultOrder("r")) AS seq
            FROM journey_results r JOIN contacts c ON c.id = r.contact ORDER BY r.id
            """
        }
    }

    private func record(_ kind: RecordKind, _ row: Row) throws -> ImportRecord {
        switch kind {
        case .contacts:
            return .contact(
                ContactRecord(
                    contactID: row[0], phone: row[1], country: row[2], createdAt: row[3], optedInAt: row[4],
                    optedOutAt: row[5]))
        case .messages:
            let inbound: Bool = row[2]
            var authorType: AuthorType?
            if let text: String = row[4] {
                authorType = try known(AuthorType(rawValue: text), "messages.author_type", text)
            }
            return .message(
                MessageRecord(
                    messageID: row[0], contactID: row[1], inbound: inbound, timestamp: row[3],
                    authorType: authorType, authorID: row[5], authorName: row[6]))
        case .conversationEvents:
            let text: String = row[1]
            let event = try known(ConversationEventKind(rawValue: text), "conversation_events.event", text)
            return .conversationEvent(
                ConversationEventRecord(
                    contactID: row[0], event: event, timestamp: row[2], actorID: row[3], actorName: row[4], seq: row[5]))
        case .goals:
            return .goal(GoalRecord(goalID: row[0], name: row[1], description: row[2], position: row[3]))
        case .behaviours:
            return .behaviour(BehaviourRecord(behaviourID: row[0], goalID: row[1], name: row[2], position: row[3]))
        case .goalEvents:
            let text: String = row[3]
            let event = try known(GoalEventKind(rawValue: text), "goal_events.event", text)
            return .goalEvent(
                GoalEventRecord(contactID: row[0], goalID: row[1], behaviourID: row[2], event: event, timestamp: row[4]))
        case .messageStatuses:
            let text: String = row[1]
            let status = try known(DeliveryStatus(rawValue: text), "message_statuses.status", text)
            return .messageStatus(MessageStatusRecord(messageID: row[0], status: status, timestamp: row[2], error: row[3]))
        case .journeyRuns:
            var outcome: JourneyOutcome?
            if let text: String = row[6] {
                outcome = try known(JourneyOutcome(rawValue: text), "journey_runs.outcome", text)
            }
            return .journeyRun(
                JourneyRunRecord(
                    runID: row[0], contactID: row[1], journeyID: row[2], journeyName: row[3], startedAt: row[4],
                    endedAt: row[5], outcome: outcome, lastStep: row[7]))
        case .journeyResults:
            return .journeyResult(
                JourneyResultRecord(
                    contactID: row[0], journeyID: row[1], runID: row[2], question: row[3], answer: row[4], timestamp: row[5],
                    seq: row[6]))
        }
    }

    private func known<T>(_ value: T?, _ column: String, _ text: String) throws(StoreError) -> T {
        guard let value else {
            throw StoreError.sqlite(path: path, message: "\(column) holds \"\(text)\", which this Insights does not know")
        }
        return value
    }
}
