import GRDB
import InsightsMetrics

/// The reads of the reach, delivery and consent block. Each `Database` function runs inside
/// the caller's read; the `Store` functions of the same name open a read.
extension Store {
    /// The outbound messages sent in `range` that have a status, by timestamp then import
    /// order, each with every status stored for it at any time (by the status's timestamp,
    /// then import order); a message without any status is not listed.
    ///
    /// Read along `message_delivery_ts` (see `MessageDelivery`), each row joined to its
    /// message by row id and to its statuses along the unique index of `message_statuses`
    /// (message_id, status, ts), so a status imported before its message counts once the
    /// message is stored.
    public func outboundDeliveries(in range: Range<Instant>) throws(StoreError) -> [OutboundDeliveryRow] {
        try wrap { try queue.read { db in try Self.outboundDeliveries(db, in: range) } }
    }

    /// Whether any message status is stored at all (a service that imports none reports
    /// `reached_users` as null).
    public func hasMessageStatuses() throws(StoreError) -> Bool {
        try wrap { try queue.read { db in try Self.hasMessageStatuses(db) } }
    }

    /// The consent times of every contact that has an `opted_in_at` or an `opted_out_at`, by
    /// contact; empty when none has either (consent is then null).
    public func consentRows() throws(StoreError) -> [ConsentRow] {
        try wrap { try queue.read { db in try Self.consentRows(db) } }
    }

    /// Whether any contact has an `opted_in_at` or an `opted_out_at`.
    public func hasConsentTimes() throws(StoreError) -> Bool {
        try wrap { try queue.read { db in try Self.hasConsentTimes(db) } }
    }

    static func outboundDeliveries(_ db: Database, in range: Range<Instant>) throws -> [OutboundDeliveryRow] {
        var rows: [OutboundDeliveryRow] = []
        try forEachOutboundDelivery(db, in: range) { rows.append($0) }
        return rows
    }

    /// `outboundDeliveries(_:in:)` one message at a time, in the same order, without holding
    /// them all: a month of a large helpline has millions of outbound messages, and the report
    /// only counts them (`DeliveryTally`).
    static func forEachOutboundDelivery(
        _ db: Database, in range: Range<Instant>, _ body: (OutboundDeliveryRow) throws -> Void
    ) throws {
        var pending: OutboundDeliveryRow?
        var lastMessage: Int64?
        try db.forEachSQLiteRow(
            """
            SELECT d.message, d.contact, d.ts, m.author_type, s.status, s.ts, s.error
            FROM message_delivery d INDEXED BY message_delivery_ts
            JOIN messages m ON m.id = d.message JOIN message_statuses s ON s.message_id = m.message_id
            WHERE d.ts >= ? AND d.ts < ?
            ORDER BY d.ts, d.message, s.ts, s.id
            """, [range.lowerBound, range.upperBound]
        ) { row in
            let message = row.int64(0)
            if message != lastMessage {
                if let done = pending { try body(done) }
                let text = row.string(3) ?? ""
                guard let type = AuthorType(rawValue: text) else { throw unknownValue("messages.author_type", text) }
                pending = OutboundDeliveryRow(contact: row.int64(1), timestamp: row.int64(2), authorType: type, statuses: [])
                lastMessage = message
            }
            guard let text = row.string(4) else { return }
            guard let status = DeliveryStatus(rawValue: text) else { throw unknownValue("message_statuses.status", text) }
            pending?.statuses.append(MessageStatusRow(status: status, timestamp: row.int64(5), error: row.string(6)))
        }
        if let done = pending { try body(done) }
    }

    static func hasMessageStatuses(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message_statuses)") ?? false
    }

    /// Read along the partial index `contacts_consent` (only the contacts with a time).
    static func consentRows(_ db: Database) throws -> [ConsentRow] {
        var rows: [ConsentRow] = []
        try db.forEachSQLiteRow(
            """
            SELECT id, opted_in_at, opted_out_at FROM contacts
            WHERE opted_in_at IS NOT NULL OR opted_out_at IS NOT NULL ORDER BY id
            """
        ) { row in
            rows.append(ConsentRow(contact: row.int64(0), optedInAt: row.optionalInt64(1), optedOutAt: row.optionalInt64(2)))
        }
        return rows
    }

    static func hasConsentTimes(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM contacts WHERE opted_in_at IS NOT NULL OR opted_out_at IS NOT NULL)")
            ?? false
    }
}
