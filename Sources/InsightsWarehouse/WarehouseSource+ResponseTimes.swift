import InsightsMetrics

extension WarehouseSource {
    /// The response times of a report period (call it with `period.previous` for the
    /// previous period's), the same aggregate as `PeriodData.aggregates(businessHours:)`
    /// reduces the SQLite rows to.
    public func responseTimes(
        period: ReportPeriod, calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> ResponseTimeAggregate {
        try responseTimes(instants: period.instants(in: calendar), calendar: calendar, businessHours: businessHours)
    }

    /// The response times of any range of instants (a summary trend period:
    /// `trendPeriod.instants(in: calendar)`). With business hours, Insights works out the UTC
    /// ranges of the range inside them (exact across DST: it knows the zone) and sends them
    /// with the queries; the engine sums each wait's overlap with them.
    public func responseTimes(
        instants range: Range<Instant>, calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> ResponseTimeAggregate {
        var aggregate = ResponseTimeAggregate.empty(businessHours: businessHours?.text)
        let tables = try tables()
        guard tables.has("messages") else { return aggregate }
        let queries = queries(tables)
        let values = Self.rangeParameters(range)
        let business = Self.businessIntervals(range, calendar: calendar, businessHours: businessHours)
        let counts = try rows(queries.responseTimeCounts(business: business), parameters: values).first ?? []
        aggregate.openedByUsers = Int(try integer(counts, 0))
        aggregate.answered = Int(try integer(counts, 1))
        aggregate.buckets = try (0..<ResponseTimeBucket.allCases.count).map { index throws(WarehouseError) in
            Int(try integer(counts, 2 + index))
        }
        (aggregate.middleWaits, aggregate.p90Wait) = try middleAndP90(queries, business: business, values)
        for row in try rows(queries.coachReplies, parameters: values) {
            let key = AuthorKey(type: .coach, id: optionalText(row, 0), name: optionalText(row, 1))
            aggregate.coaches[key] = CoachResponseCounts(
                replies: Int(try integer(row, 2)), users: Int(try integer(row, 3)), firstResponses: 0, middleWaits: [],
                closes: 0)
        }
        for row in try rows(queries.coachMiddleWaits(business: business), parameters: values) {
            let key = AuthorKey(type: .coach, id: optionalText(row, 0), name: optionalText(row, 1))
            guard aggregate.coaches[key] != nil else { throw .badValue("a first response by a coach without messages") }
            aggregate.coaches[key]?.firstResponses = Int(try integer(row, 2))
            aggregate.coaches[key]?.middleWaits.append(try integer(row, 3))
        }
        if tables.has("conversation_events") {
            for row in try rows(queries.coachCloses, parameters: values) {
                // Closes count only for coaches with a message in the period.
                aggregate.coaches[AuthorKey(type: .coach, id: try text(row, 0), name: nil)]?.closes = Int(try integer(row, 1))
            }
        }
        let ids = Set(aggregate.coaches.keys.compactMap(\.id))
        if !ids.isEmpty {
            for row in try rows(queries.latestNames, parameters: values) {
                let id = try text(row, 0)
                if ids.contains(id) { aggregate.names[id] = try text(row, 1) }
            }
        }
        return aggregate
    }

    /// The median first response (minutes) of a range of instants alone: what the summary's
    /// trend shows per earlier period (one query; nil when none was answered).
    public func medianFirstResponseMinutes(
        instants range: Range<Instant>, calendar: ReportCalendar, businessHours: BusinessHours?
    ) throws(WarehouseError) -> Double? {
        var aggregate = ResponseTimeAggregate.empty()
        let tables = try tables()
        guard tables.has("messages") else { return nil }
        let business = Self.businessIntervals(range, calendar: calendar, businessHours: businessHours)
        (aggregate.middleWaits, _) = try middleAndP90(queries(tables), business: business, Self.rangeParameters(range))
        return aggregate.medianFirstResponseMinutes
    }

    /// The middle one or two waits and the nearest-rank 90th percentile.
    private func middleAndP90(
        _ queries: WarehouseQueries, business: [Range<Instant>]?, _ values: [String: WarehouseParameter]
    ) throws(WarehouseError) -> (middle: [Int64], p90: Int64?) {
        var middle: [Int64] = []
        var p90: Int64?
        for row in try rows(queries.responseTimeMiddleWaits(business: business), parameters: values) {
            let (rank, total, wait) = (try integer(row, 0), try integer(row, 1), try integer(row, 2))
            if rank >= (total + 1) / 2 && rank <= total / 2 + 1 { middle.append(wait) }
            if rank == (9 * total + 9) / 10 { p90 = wait }
        }
        return (middle, p90)
    }

    private static func rangeParameters(_ range: Range<Instant>) -> [String: WarehouseParameter] {
        ["from": .timestamp(range.lowerBound), "to": .timestamp(range.upperBound)]
    }

    /// The UTC ranges of `range` inside business hours; nil without business hours.
    static func businessIntervals(
        _ range: Range<Instant>, calendar: ReportCalendar, businessHours: BusinessHours?
    ) -> [Range<Instant>]? {
        businessHours.map { BusinessClock(hours: $0, calendar: calendar, window: range).intervals }
    }
}
