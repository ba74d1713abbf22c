extension Report {
    /// Computes every metric of a period from its plain data.
    ///
    /// - parameter data: what a `ReportSource` read for the period.
    /// - parameter serviceName: the helpline's name shown in the header.
    /// - parameter generatorVersion: the version of Insights computing it.
    /// - parameter businessHours: a setting, not data (`--business-hours`): when given, only
    ///   time inside these hours counts towards a response time.
    public init(data: PeriodData, serviceName: String, generatorVersion: String, businessHours: BusinessHours? = nil) {
        self.init(
            data: data, aggregates: data.aggregates(businessHours: businessHours), serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours)
    }

    /// Computes every metric of a period: the audience, engagement, authorship, impact,
    /// conversations, consent, reach, Journeys and response-time blocks, the breakdowns and the
    /// summary band from `aggregates` (a warehouse's, or `data.aggregates`); from `data` only the
    /// period, the zone, the segment and the rows of the summary trend's medians of the first
    /// response when `aggregates` lacks them. Response times (and the previous period's) must be
    /// measured with the same `businessHours`.
    public init(
        data: PeriodData, aggregates: PeriodAggregates, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours? = nil
    ) {
        let audience = AudienceMetrics(
            period: data.period, messages: aggregates.messages, newUsersPerDay: aggregates.newUsersPerDay,
            countries: aggregates.countries,
            previous: PreviousAudience(activeUsers: aggregates.previous.activeUsers, newUsers: aggregates.previous.newUsers))
        let engagement = EngagementMetrics(
            period: data.period, messages: aggregates.messages,
            previous: PreviousEngagement(
                messagesReceived: aggregates.previous.received, messagesSent: aggregates.previous.sent))
        self.init(
            serviceName: serviceName, generatorVersion: generatorVersion, period: data.period,
            timeZoneIdentifier: data.calendar.identifier,
            impact: ImpactMetrics(goals: aggregates.goals, counts: aggregates.goalCounts), audience: audience,
            engagement: engagement, conversations: ConversationMetrics(counts: aggregates.conversations),
            authorship: AuthorshipMetrics(authors: aggregates.messages.authors, latestNames: aggregates.latestNames),
            reach: aggregates.delivery.map {
                ReachMetrics(
                    aggregate: $0, period: data.period, statusesStored: aggregates.statusesStored,
                    previousReachedUsers: aggregates.previousReachedUsers)
            },
            consent: ConsentMetrics(counts: aggregates.consent, timesStored: aggregates.consentTimesStored),
            journeys: JourneyMetrics(aggregate: aggregates.journeys), journeysImported: aggregates.journeys.runsStored,
            journeyResultsInPeriod: aggregates.journeys.resultsInPeriod,
            responseTimes: ResponseTimeMetrics(aggregate: aggregates.responseTimes),
            previousResponseTimes: ResponseTimeMetrics(aggregate: aggregates.previousResponseTimes))
        segment = data.segment
        breakdowns = aggregates.breakdowns.map { Breakdown(aggregate: $0, statusesStored: aggregates.statusesStored) }
        var summaryAggregate = aggregates.summary
        // Still from rows: the earlier periods' median first response, until the engine
        // computes the response-time aggregate per period (`TrendAggregate.firstResponseMedians`).
        if summaryAggregate.trend?.firstResponseMedians == nil, let input = data.trend {
            summaryAggregate.trend?.firstResponseMedians = TrendAggregate.firstResponseMedians(
                of: data.period, input: input, calendar: data.calendar, businessHours: businessHours)
        }
        summary = SummaryMetrics(report: self, aggregate: summaryAggregate, period: data.period, calendar: data.calendar)
    }
}
