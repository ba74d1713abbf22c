import InsightsMetrics

extension WarehouseSource {
    /// The summary band's aggregate for the period (of the segment, if any): its goal
    /// completers, and the headline counts and closes of the periods the trend counts
    /// (`ReportPeriod.summaryCountPeriods`, the previous period among them) from one grouped
    /// query each, their bounds sent as parameters.
    ///
    /// The trend's `firstResponseMedians` is left nil (still computed from rows by
    /// `Report(data:aggregates:…)`).
    ///
    /// - parameter statusesStored: whether `reached_users` is measured (`delivery(…)`'s).
    public func summaryAggregate(
        period: ReportPeriod, calendar: ReportCalendar, statusesStored: Bool
    ) throws(WarehouseError) -> SummaryAggregate {
        let tables = try tables()
        let queries = queries(tables)
        let periods = period.summaryCountPeriods
        let ranges = periods.map { $0.instants(in: calendar) }
        let span = (ranges.map(\.lowerBound).min() ?? 0)..<(ranges.map(\.upperBound).max() ?? 0)
        var values: [String: WarehouseParameter] = [
            "from": .timestamp(span.lowerBound), "to": .timestamp(span.upperBound),
        ]
        for (index, range) in ranges.enumerated() {
            values["trend_from_\(index)"] = .timestamp(range.lowerBound)
            values["trend_to_\(index)"] = .timestamp(range.upperBound)
        }
        func index(_ row: [String?]) throws(WarehouseError) -> Int {
            let index = Int(try integer(row, 0))
            guard periods.indices.contains(index) else { throw .badValue("a trend period index out of range (\(index))") }
            return index
        }
        let measured = statusesStored && tables.has("message_statuses")
        var counts = Array(
            repeating: TrendCounts(
                activeUsers: 0, newUsers: 0, reachedUsers: statusesStored ? 0 : nil, messagesReceived: 0, messagesSent: 0,
                goalCompletions: 0, journeyCompletions: 0),
            count: periods.count)
        for row in try rows(queries.trendCounts(periodCount: periods.count, reached: measured), parameters: values) {
            let nth = try index(row)
            counts[nth].messagesReceived = Int(try integer(row, 1))
            counts[nth].messagesSent = Int(try integer(row, 2))
            counts[nth].activeUsers = Int(try integer(row, 3))
            counts[nth].newUsers = Int(try integer(row, 4))
            counts[nth].goalCompletions = Int(try integer(row, 5))
            counts[nth].journeyCompletions = Int(try integer(row, 6))
            if statusesStored { counts[nth].reachedUsers = Int(try integer(row, 7)) }
        }
        var closed = Dictionary(uniqueKeysWithValues: periods.map { ($0, 0) })
        if tables.has("messages") || tables.has("conversation_events") {
            for row in try rows(queries.trendCloses(periodCount: periods.count), parameters: values) {
                closed[periods[try index(row)]] = Int(try integer(row, 1))
            }
        }
        let first = try rows(queries.firstDataAt, parameters: [:]).first ?? []
        var firstDataAt: Instant?
        if let text = optionalText(first, 0) {
            guard let instant = Instant(text) else { throw .badValue("\"\(text)\" where an instant was expected") }
            firstDataAt = instant
        }
        var completers = 0
        if tables.has("goal_events") {
            let range = period.instants(in: calendar)
            completers = Int(
                try integer(
                    try rows(
                        queries.goalCompleters,
                        parameters: ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)]
                    ).first ?? [], 0))
        }
        return SummaryAggregate(
            goalCompleters: completers, previousConversationsClosed: closed[TrendPeriod(period.previous)] ?? 0,
            trend: TrendAggregate(periods: periods, counts: counts, firstDataAt: firstDataAt, conversationsClosed: closed))
    }
}
