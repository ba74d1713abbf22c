import InsightsMetrics

/// The grouped aggregates of `periodAggregates(periods:…)`, each from one query for all the
/// periods (`WarehouseQueries+Periods`), read as the one-period functions read theirs.
extension WarehouseSource {
    /// Per period: messages per day, heatmap and authors (`activeUsers` left 0: the caller's
    /// `trendCounts` has it), and new users per day.
    func groupedMessages(
        _ periods: [ReportPeriod], _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables,
        queries: WarehouseQueries
    ) throws(WarehouseError) -> (counts: [MessageCounts], newUsersPerDay: [[Int]]) {
        var counts = periods.map { period in
            MessageCounts(
                dailyActiveUsers: Array(repeating: 0, count: period.dayCount), activeUsers: 0,
                dailyReceived: Array(repeating: 0, count: period.dayCount),
                dailySent: Array(repeating: 0, count: period.dayCount),
                heatmap: Array(repeating: Array(repeating: 0, count: 24), count: 7), authors: [:])
        }
        var newUsers = periods.map { Array(repeating: 0, count: $0.dayCount) }
        guard tables.has("messages") else { return (counts, newUsers) }
        let values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        func day(_ row: [String?], _ i: Int) throws(WarehouseError) -> Int {
            let index = Int(try integer(row, 1) - periods[i].from.dayNumber)
            guard (0..<periods[i].dayCount).contains(index) else {
                throw .badValue("a local day outside the period (\(try integer(row, 1)))")
            }
            return index
        }
        for row in try rows(queries.periodMessagesPerDay, parameters: values) {
            let i = try periodIndex(row, periods.count)
            let index = try day(row, i)
            counts[i].dailyReceived[index] = Int(try integer(row, 2))
            counts[i].dailySent[index] = Int(try integer(row, 3))
            counts[i].dailyActiveUsers[index] = Int(try integer(row, 4))
        }
        for row in try rows(queries.periodHeatmap, parameters: values) {
            let i = try periodIndex(row, periods.count)
            let weekday = Int(try integer(row, 1))
            let hour = Int(try integer(row, 2))
            guard (0..<7).contains(weekday), (0..<24).contains(hour) else {
                throw .badValue("a heatmap cell outside the week (\(weekday), \(hour))")
            }
            counts[i].heatmap[weekday][hour] = Int(try integer(row, 3))
        }
        for row in try rows(queries.periodAuthors, parameters: values) {
            let i = try periodIndex(row, periods.count)
            let typeText = try text(row, 1)
            guard let type = AuthorType(rawValue: typeText) else {
                throw .badValue("messages.author_type holds \"\(typeText)\", which is not an author type")
            }
            let key = AuthorKey(type: type, id: optionalText(row, 2), name: optionalText(row, 3))
            counts[i].authors[key, default: 0] += Int(try integer(row, 4))
        }
        for row in try rows(queries.periodNewUsersPerDay, parameters: values) {
            let i = try periodIndex(row, periods.count)
            newUsers[i][try day(row, i)] = Int(try integer(row, 2))
        }
        return (counts, newUsers)
    }

    /// Per period: its goal events counted per goal and behaviour (`goalCounts(period:…)`).
    func groupedGoalCounts(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [GoalCounts] {
        var counts = Array(repeating: GoalCounts(started: [:], completed: [:], behaviours: [:]), count: ranges.count)
        guard tables.has("goal_events") else { return counts }
        let values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        for row in try rows(queries.periodGoalCounts, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            let goal = try text(row, 1)
            let users = Int(try integer(row, 4))
            switch try text(row, 2) {
            case "started": counts[i].started[goal] = users
            case "completed": counts[i].completed[goal] = users
            case "actioned":
                guard let behaviour = optionalText(row, 3) else { continue }
                counts[i].behaviours[BehaviourKey(goalID: goal, behaviourID: behaviour)] = BehaviourCount(
                    users: users, actions: Int(try integer(row, 5)))
            case let other: throw .badValue("goal_events.event holds \"\(other)\", which is not a goal event")
            }
        }
        return counts
    }

    /// Per period: its conversation counts and the middle durations of its closes
    /// (`conversationCounts(period:…)`).
    func groupedConversations(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [ConversationCounts] {
        var counts = Array(
            repeating: ConversationCounts(active: 0, openAtEnd: 0, opened: 0, reopened: 0, closed: 0, middleDurations: []),
            count: ranges.count)
        guard tables.has("messages") || tables.has("conversation_events") else { return counts }
        let values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        for row in try rows(queries.periodConversationCounts, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            counts[i].active = Int(try integer(row, 1))
            counts[i].openAtEnd = Int(try integer(row, 2))
            counts[i].opened = Int(try integer(row, 3))
            counts[i].reopened = Int(try integer(row, 4))
            counts[i].closed = Int(try integer(row, 5))
        }
        for row in try rows(queries.periodConversationMiddleDurations, parameters: values) {
            counts[try periodIndex(row, ranges.count)].middleDurations.append(try integer(row, 1))
        }
        return counts
    }

    /// Per period: the consent times counted for it, and whether any contact has one
    /// (`consentCounts(period:…)`).
    func groupedConsent(
        _ ranges: [Range<Instant>], calendar: ReportCalendar, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [(counts: ConsentCounts, timesStored: Bool)] {
        let none = ConsentCounts(contactsWithTimes: 0, optIns: 0, optOuts: 0, optedInAtEnd: 0)
        var result = Array(repeating: (counts: none, timesStored: false), count: ranges.count)
        guard tables.has("contacts", column: "opted_in_at"), tables.has("contacts", column: "opted_out_at") else {
            return result
        }
        let values = try periodValues(ranges, calendar: calendar, businessHours: nil)
        for row in try rows(queries.periodConsentCounts, parameters: values) {
            let i = try periodIndex(row, ranges.count)
            let counts = ConsentCounts(
                contactsWithTimes: Int(try integer(row, 1)), optIns: Int(try integer(row, 2)), optOuts: Int(try integer(row, 3)),
                optedInAtEnd: Int(try integer(row, 4)))
            result[i] = (counts, counts.contactsWithTimes > 0)
        }
        return result
    }
}
