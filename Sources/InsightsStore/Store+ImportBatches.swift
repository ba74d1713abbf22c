import GRDB
import InsightsImport
import InsightsMetrics

/// A message on its way into `messages`: the record and its contact's row id.
struct PendingMessage {
    let contact: Int64
    let record: MessageRecord

    /// The columns of `messages` an import writes, in `bind`'s order.
    static let columns = ["contact", "inbound", "ts", "author_type", "author_id", "author_name", "message_id"]

    /// Binds a message's values to the parameters `base + 1 …` of a batch.
    static func bind(_ statement: BoundStatement, base: Int32, message: PendingMessage) {
        let record = message.record
        statement.bind(base + 1, message.contact)
        statement.bind(base + 2, record.inbound ? 1 : 0)
        statement.bind(base + 3, record.timestamp)
        statement.bind(base + 4, record.authorType?.rawValue)
        statement.bind(base + 5, record.authorID)
        statement.bind(base + 6, record.authorName)
        statement.bind(base + 7, record.messageID)
    }
}

extension RowWriter {
    /// Writes the messages held back, then replaces the stored rows of those that were not
    /// inserted, in file order: exactly what writing them one by one would leave.
    ///
    /// Messages are written 64 to an `INSERT` (`InsertBatch`): the table has five indexes,
    /// and a one-row statement opens and closes a cursor on each of them for every row.
    /// A message whose id is stored already (or came earlier in the same batch) conflicts
    /// and is not inserted. When a batch inserts fewer rows than it holds, each of its rows
    /// reads its stored row back: a row stored under an id the batch inserted, by the first
    /// row of the batch with that id, is that row; every other is replaced.
    mutating func flushMessages() throws {
        guard let written = try messages.write(db: db), written.inserted < written.rows.count else { return }
        var seen: Set<String> = []
        for message in written.rows {
            let record = message.record
            let first = seen.insert(record.messageID).inserted
            guard let previous = try Row.fetchOne(contactOfMessage, arguments: [record.messageID]) else {
                throw DatabaseError(
                    resultCode: .SQLITE_INTERNAL, message: "message \(record.messageID) was neither inserted nor stored")
            }
            let (before, at, id, inbound): (Int64, Instant, Int64, Bool) = (previous[0], previous[1], previous[2], previous[3])
            if first, written.insertedRowIDs?.contains(id) == true { continue }
            replacedInBatches += 1
            touch(before, at: at)
            touch(message.contact, at: at)
            // `message_delivery` holds a message's contact, instant and direction (its
            // statuses are found by its unchanged id): only a change of those is redone.
            if before != message.contact || at != record.timestamp || inbound != record.inbound {
                replacedMessages.insert(id)
            }
            try updateMessage.execute(arguments: [
                message.contact, record.inbound ? 1 : 0, record.timestamp, record.authorType?.rawValue, record.authorID,
                record.authorName, record.messageID,
            ])
        }
    }
}

/// A conversation event or a goal event on its way into its table, with its contact's row id.
struct PendingEvent<Record> {
    let contact: Int64
    let record: Record
}

extension PendingEvent<ConversationEventRecord> {
    static let columns = ["actor_id", "actor_name", "seq", "contact", "event", "ts"]

    static func bind(_ statement: BoundStatement, base: Int32, event: Self) {
        statement.bind(base + 1, event.record.actorID)
        statement.bind(base + 2, event.record.actorName)
        statement.bind(base + 3, event.record.seq)
        statement.bind(base + 4, event.contact)
        statement.bind(base + 5, event.record.event.rawValue)
        statement.bind(base + 6, event.record.timestamp)
    }
}

extension PendingEvent<GoalEventRecord> {
    static let columns = ["contact", "goal_id", "behaviour_id", "event", "ts"]

    static func bind(_ statement: BoundStatement, base: Int32, event: Self) {
        statement.bind(base + 1, event.contact)
        statement.bind(base + 2, event.record.goalID)
        statement.bind(base + 3, event.record.behaviourID)
        statement.bind(base + 4, event.record.event.rawValue)
        statement.bind(base + 5, event.record.timestamp)
    }
}

extension RowWriter {
    /// Writes the conversation events held back. An event of the same contact, kind and
    /// instant as a stored one (or an earlier one of the batch) replaces its actor and
    /// sequence number: the last values given for the same event.
    mutating func flushConversationEvents() throws {
        replacedInBatches += try conversationEvents.write(
            db: db,
            replacingWith:
                "UPDATE conversation_events SET actor_id = ?, actor_name = ?, seq = ? WHERE contact = ? AND event = ? AND ts = ?"
        ) { event in
            [
                event.record.actorID, event.record.actorName, event.record.seq, event.contact, event.record.event.rawValue,
                event.record.timestamp,
            ]
        }
    }

    /// Writes the goal events held back: one identical to a stored one (or to an earlier one
    /// of the batch) is the same event, and is not stored again.
    mutating func flushGoalEvents() throws {
        guard let written = try goalEvents.write(db: db) else { return }
        replacedInBatches += written.rows.count - written.inserted
    }

    /// Writes the statuses held back (statuses are the largest table a service has). A status
    /// identical in message, status and instant to a stored one (or to an earlier one of the
    /// batch) replaces its error: the last error given for the same status.
    mutating func flushStatuses() throws {
        replacedInBatches += try statuses.write(
            db: db, replacingWith: "UPDATE message_statuses SET error = ? WHERE message_id = ? AND status = ? AND ts = ?"
        ) { status in [status.error, status.messageID, status.status.rawValue, status.timestamp] }
    }
}

extension MessageStatusRecord {
    /// The columns of `message_statuses` an import writes, in `bind`'s order.
    static let columns = ["error", "message_id", "status", "ts"]

    /// Binds a status's values to the parameters `base + 1 …` of a batch.
    static func bind(_ statement: BoundStatement, base: Int32, status: Self) {
        statement.bind(base + 1, status.error)
        statement.bind(base + 2, status.messageID)
        statement.bind(base + 3, status.status.rawValue)
        statement.bind(base + 4, status.timestamp)
    }
}
