import InsightsMetrics

extension WarehouseSource {
    /// Every aggregate of a period the engine computes, one call per block: what
    /// `Report(data:aggregates:…)` builds the report's blocks from.
    ///
    /// A block whose aggregate the engine does not compute yet keeps `PeriodAggregates`'s
    /// empty value here, and is listed in `WarehouseSource.blocksNotComputed` so that no
    /// report is made from it (see `report(period:calendar:serviceName:generatorVersion:businessHours:)`).
    /// Adding a block is one line below and one entry fewer in that list.
    public func periodAggregates(period: ReportPeriod, calendar: ReportCalendar) throws(WarehouseError) -> PeriodAggregates {
        var aggregates = PeriodAggregates(
            messages: try messageCounts(period: period, calendar: calendar),
            previous: try previousCounts(period: period, calendar: calendar),
            newUsersPerDay: try newUsersPerDay(period: period, calendar: calendar), countries: [:],
            latestNames: try latestNames(period: period, calendar: calendar), goals: try goals(),
            goalCounts: try goalCounts(period: period, calendar: calendar),
            conversations: try conversationCounts(period: period, calendar: calendar))
        (aggregates.consent, aggregates.consentTimesStored) = try consentCounts(period: period, calendar: calendar)
        (aggregates.delivery, aggregates.previousReachedUsers, aggregates.statusesStored) = try delivery(
            period: period, calendar: calendar)
        return aggregates
    }
}
