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
            data: data, aggregates: data.aggregates, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours)
    }

    /// Computes every metric of a period: the audience, engagement, authorship, impact,
    /// conversations, consent, reach and Journeys blocks from `aggregates` (a warehouse's, or `data.aggregates`), the
    /// other blocks from `data`'s rows.
    public init(
        data: PeriodData, aggregates: PeriodAggregates, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours? = nil
    ) {
        let instants = data.instants
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
            responseTimes: ResponseTimeMetrics(
                period: data.instants, spans: data.conversationSpans, coachMessages: data.coachMessages,
                closes: data.closeEvents, coachNames: data.coachNames, businessHours: businessHours, calendar: data.calendar),
            previousResponseTimes: ResponseTimeMetrics(
                period: data.period.previous.instants(in: data.calendar), spans: data.previousConversationSpans,
                coachMessages: data.previousCoachMessages, closes: data.previousCloseEvents, coachNames: data.coachNames,
                businessHours: businessHours, calendar: data.calendar))
        segment = data.segment
        breakdowns = data.breakdownInputs.map { input in
            Breakdown(
                input: input, received: data.receivedByContact, newContacts: data.newContacts, goalEvents: data.goalEvents,
                journeyRuns: data.journeyRuns, periodEnd: instants.upperBound,
                reached: data.statusesStored ? data.delivery?.reached ?? ContactSet() : nil)
        }
        summary = SummaryMetrics(report: self, data: data, businessHours: businessHours)
    }
}
