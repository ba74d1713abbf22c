import InsightsMetrics

extension WarehouseSource {
    /// Every aggregate of a period, one call per block: what `Report(data:aggregates:…)`
    /// builds every block of the report from. A source made by `segmented(_:)` restricts
    /// each of them to its segment.
    ///
    /// - parameter businessHours: `--business-hours`, which the response times (the period's,
    ///   the previous period's and the summary trend's medians) are measured with.
    /// - parameter breakdowns: the `--breakdown` fields, in the order given.
    public func periodAggregates(
        period: ReportPeriod, calendar: ReportCalendar, businessHours: BusinessHours? = nil, breakdowns: [String] = []
    ) throws(WarehouseError) -> PeriodAggregates {
        var aggregates = PeriodAggregates(
            messages: try messageCounts(period: period, calendar: calendar),
            previous: try previousCounts(period: period, calendar: calendar),
            newUsersPerDay: try newUsersPerDay(period: period, calendar: calendar),
            countries: try countries(period: period, calendar: calendar),
            latestNames: try latestNames(period: period, calendar: calendar), goals: try goals(),
            goalCounts: try goalCounts(period: period, calendar: calendar),
            conversations: try conversationCounts(period: period, calendar: calendar))
        (aggregates.consent, aggregates.consentTimesStored) = try consentCounts(period: period, calendar: calendar)
        (aggregates.delivery, aggregates.previousReachedUsers, aggregates.statusesStored) = try delivery(
            period: period, calendar: calendar)
        aggregates.journeys = try journeys(period: period, calendar: calendar)
        aggregates.responseTimes = try responseTimes(period: period, calendar: calendar, businessHours: businessHours)
        aggregates.previousResponseTimes = try responseTimes(
            period: period.previous, calendar: calendar, businessHours: businessHours)
        aggregates.summary = try summaryAggregate(
            period: period, calendar: calendar, statusesStored: aggregates.statusesStored)
        // The trend's earlier periods' median first response: one query for all of them,
        // grouped by period (the report's own period is the block's median), as
        // `TrendAggregate.firstResponseMedians` keeps them (periods with none absent).
        let earlier = Array(period.trendPeriods.dropLast())
        let values = try medianFirstResponseMinutes(
            ranges: earlier.map { $0.instants(in: calendar) }, calendar: calendar, businessHours: businessHours)
        var medians: [TrendPeriod: Double] = [:]
        for (trendPeriod, median) in zip(earlier, values) { medians[trendPeriod] = median }
        aggregates.summary.trend?.firstResponseMedians = medians
        aggregates.breakdowns = try breakdowns.map { field throws(WarehouseError) in
            try breakdown(field: field, period: period, calendar: calendar, statusesStored: aggregates.statusesStored)
        }
        return aggregates
    }
}
