import InsightsMetrics

/// Reads a report period's aggregates from a warehouse: every query returns counts, never
/// rows, so a report gets back a few hundred values whatever the data size.
///
/// It computes every block of the report: audience (with countries), engagement, authorship,
/// the previous period's counts, new users, goals (impact), Journeys, conversations, consent,
/// reach, response times, breakdowns and the summary band (`periodAggregates(…)`),
/// of a segment too (`segmented(_:)`).
public struct WarehouseSource<Connection: WarehouseConnection> {
    /// The connection queried.
    public let connection: Connection
    /// The segment every query is restricted to (`segmented(_:)` resolves one); nil for all
    /// contacts.
    public var segment: WarehouseSegment? = nil
    /// The notes `meta(_:)` gives (a platform's view of its data, such as Turn's approximate
    /// closes); a warehouse itself stores none.
    public var notes: [MetaKey: String] = [:]

    /// Creates a source over a connection.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The tables present, checked: each present table must have the columns the queries
    /// read, with the right types.
    func tables() throws(WarehouseError) -> WarehouseTables {
        try WarehouseTables.check(connection)
    }

    private func parameters(_ range: Range<Instant>, _ calendar: ReportCalendar) -> [String: WarehouseParameter] {
        ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound), "zone": .string(calendar.identifier)]
    }

    func queries(_ tables: WarehouseTables) -> WarehouseQueries {
        var queries = WarehouseQueries(dialect: connection.dialect)
        queries.hasConversationEvents = tables.has("conversation_events")
        queries.hasMessages = tables.has("messages")
        queries.eventsHaveSeq = tables.has("conversation_events", column: "seq")
        queries.goalsHavePosition = tables.has("goals", column: "position")
        queries.behavioursHavePosition = tables.has("behaviours", column: "position")
        queries.hasGoalEvents = tables.has("goal_events")
        queries.hasJourneyRuns = tables.has("journey_runs")
        queries.contactsHaveFields = tables.has("contacts", column: "fields")
        queries.hasContacts = tables.has("contacts")
        queries.contactsHavePhone = tables.has("contacts", column: "phone")
        queries.contactsHaveCountry = tables.has("contacts", column: "country")
        queries.hasJourneyResults = tables.has("journey_results")
        queries.segment = segment
        return queries
    }

    /// Runs a query with the segment's parameters added to `parameters`: every query of the
    /// source goes through here.
    func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        guard let segment else { return try connection.rows(sql, parameters: parameters) }
        // Only those the query names, as a view connection adds its own.
        let values = ViewConnection<Connection>.parameters(
            for: sql, adding: try segment.parameters(connection.dialect), to: parameters)
        return try connection.rows(sql, parameters: values)
    }

    /// The period's message counts per day, weekday × hour and author.
    public func messageCounts(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> MessageCounts {
        let days = period.dayCount
        var counts = MessageCounts(
            dailyActiveUsers: Array(repeating: 0, count: days), activeUsers: 0, dailyReceived: Array(repeating: 0, count: days),
            dailySent: Array(repeating: 0, count: days), heatmap: Array(repeating: Array(repeating: 0, count: 24), count: 7),
            authors: [:])
        let tables = try tables()
        guard tables.has("messages") else { return counts }
        let queries = queries(tables)
        let values = parameters(period.instants(in: calendar), calendar)
        for row in try rows(queries.messagesPerDay, parameters: values) {
            let index = Int(try integer(row, 0) - period.from.dayNumber)
            guard counts.dailyReceived.indices.contains(index) else {
                throw .badValue("a local day outside the period (\(try integer(row, 0)))")
            }
            counts.dailyReceived[index] = Int(try integer(row, 1))
            counts.dailySent[index] = Int(try integer(row, 2))
            counts.dailyActiveUsers[index] = Int(try integer(row, 3))
        }
        let totals = try rows(queries.messageTotals, parameters: values)
        counts.activeUsers = Int(try integer(totals.first ?? [], 2))
        for row in try rows(queries.heatmap, parameters: values) {
            let weekday = Int(try integer(row, 0))
            let hour = Int(try integer(row, 1))
            guard (0..<7).contains(weekday), (0..<24).contains(hour) else {
                throw .badValue("a heatmap cell outside the week (\(weekday), \(hour))")
            }
            counts.heatmap[weekday][hour] = Int(try integer(row, 2))
        }
        for row in try rows(queries.authors, parameters: values) {
            let typeText = try text(row, 0)
            guard let type = AuthorType(rawValue: typeText) else {
                throw .badValue("messages.author_type holds \"\(typeText)\", which is not an author type")
            }
            let key = AuthorKey(type: type, id: optionalText(row, 1), name: optionalText(row, 2))
            counts.authors[key, default: 0] += Int(try integer(row, 3))
        }
        return counts
    }

    /// The newest stored name of each author id sent with in the period.
    public func latestNames(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> [String: String] {
        let tables = try tables()
        guard tables.has("messages") else { return [:] }
        var names: [String: String] = [:]
        for row in try rows(
            queries(tables).latestNames, parameters: parameters(period.instants(in: calendar), calendar))
        {
            names[try text(row, 0)] = try text(row, 1)
        }
        return names
    }

    /// The previous period's headline counts (received, sent, active and new users).
    public func previousCounts(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> PreviousPeriodCounts {
        let tables = try tables()
        guard tables.has("messages") else { return PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0) }
        let queries = queries(tables)
        let values = parameters(period.previous.instants(in: calendar), calendar)
        let totals = try rows(queries.messageTotals, parameters: values).first ?? []
        let new = try rows(queries.newUsers, parameters: values).first ?? []
        return PreviousPeriodCounts(
            received: Int(try integer(totals, 0)), sent: Int(try integer(totals, 1)), activeUsers: Int(try integer(totals, 2)),
            newUsers: Int(try integer(new, 0)))
    }

    /// Per day of the period: contacts whose first inbound message ever lies on it.
    public func newUsersPerDay(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> [Int] {
        var perDay = Array(repeating: 0, count: period.dayCount)
        let tables = try tables()
        guard tables.has("messages") else { return perDay }
        for row in try rows(
            queries(tables).newUsersPerDay, parameters: parameters(period.instants(in: calendar), calendar))
        {
            let index = Int(try integer(row, 0) - period.from.dayNumber)
            guard perDay.indices.contains(index) else {
                throw .badValue("a local day outside the period (\(try integer(row, 0)))")
            }
            perDay[index] = Int(try integer(row, 1))
        }
        return perDay
    }

    /// Every goal with its behaviours, in listing order.
    public func goals() throws(WarehouseError) -> [GoalDefinition] {
        let tables = try tables()
        guard tables.has("goals") else { return [] }
        let queries = queries(tables)
        var goals: [GoalDefinition] = []
        var index: [String: Int] = [:]
        for row in try rows(queries.goals, parameters: [:]) {
            index[try text(row, 0)] = goals.count
            goals.append(GoalDefinition(id: try text(row, 0), name: try text(row, 1), behaviours: []))
        }
        guard tables.has("behaviours") else { return goals }
        for row in try rows(queries.behaviours, parameters: [:]) {
            guard let goal = index[try text(row, 0)] else { continue }  // import refuses these; a copy may have them
            goals[goal].behaviours.append(BehaviourDefinition(id: try text(row, 1), name: try text(row, 2)))
        }
        return goals
    }

    /// The period's goal events counted per goal and behaviour.
    public func goalCounts(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> GoalCounts {
        var counts = GoalCounts(started: [:], completed: [:], behaviours: [:])
        let tables = try tables()
        guard tables.has("goal_events") else { return counts }
        for row in try rows(
            queries(tables).goalCounts, parameters: parameters(period.instants(in: calendar), calendar))
        {
            let goal = try text(row, 0)
            let users = Int(try integer(row, 3))
            switch try text(row, 1) {
            case "started": counts.started[goal] = users
            case "completed": counts.completed[goal] = users
            case "actioned":
                guard let behaviour = optionalText(row, 2) else { continue }
                counts.behaviours[BehaviourKey(goalID: goal, behaviourID: behaviour)] = BehaviourCount(
                    users: users, actions: Int(try integer(row, 4)))
            case let other: throw .badValue("goal_events.event holds \"\(other)\", which is not a goal event")
            }
        }
        return counts
    }

    /// The period's conversation counts and the middle durations of its closes.
    public func conversationCounts(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> ConversationCounts {
        let tables = try tables()
        guard tables.has("messages") || tables.has("conversation_events") else {
            return ConversationCounts(active: 0, openAtEnd: 0, opened: 0, reopened: 0, closed: 0, middleDurations: [])
        }
        let queries = queries(tables)
        let values = parameters(period.instants(in: calendar), calendar)
        let row = try rows(queries.conversationCounts, parameters: values).first ?? []
        let middle = try rows(queries.conversationMiddleDurations, parameters: values).map {
            row throws(WarehouseError) in
            try integer(row, 0)
        }
        return ConversationCounts(
            active: Int(try integer(row, 0)), openAtEnd: Int(try integer(row, 1)), opened: Int(try integer(row, 2)),
            reopened: Int(try integer(row, 3)), closed: Int(try integer(row, 4)), middleDurations: middle)
    }
}

/// A cell as an integer (NULL, as SUM over no rows gives, is 0; so is a cell of no row at
/// all, the answer of a `DryRunConnection`).
func integer(_ row: [String?], _ index: Int) throws(WarehouseError) -> Int64 {
    guard index < row.count else {
        if row.isEmpty { return 0 }
        throw .badValue("a row with \(row.count) columns, expected more than \(index)")
    }
    guard let text = row[index] else { return 0 }
    guard let value = Int64(text) else { throw .badValue("\"\(text)\" where an integer was expected") }
    return value
}

/// A cell as text; NULL is an error.
func text(_ row: [String?], _ index: Int) throws(WarehouseError) -> String {
    guard index < row.count, let text = row[index] else { throw .badValue("NULL where a value was expected") }
    return text
}

/// A cell as optional text.
func optionalText(_ row: [String?], _ index: Int) -> String? {
    index < row.count ? row[index] : nil
}
