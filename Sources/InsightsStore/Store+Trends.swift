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
/// partial index `messages_coach (ts, contact)` alone. No message of the report's own period
/// is read again.
extension Store {
    /// Reads `data.trend`, inside the report's read (after `readReach`, which sets
    /// `data.statusesStored`).
    ///
    /// - Parameter contacts: when given, only these contacts count (a segment, issue 21).
    func readTrend(_ db: Database, into data: inout PeriodData, calendar: ReportCalendar, contacts: ContactSet? = nil)
        throws
    {
        var tally = TrendTally(periods: data.period.summaryCountPeriods, calendar: calendar, contacts: contacts)
        let span = tally.span
        let arguments = [span.lowerBound, span.upperBound]
        try db.forEachSQLiteRow(
            "SELECT inbound, contact, ts FROM messages INDEXED BY messages_ts WHERE ts >= ? AND ts < ?", arguments
        ) { row in
            if row.int64(0) != 0 {
                tally.addInbound(contact: row.int64(1), at: row.int64(2))
            } else {
                tally.addOutbound(contact: row.int64(1), at: row.int64(2))
            }
        }
        try db.forEachSQLiteRow(
            "SELECT id, first_inbound_at FROM contacts WHERE first_inbound_at >= ? AND first_inbound_at < ?", arguments
        ) { row in tally.addFirstInbound(contact: row.int64(0), at: row.int64(1)) }
        try db.forEachSQLiteRow(
            "SELECT contact, ts FROM goal_events WHERE ts >= ? AND ts < ? AND event = 'completed'", arguments
        ) { row in tally.addGoalCompletion(contact: row.int64(0), at: row.int64(1)) }
        try db.forEachSQLiteRow(
            """
            SELECT contact, started_at, ended_at FROM journey_runs
            WHERE started_at >= ? AND started_at < ? AND outcome = 'completed' AND ended_at IS NOT NULL
            """, arguments
        ) { row in tally.addCompletedRun(contact: row.int64(0), startedAt: row.int64(1), endedAt: row.int64(2)) }
        if data.statusesStored {
            try Self.forEachReachedMessage(db, in: span) { contact, timestamp in
                tally.addReached(contact: contact, at: timestamp)
            }
        }
        var input = TrendInput(
            periods: tally.periods, counts: tally.counts(statusesStored: data.statusesStored),
            firstDataAt: try Self.firstDataInstant(db))
        input.conversationSpans = try conversationSpans(db, range: span)
        try db.forEachSQLiteRow(
            """
            SELECT contact, ts FROM messages INDEXED BY messages_coach
            WHERE author_type = 'coach' AND ts >= ? AND ts < ?
            """, arguments
        ) { row in input.coachMessages.append(CoachMessageInstant(contact: row.int64(0), timestamp: row.int64(1))) }
        if let contacts {
            input.conversationSpans.removeAll { !contacts.contains($0.contact) }
            input.coachMessages.removeAll { !contacts.contains($0.contact) }
        }
        data.trend = input
    }

    /// The earliest instant of any stored message, conversation event, goal event or Journey
    /// run (one seek of each table's time index), nil when none is stored.
    static func firstDataInstant(_ db: Database) throws -> Instant? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT MIN(first) FROM (
                    SELECT MIN(ts) AS first FROM messages
                    UNION ALL SELECT MIN(ts) FROM conversation_events
                    UNION ALL SELECT MIN(ts) FROM goal_events
                    UNION ALL SELECT MIN(started_at) FROM journey_runs)
                """)
    }
}
