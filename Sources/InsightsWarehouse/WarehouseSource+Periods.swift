import InsightsMetrics

extension WarehouseSource {
    /// Every aggregate of MANY periods (an archive's months), each equal to
    /// `periodAggregates(period:…)` of that period, from one grouped query per template for
    /// all of them (`WarehouseQueries+Periods`) instead of one report's queries per period.
    ///
    /// Grouped: messages per day, heatmap, authors and new users per day; the period's and
    /// the previous period's totals and new users (from the summary's `trendCounts` over
    /// every period counted); names; goal counts; conversations; consent; reach (the
    /// previous period's reached users too); response times (the period's and the previous
    /// period's); the summary band (counts and closes of every trend period, the trend's
    /// medians); countries (`WarehouseQueries.periodCountries`; without a `contacts` table,
    /// from the summary's active users); Journeys (`WarehouseQueries+PeriodJourneys`); the
    /// first stored instant, the goals and whether any Journey run is stored, once.
    public func periodAggregates(
        periods: [ReportPeriod], calendar: ReportCalendar, businessHours: BusinessHours? = nil
    ) throws(WarehouseError) -> [PeriodAggregates] {
        guard !periods.isEmpty else { return [] }
        let tables = try tables()
        let queries = queries(tables)
        let months = periods.map { $0.instants(in: calendar) }
        // Response times: each period and its previous one, once each.
        let timed = unique(periods.flatMap { [TrendPeriod($0), TrendPeriod($0.previous)] })
        let timedRanges = timed.list.map { $0.instants(in: calendar) }
        let messages = try groupedMessages(periods, months, calendar: calendar, tables: tables, queries: queries)
        let names = try spanNames(timedRanges, tables: tables, queries: queries)
        let goals = try goals()
        let goalCounts = try groupedGoalCounts(months, calendar: calendar, tables: tables, queries: queries)
        let conversations = try groupedConversations(months, calendar: calendar, tables: tables, queries: queries)
        let consent = try groupedConsent(months, calendar: calendar, tables: tables, queries: queries)
        let delivery = try groupedDelivery(periods, calendar: calendar, tables: tables, queries: queries)
        let times = try responseTimes(ranges: timedRanges, calendar: calendar, businessHours: businessHours, names: names)
        let countries = try groupedCountries(months, calendar: calendar, tables: tables, queries: queries)
        let journeys = try groupedJourneys(months, calendar: calendar, tables: tables, queries: queries)
        var result: [PeriodAggregates] = []
        for (index, period) in periods.enumerated() {
            let ids = Set(messages.counts[index].authors.keys.compactMap(\.id))
            var aggregates = PeriodAggregates(
                messages: messages.counts[index],
                previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0),
                newUsersPerDay: messages.newUsersPerDay[index], countries: countries?[index] ?? [:],
                latestNames: names.filter { ids.contains($0.key) }, goals: goals, goalCounts: goalCounts[index],
                conversations: conversations[index])
            (aggregates.consent, aggregates.consentTimesStored) = consent[index]
            (aggregates.delivery, aggregates.previousReachedUsers, aggregates.statusesStored) = delivery[index]
            aggregates.journeys = journeys[index]
            aggregates.responseTimes = times[timed.position[TrendPeriod(period)] ?? 0]
            aggregates.previousResponseTimes = times[timed.position[TrendPeriod(period.previous)] ?? 0]
            result.append(aggregates)
        }
        // `statusesStored` does not depend on the period (any status stored, of the segment).
        try addSummaries(
            &result, periods, calendar: calendar, statusesStored: result.first?.statusesStored ?? false,
            businessHours: businessHours, tables: tables, queries: queries)
        if countries == nil {
            // No contacts: every active contact is unknown (`countries(period:…)`).
            for index in result.indices where result[index].messages.activeUsers > 0 {
                result[index].countries = ["ZZ": result[index].messages.activeUsers]
            }
        }
        return result
    }

    /// The summary band of each period, its previous period's counts and its active users:
    /// every period counted (each period, its previous one, its `summaryCountPeriods`) counted
    /// by one `trendCounts` and one `trendCloses` query, the trends' medians by one query.
    private func addSummaries(
        _ result: inout [PeriodAggregates], _ periods: [ReportPeriod], calendar: ReportCalendar, statusesStored: Bool,
        businessHours: BusinessHours?, tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) {
        let counted = unique(periods.flatMap { [TrendPeriod($0), TrendPeriod($0.previous)] + $0.summaryCountPeriods }).list
        let ranges = counted.map { $0.instants(in: calendar) }
        var values: [String: WarehouseParameter] = [
            "from": .timestamp(ranges.map(\.lowerBound).min() ?? 0), "to": .timestamp(ranges.map(\.upperBound).max() ?? 0),
        ]
        for (index, range) in ranges.enumerated() {
            values["trend_from_\(index)"] = .timestamp(range.lowerBound)
            values["trend_to_\(index)"] = .timestamp(range.upperBound)
        }
        let zero = TrendCounts(
            activeUsers: 0, newUsers: 0, reachedUsers: statusesStored ? 0 : nil, messagesReceived: 0, messagesSent: 0,
            goalCompletions: 0, journeyCompletions: 0)
        var counts = Array(repeating: zero, count: counted.count)
        let measured = statusesStored && tables.has("message_statuses")
        for row in try rows(queries.trendCounts(periodCount: counted.count, reached: measured), parameters: values) {
            let nth = try periodIndex(row, counted.count)
            counts[nth].messagesReceived = Int(try integer(row, 1))
            counts[nth].messagesSent = Int(try integer(row, 2))
            counts[nth].activeUsers = Int(try integer(row, 3))
            counts[nth].newUsers = Int(try integer(row, 4))
            counts[nth].goalCompletions = Int(try integer(row, 5))
            counts[nth].journeyCompletions = Int(try integer(row, 6))
            if statusesStored { counts[nth].reachedUsers = Int(try integer(row, 7)) }
        }
        var closed = Array(repeating: 0, count: counted.count)
        if tables.has("messages") || tables.has("conversation_events") {
            for row in try rows(queries.trendCloses(periodCount: counted.count), parameters: values) {
                closed[try periodIndex(row, counted.count)] = Int(try integer(row, 1))
            }
        }
        let first = try rows(queries.firstDataAt, parameters: [:]).first ?? []
        var firstDataAt: Instant?
        if let text = optionalText(first, 0) {
            guard let instant = Instant(text) else { throw .badValue("\"\(text)\" where an instant was expected") }
            firstDataAt = instant
        }
        let earlier = unique(periods.flatMap { $0.trendPeriods.dropLast() }).list
        let medians = try medianFirstResponseMinutes(
            ranges: earlier.map { $0.instants(in: calendar) }, calendar: calendar, businessHours: businessHours)
        let position = Dictionary(uniqueKeysWithValues: counted.enumerated().map { ($1, $0) })
        let median = Dictionary(uniqueKeysWithValues: zip(earlier, medians).compactMap { key, value in value.map { (key, $0) } })
        func countsOf(_ period: TrendPeriod) -> TrendCounts { position[period].map { counts[$0] } ?? zero }
        func closes(_ period: TrendPeriod) -> Int { position[period].map { closed[$0] } ?? 0 }
        for (index, period) in periods.enumerated() {
            let own = countsOf(TrendPeriod(period))
            let before = countsOf(TrendPeriod(period.previous))
            result[index].messages.activeUsers = own.activeUsers
            result[index].previous = PreviousPeriodCounts(
                received: before.messagesReceived, sent: before.messagesSent, activeUsers: before.activeUsers,
                newUsers: before.newUsers)
            let summed = period.summaryCountPeriods
            var trendMedians: [TrendPeriod: Double] = [:]
            for trendPeriod in period.trendPeriods.dropLast() { trendMedians[trendPeriod] = median[trendPeriod] }
            result[index].summary = SummaryAggregate(
                goalCompleters: tables.has("goal_events") ? own.goalCompletions : 0,
                previousConversationsClosed: closes(TrendPeriod(period.previous)),
                trend: TrendAggregate(
                    periods: summed, counts: summed.map(countsOf), firstDataAt: firstDataAt,
                    conversationsClosed: Dictionary(uniqueKeysWithValues: summed.map { ($0, closes($0)) }),
                    firstResponseMedians: trendMedians))
        }
    }

    /// The newest name of every author id sent with in the span of `ranges` (`latestNames`
    /// over the span: a name is resolved over all data, so each period takes its own ids').
    private func spanNames(
        _ ranges: [Range<Instant>], tables: WarehouseTables, queries: WarehouseQueries
    ) throws(WarehouseError) -> [String: String] {
        guard tables.has("messages"), !ranges.isEmpty else { return [:] }
        var names: [String: String] = [:]
        let span: [String: WarehouseParameter] = [
            "from": .timestamp(ranges.map(\.lowerBound).min() ?? 0), "to": .timestamp(ranges.map(\.upperBound).max() ?? 0),
        ]
        for row in try rows(queries.latestNames, parameters: span) {
            names[try text(row, 0)] = try text(row, 1)
        }
        return names
    }
}

/// The elements in first-seen order, and each one's position.
func unique<Element: Hashable>(_ elements: some Sequence<Element>) -> (list: [Element], position: [Element: Int]) {
    var list: [Element] = []
    var position: [Element: Int] = [:]
    for element in elements where position[element] == nil {
        position[element] = list.count
        list.append(element)
    }
    return (list, position)
}

extension WarehouseSource: ManyPeriodReportSource {
    /// The reports of many periods (an archive's months) from `periodAggregates(periods:…)`,
    /// each the same as `report(period:…segment:…)` gives; refused as it is while the
    /// warehouse has a table of a block in `WarehouseBlock.notComputed`.
    public func reports(
        periods: [ReportPeriod], calendar: ReportCalendar, segment: Segment, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> [Report] {
        try refuse(WarehouseBlock.notComputed)
        let source = try segmented(segment)
        let all = try source.periodAggregates(periods: periods, calendar: calendar, businessHours: businessHours)
        return zip(periods, all).map { period, aggregates in
            // No rows: every block the engine computes is built from `aggregates`.
            var data = PeriodData(
                period: period, calendar: calendar, tally: MessageTally(period: period, calendar: calendar),
                previous: aggregates.previous, firstInbound: [], countries: [:], latestNames: [:], conversationSpans: [],
                goals: [], goalEvents: [])
            data.segment = segment
            return Report(
                data: data, aggregates: aggregates, serviceName: serviceName, generatorVersion: generatorVersion,
                businessHours: businessHours)
        }
    }
}
