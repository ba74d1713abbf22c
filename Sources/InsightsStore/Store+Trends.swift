import GRDB
import InsightsMetrics

/// The summary trend's part of a report's read: the headline counts of the earlier periods
/// (`ReportPeriod.summaryCountPeriods`), counted into a `TrendTally` in one pass per table
/// over the span of all of them, and the rows their median first response and closes come
/// from.
///
/// What each pass reads: the messages from the index `messages_ts (ts, inbound, contact)`
/// alone; new users from `contacts_first_inbound`; completed goals along `goal_events_ts`;
/// completed runs along `journey_runs_started`; with statuses only, the reached messages along
/// `message_delivery_reached` (reached users, see `MessageDelivery`); the conversation spans
/// as for the response-times block, and the coach messages' contacts and instants from the
/// partial index `messages_coach` alone. No message of the report's own period
/// is read again.
extension Store {
    /// What the trend's read returns, before the reach block says whether statuses count:
    /// the tally and the rows of `TrendInput`.
    struct TrendRows: Sendable {
        var tally: TrendTally
        var firstDataAt: Instant?
        var conversationSpans: [ConversationSpan]
        var coachMessages: [CoachMessageInstant]

        /// The trend's input; reached users count only when `statusesStored`.
        func input(statusesStored: Bool) -> TrendInput {
            TrendInput(
                periods: tally.periods, counts: tally.counts(statusesStored: statusesStored), firstDataAt: firstDataAt,
                conversationSpans: conversationSpans, coachMessages: coachMessages)
        }
    }

    /// Reads the trend's rows of `period` through `reader` (the report's GRDB connection or a
    /// second connection on the same snapshot, so it can run beside the other reads).
    ///
    /// - Parameter readReached: whether any status is stored (reached users are read only then).
    /// - Parameter contacts: when given, only these contacts count (a segment, issue 21).
    static func readTrend(
        _ reader: some SQLiteRowReader, period: ReportPeriod, calendar: ReportCalendar, readReached: Bool,
        contacts: ContactSet? = nil
    ) throws -> TrendRows {
        var tally = TrendTally(periods: period.summaryCountPeriods, calendar: calendar, contacts: contacts)
        let span = tally.span
        let arguments = [span.lowerBound, span.upperBound]
        try reader.forEachSQLiteRow(
            "SELECT inbound, contact, ts FROM messages INDEXED BY messages_ts WHERE ts >= ? AND ts < ?", arguments
        ) { row in
            if row.int64(0) != 0 {
                tally.addInbound(contact: row.int64(1), at: row.int64(2))
            } else {
                tally.addOutbound(contact: row.int64(1), at: row.int64(2))
            }
        }
        try reader.forEachSQLiteRow(
            "SELECT id, first_inbound_at FROM contacts WHERE first_inbound_at >= ? AND first_inbound_at < ?", arguments
        ) { row in tally.addFirstInbound(contact: row.int64(0), at: row.int64(1)) }
        try reader.forEachSQLiteRow(
            "SELECT contact, ts FROM goal_events WHERE ts >= ? AND ts < ? AND event = 'completed'", arguments
        ) { row in tally.addGoalCompletion(contact: row.int64(0), at: row.int64(1)) }
        try reader.forEachSQLiteRow(
            """
            SELECT contact, started_at, ended_at FROM journey_runs
            WHERE started_at >= ? AND started_at < ? AND outcome = 'completed' AND ended_at IS NOT NULL
            """, arguments
        ) { row in tally.addCompletedRun(contact: row.int64(0), startedAt: row.int64(1), endedAt: row.int64(2)) }
        if readReached {
            try forEachReachedMessage(reader, in: span) { contact, timestamp in
                tally.addReached(contact: contact, at: timestamp)
            }
        }
        var rows = TrendRows(
            tally: tally, firstDataAt: try firstDataInstant(reader),
            conversationSpans: try conversationSpans(reader, range: span, open: .openedInRange),
            coachMessages: [])
        rows.coachMessages.reserveCapacity(try reader.count(coachCountSQL, arguments))
        try reader.forEachSQLiteRow("SELECT contact, ts \(coachRangeSQL)", arguments) { row in
            rows.coachMessages.append(CoachMessageInstant(contact: row.int64(0), timestamp: row.int64(1)))
        }
        if let contacts {
            rows.conversationSpans.removeAll { !contacts.contains($0.contact) }
            rows.coachMessages.removeAll { !contacts.contains($0.contact) }
        }
        return rows
    }

    /// The earliest instant of any stored message, conversation event, goal event or Journey
    /// run (one seek of each table's time index), nil when none is stored.
    static func firstDataInstant(_ reader: some SQLiteRowReader) throws -> Instant? {
        var first: Instant?
        try reader.forEachSQLiteRow(
            """
            SELECT MIN(first) FROM (
                SELECT MIN(ts) AS first FROM messages
                UNION ALL SELECT MIN(ts) FROM conversation_events
                UNION ALL SELECT MIN(ts) FROM goal_events
                UNION ALL SELECT MIN(started_at) FROM journey_runs)
            """
        ) { row in first = row.optionalInt64(0) }
        return first
    }
}
