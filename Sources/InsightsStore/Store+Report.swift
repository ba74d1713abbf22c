import GRDB
import InsightsMetrics

extension Store: ReportSource {
    /// Reads the plain data of a period on two connections at once (see
    /// `periodData(period:calendar:parallelism:)`).
    public func periodData(period: ReportPeriod, calendar: ReportCalendar) throws(StoreError) -> PeriodData {
        try periodData(period: period, calendar: calendar, parallelism: 2)
    }

    /// A value of the `meta` table.
    public func meta(_ key: MetaKey) throws(StoreError) -> String? {
        try meta(key.rawValue)
    }

    /// Sets a value of the `meta` table.
    public func setMeta(_ key: MetaKey, _ value: String) throws(StoreError) {
        try setMeta(key.rawValue, value)
    }

    /// The instant of the newest stored message, if any.
    public func newestMessage() throws(StoreError) -> Instant? {
        try wrap { try queue.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(ts) FROM messages") } }
    }

    /// The instants of the oldest and newest stored message, if any.
    public func messageSpan() throws(StoreError) -> ClosedRange<Instant>? {
        try wrap {
            try queue.read { db -> ClosedRange<Instant>? in
                let row = try Row.fetchOne(db, sql: "SELECT MIN(ts), MAX(ts) FROM messages")
                guard let row, let first = row[0] as Int64?, let last = row[1] as Int64? else { return nil }
                return first...last
            }
        }
    }

    /// Reads the plain data of a period (see `PeriodData`): its messages and the previous
    /// period's (`PeriodScan`, on `parallelism` connections at once), the first inbound
    /// messages and conversation spans derived at import, its goal events, and the regions
    /// of its active contacts. No metric is computed here: `Report(data:…)` does that.
    ///
    /// The reads see one state of the database, however often imports commit meanwhile: they
    /// run once, on connections started on one snapshot (`readSnapshot`).
    ///
    /// With a `segment`, every read keeps only the segment's contacts (`Store+SegmentReport`);
    /// with `breakdowns`, the per-contact inputs of each breakdown are read too.
    public func periodData(
        period: ReportPeriod, calendar: ReportCalendar, parallelism: Int, segment: Segment = [], breakdowns: [String] = []
    ) throws(StoreError) -> PeriodData {
        try periodData(
            period: period, calendar: calendar, parallelism: parallelism, segment: segment, breakdowns: breakdowns,
            betweenStarts: {})
    }

    /// ``periodData(period:calendar:parallelism:)``, with a test's hook between the starts of
    /// the read transactions (see `readSnapshot`).
    func periodData(
        period: ReportPeriod, calendar: ReportCalendar, parallelism: Int, segment: Segment = [],
        breakdowns: [String] = [], betweenStarts: () -> Void
    ) throws(StoreError) -> PeriodData {
        let range = period.instants(in: calendar)
        let previousRange = period.previous.instants(in: calendar)
        let cached = calendar.caching(previousRange.lowerBound..<range.upperBound)
        return try readSnapshot(parallelism: parallelism, betweenStarts: betweenStarts) { db, connections in
            // The segment's contacts are read in the same snapshot as everything else.
            let members = segment.isEmpty ? nil : try Self.segmentContacts(db, segment)
            let scanned = try PeriodScan(connections: connections, segment: members).run(period: period, calendar: cached)
            // The summary trend's read (a fifth of the report's) runs on the second connection,
            // free once the scan is done, beside the other reads on the GRDB connection.
            let anyStatuses = try Self.hasMessageStatuses(db)
            let readTrend = { @Sendable (reader: any SQLiteRowReader) in
                try Self.readTrend(reader, period: period, calendar: calendar, readReached: anyStatuses, contacts: members)
            }
            let readRest = {
                try self.readPeriod(
                    db, period: period, calendar: calendar, cached: cached, scanned: scanned, members: members,
                    segment: segment, breakdowns: breakdowns)
            }
            var data: PeriodData
            let trend: TrendRows
            if connections.count > 1 {
                nonisolated(unsafe) let second = connections[1]  // used by that thread alone until it ends
                (data, trend) = try concurrently({ try readTrend(second) }, readRest)
            } else {
                data = try readRest()
                trend = try readTrend(db)
            }
            data.trend = trend.input(statusesStored: data.statusesStored)
            return data
        }
    }

    /// Everything of a period's read but the summary trend, on the GRDB connection, after the
    /// scan (`cached`: a caching copy of the report's `calendar`).
    private func readPeriod(
        _ db: Database, period: ReportPeriod, calendar: ReportCalendar, cached: ReportCalendar, scanned: PeriodScan.Result,
        members: ContactSet?, segment: Segment, breakdowns: [String]
    ) throws -> PeriodData {
        let range = period.instants(in: calendar)
        let previousRange = period.previous.instants(in: calendar)
        let tally = scanned.tally
        let previous = PreviousPeriodCounts(
            received: scanned.previous.received, sent: scanned.previous.sent,
            activeUsers: scanned.previous.active.count, newUsers: try firstInbound(db, in: previousRange).count)
        var data = PeriodData(
            period: period, calendar: calendar, tally: tally, previous: previous,
            firstInbound: try firstInbound(db, in: range), countries: try countries(db, of: tally.activeContacts),
            latestNames: try latestNames(db, for: tally), conversationSpans: try Self.conversationSpans(db, range: range),
            goals: try Self.goalDefinitions(db), goalEvents: try goalEvents(db, range: range))
        try Self.readReach(db, into: &data, calendar: cached, segment: members)
        try Self.readJourneys(db, range: range, into: &data)
        try readResponseTimes(db, into: &data, range: range, previousRange: previousRange)
        if let members {
            try Self.restrict(db, &data, to: members, range: range, previousRange: previousRange)
            data.segment = segment
        }
        try Self.readBreakdowns(db, breakdowns, into: &data, range: range, segment: members)
        return data
    }

    /// The response-time inputs of the period and of the previous period (coach messages,
    /// closes, previous spans) and the coaches' names, inside the caller's read.
    private func readResponseTimes(
        _ db: Database, into data: inout PeriodData, range: Range<Instant>, previousRange: Range<Instant>
    ) throws {
        data.coachMessages = try Self.coachMessages(db, in: range, ids: false)
        data.closeEvents = try Self.closeEvents(db, in: range)
        data.previousConversationSpans = try Self.conversationSpans(db, range: previousRange, open: .openedInRange)
        data.previousCoachMessages = try Self.coachMessages(db, in: previousRange, ids: false)
        data.previousCloseEvents = try Self.closeEvents(db, in: previousRange)
        // Both lists walked in place, not joined (a month of a large helpline holds half a
        // million coach messages: the joined copy was a fifth of the report's peak memory).
        data.coachNames = try Self.authorNames(
            db, for: [data.coachMessages, data.previousCoachMessages].joined().lazy.compactMap(\.authorID))
    }

    /// The first inbound instants (one per contact) that fall in a range: the new users.
    private func firstInbound(_ db: Database, in range: Range<Instant>) throws -> [Instant] {
        try Instant.fetchAll(
            db, sql: "SELECT first_inbound_at FROM contacts WHERE first_inbound_at >= ? AND first_inbound_at < ?",
            arguments: [range.lowerBound, range.upperBound])
    }

    /// Active contacts per region: looked up one by one when they are few, else read in one
    /// pass over the contacts table. Regions are two letters, counted as integers.
    private func countries(_ db: Database, of active: ContactSet) throws -> [String: Int] {
        guard !active.isEmpty else { return [:] }
        var codes: [UInt16: Int] = [:]
        var found = 0
        let contacts = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM contacts") ?? 0
        if active.count * 8 < contacts {
            for contact in active {
                try db.forEachSQLiteRow("SELECT region FROM contacts WHERE id = ?", [contact]) { row in
                    codes[row.code(0), default: 0] += 1
                    found += 1
                }
            }
        } else {
            try db.forEachSQLiteRow("SELECT id, region FROM contacts") { row in
                guard active.contains(row.int64(0)) else { return }
                codes[row.code(1), default: 0] += 1
                found += 1
            }
        }
        var countries: [String: Int] = [:]
        for (value, count) in codes {
            let text = value == 0 ? "ZZ" : String(decoding: [UInt8(value >> 8), UInt8(value & 0xFF)], as: UTF8.self)
            countries[text, default: 0] += count
        }
        if found < active.count { countries["ZZ", default: 0] += active.count - found }
        return countries
    }

    /// The newest name of each author id of the period: the `author_name` of its newest
    /// message (by timestamp, then `message_id`) that has one, read backwards along the
    /// partial index `messages_author_named`, so it costs a seek per author.
    private func latestNames(_ db: Database, for tally: MessageTally) throws -> [String: String] {
        try Self.authorNames(db, for: tally.authorKeys.compactMap(\.id))
    }

    /// Which spans still open a read of spans returns.
    enum OpenSpans {
        /// Every span still open that began before the range's end: what the period's
        /// conversation counts need (a conversation opened long ago and never closed is active).
        case all
        /// Only those that began in the range: enough for closes and first responses (the
        /// previous period's, the trend's), which a span opened before the range and still
        /// open never takes part in. Most spans still open on a large helpline are old ones.
        case openedInRange
    }

    /// The spans that overlap the range or end after it began: the spans closed in or after
    /// the range that began before its end, and those still open (all, or only those that
    /// began in the range).
    static func conversationSpans(
        _ reader: some SQLiteRowReader, range: Range<Instant>, open: OpenSpans = .all
    ) throws -> [ConversationSpan] {
        let closed = "closed_at >= ?1 AND opened_at < ?2"
        let stillOpen =
            switch open {
            case .all: "closed_at IS NULL AND opened_at < ?2"
            case .openedInRange: "closed_at IS NULL AND opened_at >= ?1 AND opened_at < ?2"
            }
        let arguments = [range.lowerBound, range.upperBound]
        var spans: [ConversationSpan] = []
        // Counted first, so the array is made once at its size: a read can hold a million
        // spans, and a report reads spans three times (the period, the one before, the trend).
        spans.reserveCapacity(
            try reader.count(
                """
                SELECT (SELECT COUNT(*) FROM conversation_spans WHERE \(closed))
                    + (SELECT COUNT(*) FROM conversation_spans WHERE \(stillOpen))
                """, arguments))
        try reader.forEachSQLiteRow(
            """
            SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans WHERE \(closed)
            UNION ALL
            SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans WHERE \(stillOpen)
            """, arguments
        ) { row in
            spans.append(
                ConversationSpan(
                    contact: row.int64(0), openedAt: row.int64(1), closedAt: row.optionalInt64(2), isReopen: row.int64(3) != 0,
                    openedByInbound: row.int64(4) != 0))
        }
        return spans
    }

    private func goalEvents(_ db: Database, range: Range<Instant>) throws -> [GoalEventRow] {
        var events: [GoalEventRow] = []
        try db.forEachSQLiteRow(
            "SELECT contact, goal_id, behaviour_id, event, ts FROM goal_events WHERE ts >= ? AND ts < ?",
            [range.lowerBound, range.upperBound]
        ) { row in
            guard let kind = row.string(3).flatMap(GoalEventKind.init(rawValue:)), let goal = row.string(1) else { return }
            events.append(
                GoalEventRow(contact: row.int64(0), goalID: goal, behaviourID: row.string(2), kind: kind, timestamp: row.int64(4))
            )
        }
        return events
    }
}
