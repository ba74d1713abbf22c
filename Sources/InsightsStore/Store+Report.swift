import GRDB
import InsightsMetrics

extension Store {
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

    /// Computes every metric of a period, reading only the period's data: its messages and
    /// the previous period's (`PeriodScan`, on `parallelism` connections at once), the first
    /// inbound messages and conversation spans derived at import, its goal events, and the
    /// regions of its active contacts. All arithmetic is in `InsightsMetrics`.
    ///
    /// The reads see one state of the database: if an import commits while they run, they
    /// are repeated.
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        parallelism: Int = 2
    ) throws(StoreError) -> Report {
        let range = period.instants(in: calendar)
        let previousRange = period.previous.instants(in: calendar)
        let cached = calendar.caching(previousRange.lowerBound..<range.upperBound)
        let scan = PeriodScan(path: path, parallelism: parallelism)
        for _ in 0..<5 {
            let scanned = try scan.run(period: period, calendar: cached)
            let report = try wrap {
                try queue.read { db -> Report? in
                    // The scan's connections and this one saw the same imports, or we go again.
                    let version = try String.fetchOne(
                        db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.dataVersionKey])
                    guard case .some(let scannedVersion) = scanned.dataVersion, scannedVersion == version else { return nil }
                    let tally = scanned.tally
                    let previous = PreviousAudience(
                        activeUsers: scanned.previous.active.count,
                        newUsers: try firstInbound(db, in: previousRange).count)
                    let audience = AudienceMetrics(
                        tally: tally, firstInbound: try firstInbound(db, in: range),
                        countries: try countries(db, of: tally.activeContacts), previous: previous)
                    let engagement = EngagementMetrics(
                        tally: tally,
                        previous: PreviousEngagement(
                            messagesReceived: scanned.previous.received, messagesSent: scanned.previous.sent))
                    let authorship = AuthorshipMetrics(tally: tally, latestNames: try latestNames(db, for: tally))
                    let conversations = try conversationMetrics(db, range: range)
                    let impact = ImpactMetrics(goals: try goals(db), events: try goalEvents(db, range: range))
                    return Report(
                        serviceName: serviceName, generatorVersion: generatorVersion, period: period,
                        timeZoneIdentifier: calendar.identifier, impact: impact, audience: audience,
                        engagement: engagement, conversations: conversations, authorship: authorship)
                }
            }
            if let report { return report }
        }
        throw StoreError.sqlite(path: path, message: "the database kept changing while the report read it; try again")
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
        var names: [String: String] = [:]
        let ids = Set(tally.authorKeys.compactMap(\.id)).sorted()
        let statement = try db.cachedStatement(
            sql: """
                SELECT author_name FROM messages INDEXED BY messages_author_named
                WHERE author_id = ? AND author_name IS NOT NULL
                ORDER BY ts DESC, message_id DESC LIMIT 1
                """)
        for id in ids {
            if let name = try String.fetchOne(statement, arguments: [id]) { names[id] = name }
        }
        return names
    }

    /// The conversation block from the spans that overlap the period or end after it began:
    /// the spans closed in or after the period, and those still open.
    private func conversationMetrics(_ db: Database, range: Range<Instant>) throws -> ConversationMetrics {
        var spans: [ConversationSpan] = []
        try db.forEachSQLiteRow(
            """
            SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans
            WHERE closed_at >= ?1 AND opened_at < ?2
            UNION ALL
            SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans
            WHERE closed_at IS NULL AND opened_at < ?2
            """, [range.lowerBound, range.upperBound]
        ) { row in
            spans.append(
                ConversationSpan(
                    contact: row.int64(0), openedAt: row.int64(1), closedAt: row.optionalInt64(2), isReopen: row.int64(3) != 0,
                    openedByInbound: row.int64(4) != 0))
        }
        return ConversationMetrics(period: range, spans: spans)
    }

    private func goals(_ db: Database) throws -> [GoalDefinition] {
        let goals = try Row.fetchAll(db, sql: "SELECT goal_id, name FROM goals ORDER BY id")
        let behaviours = try Row.fetchAll(db, sql: "SELECT behaviour_id, goal_id, name FROM behaviours ORDER BY id")
        return goals.map { goal in
            let id: String = goal[0]
            return GoalDefinition(
                id: id, name: goal[1],
                behaviours: behaviours.filter { ($0[1] as String) == id }.map {
                    BehaviourDefinition(id: $0[0], name: $0[2])
                })
        }
    }

    private func goalEvents(_ db: Database, range: Range<Instant>) throws -> [GoalEventRow] {
        var events: [GoalEventRow] = []
        try db.forEachSQLiteRow(
            "SELECT contact, goal_id, behaviour_id, event, ts FROM goal_events WHERE ts >= ? AND ts < ?",
            [range.lowerBound, range.upperBound]
        ) { row in
            guard let kind = row.string(3).flatMap(GoalEventKind.init(rawValue:)), let goal = row.string(1) else { return }
            events.append(
                GoalEventRow(contact: row.int64(0), goalID: goal, behaviourID: row.string(2), kind: kind, timestamp: row.int64(4)))
        }
        return events
    }
}
