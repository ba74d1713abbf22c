extension Report {
    /// Computes every metric of a period from its plain data.
    ///
    /// - parameter data: what a `ReportSource` read for the period.
    /// - parameter serviceName: the helpline's name shown in the header.
    /// - parameter generatorVersion: the version of Insights computing it.
    /// - parameter businessHours: a setting, not data (`--business-hours`): when given, only
    ///   time inside these hours counts towards a response time.
    public init(data: PeriodData, serviceName: String, generatorVersion: String, businessHours: BusinessHours? = nil) {
        let tally = data.tally
        let instants = data.instants
        let audience = AudienceMetrics(
            tally: tally, firstInbound: data.firstInbound, countries: data.countries,
            previous: PreviousAudience(activeUsers: data.previous.activeUsers, newUsers: data.previous.newUsers))
        let engagement = EngagementMetrics(
            tally: tally,
            previous: PreviousEngagement(messagesReceived: data.previous.received, messagesSent: data.previous.sent))
        self.init(
            serviceName: serviceName, generatorVersion: generatorVersion, period: data.period,
            timeZoneIdentifier: data.calendar.identifier,
            impact: ImpactMetrics(goals: data.goals, events: data.goalEvents), audience: audience,
            engagement: engagement, conversations: ConversationMetrics(period: data.instants, spans: data.conversationSpans),
            authorship: AuthorshipMetrics(tally: tally, latestNames: data.latestNames),
            reach: data.delivery.map {
                ReachMetrics(tally: $0, statusesStored: data.statusesStored, previousReachedUsers: data.previousReachedUsers)
            },
            consent: ConsentMetrics(period: data.instants, rows: data.consent, timesStored: data.consentTimesStored),
            journeys: JourneyMetrics(
                period: instants, runs: data.journeyRuns, results: data.journeyResults, names: data.journeyNames),
            journeysImported: data.journeysImported || !data.journeyRuns.isEmpty,
            journeyResultsInPeriod: data.journeyResults.count { instants.contains($0.timestamp) },
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
