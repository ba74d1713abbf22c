import InsightsMetrics

/// A small report built from hand-made rows (no database), for rendering tests.
public func sampleReport(authorName: String = "Thandi M.", serviceName: String = "Sample Helpline") -> Report {
    let reportPeriod = period("2026-10-05", "2026-10-07")
    let calendar = zone("Africa/Johannesburg")
    var tally = MessageTally(period: reportPeriod, calendar: calendar)
    tally.add(contentsOf: [
        MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-05T07:00")),
        MessageRow(contact: 1, inbound: false, timestamp: utc("2026-10-05T07:01"), authorType: .stack, authorID: "s1"),
        MessageRow(contact: 2, inbound: true, timestamp: utc("2026-10-06T12:00")),
        MessageRow(contact: 2, inbound: false, timestamp: utc("2026-10-06T12:05"), authorType: .coach, authorID: "k1"),
        MessageRow(contact: 2, inbound: false, timestamp: utc("2026-10-06T12:06"), authorType: .automation, authorName: "HELP"),
    ])
    let facts: [ContactKey: ContactFacts] = [
        1: ContactFacts(firstInbound: utc("2026-09-01T07:00"), country: "ZA"),
        2: ContactFacts(firstInbound: utc("2026-10-06T12:00"), country: "CI"),
    ]
    let range = reportPeriod.instants(in: calendar)
    // Delivery: c1's stack message read 10 minutes after it was sent, c2's coach message
    // failed (131026), c2's automation message has no status; 2 reached users before.
    var delivery = DeliveryTally(period: reportPeriod, calendar: calendar)
    delivery.add(contentsOf: [
        OutboundDeliveryRow(
            contact: 1, timestamp: utc("2026-10-05T07:01"), authorType: .stack,
            statuses: [
                MessageStatusRow(status: .delivered, timestamp: utc("2026-10-05T07:02")),
                MessageStatusRow(status: .read, timestamp: utc("2026-10-05T07:11")),
            ]),
        OutboundDeliveryRow(
            contact: 2, timestamp: utc("2026-10-06T12:05"), authorType: .coach,
            statuses: [MessageStatusRow(status: .failed, timestamp: utc("2026-10-06T12:06"), error: "131026")]),
        OutboundDeliveryRow(contact: 2, timestamp: utc("2026-10-06T12:06"), authorType: .automation, statuses: []),
    ])
    // Consent: c1 opted in during the period; c2 opted in before it and out during it.
    let consent = ConsentMetrics(
        period: range,
        rows: [
            ConsentRow(contact: 1, optedInAt: utc("2026-10-05T08:00"), optedOutAt: nil),
            ConsentRow(contact: 2, optedInAt: utc("2026-09-01T08:00"), optedOutAt: utc("2026-10-06T13:00")),
        ])
    return Report(
        serviceName: serviceName, generatorVersion: "0.0.0-test", period: reportPeriod,
        timeZoneIdentifier: "Africa/Johannesburg",
        impact: ImpactMetrics(
            goals: [
                GoalDefinition(id: "g1", name: "Quit smoking", behaviours: [BehaviourDefinition(id: "b1", name: "Quit date")])
            ],
            events: [
                GoalEventRow(contact: 1, goalID: "g1", kind: .started, timestamp: utc("2026-10-05T08:00")),
                GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: utc("2026-10-05T08:00")),
            ]),
        audience: AudienceMetrics(tally: tally, facts: facts, previous: PreviousAudience(activeUsers: 1, newUsers: 0)),
        engagement: EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 4, messagesSent: 0)),
        conversations: ConversationMetrics(
            period: range, inbound: [(1, utc("2026-10-05T07:00")), (2, utc("2026-10-06T12:00"))],
            events: [ConversationEventRow(contact: 1, kind: .closed, timestamp: utc("2026-10-05T09:00"), sequence: 1)]),
        authorship: AuthorshipMetrics(tally: tally, latestNames: ["s1": "Onboarding", "k1": authorName]),
        reach: ReachMetrics(tally: delivery, statusesStored: true, previousReachedUsers: 2), consent: consent,
        // Contact 1 opened at 07:00 and was closed by k1 at 09:00 unanswered; contact 2 opened
        // at 12:00 and k1 answered at 12:05: 1 of 2 answered, in 5 minutes.
        responseTimes: ResponseTimeMetrics(
            period: range,
            spans: [
                ConversationSpan(
                    contact: 1, openedAt: utc("2026-10-05T07:00"), closedAt: utc("2026-10-05T09:00"), isReopen: false,
                    openedByInbound: true),
                ConversationSpan(
                    contact: 2, openedAt: utc("2026-10-06T12:00"), closedAt: nil, isReopen: false, openedByInbound: true),
            ],
            coachMessages: [CoachMessageRow(messageID: "m4", contact: 2, timestamp: utc("2026-10-06T12:05"), authorID: "k1")],
            closes: [CloseEventRow(contact: 1, timestamp: utc("2026-10-05T09:00"), actorID: "k1", sequence: 1)],
            coachNames: ["k1": authorName], calendar: calendar),
        // The previous period waited 10 minutes: this one's 5 is 50 % shorter.
        previousResponseTimes: ResponseTimeMetrics(
            openedByUsers: 1, answeredByCoach: 1, unanswered: 0, medianFirstResponseMinutes: 10, p90FirstResponseMinutes: 10,
            businessHours: nil, buckets: ResponseTimeMetrics.empty.buckets, coaches: []))
}

/// A report of a period with no data at all (goals exist, nothing happened).
public func emptyReport() -> Report {
    let reportPeriod = period("2026-10-05", "2026-10-07")
    let calendar = zone("UTC")
    let tally = MessageTally(period: reportPeriod, calendar: calendar)
    return Report(
        serviceName: "Quiet Helpline", generatorVersion: "0.0.0-test", period: reportPeriod, timeZoneIdentifier: "UTC",
        impact: ImpactMetrics(goals: [GoalDefinition(id: "g1", name: "Quit smoking", behaviours: [])], events: []),
        audience: AudienceMetrics(tally: tally, facts: [:], previous: PreviousAudience(activeUsers: 0, newUsers: 0)),
        engagement: EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 0, messagesSent: 0)),
        conversations: ConversationMetrics(period: reportPeriod.instants(in: calendar), inbound: [], events: []),
        authorship: AuthorshipMetrics(tally: tally, latestNames: [:]))
}
