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

    /// Computes every metric of a period. Reads the period's and the previous period's rows,
    /// plus the conversation history up to the period's end; all arithmetic is in
    /// `InsightsMetrics`.
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        parallelism: Int = 2
    ) throws(StoreError) -> Report {
        let range = period.instants(in: calendar)
        let previousRange = period.previous.instants(in: calendar)
        let cached = calendar.caching(previousRange.lowerBound..<range.upperBound)
        return try wrap {
            try queue.read { db in
                var tally = MessageTally(period: period, calendar: cached)
                var previousTally = MessageTally(period: period.previous, calendar: cached)
                let cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT contact, inbound, ts, author_type, author_id, author_name FROM messages
                        WHERE ts >= ? AND ts < ?
                        """,
                    arguments: [previousRange.lowerBound, range.upperBound])
                while let row = try cursor.next() {
                    let message = MessageRow(
                        contact: row[0], inbound: row[1], timestamp: row[2],
                        authorType: (row[3] as String?).flatMap(AuthorType.init(rawValue:)),
                        authorID: row[4], authorName: row[5])
                    if message.timestamp >= range.lowerBound {
                        tally.add(message)
                    } else {
                        previousTally.add(message)
                    }
                }
                let facts = try contactFacts(db, from: previousRange.lowerBound, to: range.upperBound)
                let previousAudience = PreviousAudience(tally: previousTally, facts: facts)
                let audience = AudienceMetrics(tally: tally, facts: facts, previous: previousAudience)
                let engagement = EngagementMetrics(
                    tally: tally,
                    previous: PreviousEngagement(messagesReceived: previousTally.received, messagesSent: previousTally.sent))
                let authorship = AuthorshipMetrics(tally: tally, latestNames: try latestNames(db, for: tally))
                let conversations = try conversationMetrics(db, range: range)
                let impact = ImpactMetrics(goals: try goals(db), events: try goalEvents(db, range: range))
                return Report(
                    serviceName: serviceName, generatorVersion: generatorVersion, period: period,
                    timeZoneIdentifier: calendar.timeZone.identifier, impact: impact, audience: audience,
                    engagement: engagement, conversations: conversations, authorship: authorship)
            }
        }
    }

    private func contactFacts(_ db: Database, from: Instant, to: Instant) throws -> [ContactKey: ContactFacts] {
        var facts: [ContactKey: ContactFacts] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, first_inbound_at, region FROM contacts WHERE id IN
                    (SELECT DISTINCT contact FROM messages WHERE inbound = 1 AND ts >= ? AND ts < ?)
                """,
            arguments: [from, to])
        while let row = try cursor.next() {
            facts[row[0]] = ContactFacts(firstInbound: row[1], country: row[2])
        }
        return facts
    }

    private func latestNames(_ db: Database, for tally: MessageTally) throws -> [String: String] {
        var names: [String: String] = [:]
        let ids = Set(tally.authors.keys.compactMap(\.id)).sorted()
        let statement = try db.cachedStatement(
            sql: """
                SELECT author_name FROM messages WHERE author_id = ? AND author_name IS NOT NULL
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
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT contact, opened_at, closed_at, reopen FROM conversation_spans
                WHERE closed_at >= ? AND opened_at < ?
                UNION ALL
                SELECT contact, opened_at, closed_at, reopen FROM conversation_spans
                WHERE closed_at IS NULL AND opened_at < ?
                """,
            arguments: [range.lowerBound, range.upperBound, range.upperBound])
        while let row = try cursor.next() {
            spans.append(ConversationSpan(contact: row[0], openedAt: row[1], closedAt: row[2], isReopen: row[3]))
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
        try Row.fetchAll(
            db, sql: "SELECT contact, goal_id, behaviour_id, event, ts FROM goal_events WHERE ts >= ? AND ts < ?",
            arguments: [range.lowerBound, range.upperBound]
        ).compactMap { row in
            guard let kind = GoalEventKind(rawValue: row[3]) else { return nil }
            return GoalEventRow(contact: row[0], goalID: row[1], behaviourID: row[2], kind: kind, timestamp: row[4])
        }
    }
}
