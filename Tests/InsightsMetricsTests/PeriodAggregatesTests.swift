import InsightsMetrics
import InsightsTestSupport
import Testing

/// The SQLite path's rows reduced to the aggregates a warehouse returns, worked out by hand,
/// and the blocks built from the aggregates equal to the blocks built from the rows.
@Suite struct PeriodAggregatesTests {
    /// 2026-03-28 to 2026-03-29 in Berlin: the 29th has 23 hours (clocks go forward at
    /// 02:00 local = 01:00Z).
    static let berlin = zone("Europe/Berlin")
    static let days = period("2026-03-28", "2026-03-29")

    static func tally() -> MessageTally {
        var tally = MessageTally(period: days, calendar: berlin)
        tally.add(contentsOf: [
            MessageRow(contact: 1, inbound: true, timestamp: local("2026-03-28T23:30", "Europe/Berlin")),  // Sat 23h
            MessageRow(contact: 1, inbound: true, timestamp: local("2026-03-29T00:10", "Europe/Berlin")),  // Sun 0h
            MessageRow(contact: 2, inbound: true, timestamp: local("2026-03-29T03:10", "Europe/Berlin")),  // Sun 3h (CEST)
            MessageRow(contact: 1, inbound: true, timestamp: local("2026-03-29T03:50", "Europe/Berlin")),  // Sun 3h
            MessageRow(
                contact: 2, inbound: false, timestamp: local("2026-03-29T04:00", "Europe/Berlin"), authorType: .coach,
                authorID: "k1", authorName: "Amina"),
            MessageRow(contact: 2, inbound: false, timestamp: local("2026-03-28T10:00", "Europe/Berlin"), authorType: .stack),
            MessageRow(
                contact: 1, inbound: false, timestamp: local("2026-03-29T05:00", "Europe/Berlin"), authorType: .coach,
                authorID: "k1", authorName: "Other"),
        ])
        return tally
    }

    @Test func messageCounts() {
        let counts = Self.tally().counts
        // 28th: contact 1 active, 1 received, 1 sent (stack). 29th: contacts 1 and 2, 3
        // received, 2 sent. Over the period: 2 distinct contacts (not 1 + 2 = 3).
        #expect(counts.dailyActiveUsers == [1, 2])
        #expect(counts.activeUsers == 2)
        #expect(counts.dailyReceived == [1, 3])
        #expect(counts.dailySent == [1, 2])
        // Saturday is row 5, Sunday row 6 (Monday first).
        #expect(counts.heatmap[5][23] == 1)
        #expect(counts.heatmap[6][0] == 1)
        #expect(counts.heatmap[6][3] == 2)
        #expect(counts.heatmap.flatMap { $0 }.reduce(0, +) == 4)
        // k1 groups by id whatever the name; the stack message has no id and no name.
        #expect(
            counts.authors == [
                AuthorKey(type: .coach, id: "k1", name: nil): 2, AuthorKey(type: .stack, id: nil, name: nil): 1,
            ])
    }

    /// Audience, engagement and authorship from the counts equal those from the tally.
    @Test func blocksFromCountsEqualBlocksFromRows() {
        let tally = Self.tally()
        let first = [local("2026-03-29T03:10", "Europe/Berlin"), local("2026-03-28T23:30", "Europe/Berlin")]
        let previous = PreviousAudience(activeUsers: 4, newUsers: 1)
        let fromRows = AudienceMetrics(tally: tally, firstInbound: first, countries: ["KE": 2], previous: previous)
        // One new user each day.
        let perDay = AudienceMetrics.newUsersPerDay(first, period: Self.days, calendar: Self.berlin)
        #expect(perDay == [1, 1])
        let fromCounts = AudienceMetrics(
            period: Self.days, messages: tally.counts, newUsersPerDay: perDay, countries: ["KE": 2], previous: previous)
        #expect(fromRows == fromCounts)
        #expect(fromCounts.activeUsers == 2 && fromCounts.newUsers == 2 && fromCounts.returningUsers == 0)
        let engagementPrevious = PreviousEngagement(messagesReceived: 1, messagesSent: 2)
        let engagement = EngagementMetrics(period: Self.days, messages: tally.counts, previous: engagementPrevious)
        #expect(EngagementMetrics(tally: tally, previous: engagementPrevious) == engagement)
        // 4 received over 1 + 2 active user-days.
        #expect(engagement.averageMessagesPerUserPerDay == 4.0 / 3.0)
        let names = ["k1": "Amina"]
        #expect(
            AuthorshipMetrics(tally: tally, latestNames: names)
                == AuthorshipMetrics(authors: tally.counts.authors, latestNames: names))
    }

    @Test func goalCounts() {
        let goals = [
            GoalDefinition(id: "g1", name: "Quit", behaviours: [BehaviourDefinition(id: "b1", name: "Plan")]),
            GoalDefinition(id: "g2", name: "Move", behaviours: []),
        ]
        let t = utc("2026-03-29T10:00")
        let events = [
            GoalEventRow(contact: 1, goalID: "g1", kind: .started, timestamp: t),
            GoalEventRow(contact: 1, goalID: "g1", kind: .started, timestamp: t + 1),
            GoalEventRow(contact: 2, goalID: "g1", kind: .started, timestamp: t),
            GoalEventRow(contact: 2, goalID: "g1", kind: .completed, timestamp: t),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: t),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: t + 5),
            GoalEventRow(contact: 3, goalID: "g1", kind: .actioned, timestamp: t),  // no behaviour: nothing
        ]
        let counts = GoalCounts(events: events)
        // g1: started by 1 and 2 (1 twice), completed by 2; b1: 1 user, 2 actions.
        #expect(counts.started == ["g1": 2])
        #expect(counts.completed == ["g1": 1])
        #expect(counts.behaviours == [BehaviourKey(goalID: "g1", behaviourID: "b1"): BehaviourCount(users: 1, actions: 2)])
        #expect(ImpactMetrics(goals: goals, counts: counts) == ImpactMetrics(goals: goals, events: events))
        #expect(ImpactMetrics(goals: goals, counts: counts).goals.map(\.started) == [2, 0])
    }

    /// Conversation counts from the replay's definition (inbound messages and events), the
    /// median from the middle values only.
    @Test func conversationCounts() {
        let range = period("2026-10-10", "2026-10-12").instants(in: zone("UTC"))
        let inbound: [(ContactKey, Instant)] = [
            (1, utc("2026-10-10T08:00")),  // closed 2 h later
            (2, utc("2026-10-10T09:00")),  // closed 1 h later
            (3, utc("2026-10-09T09:00")),  // open since before: closed 10-10T15:00, 30 h
            (4, utc("2026-10-11T09:00")),  // still open
            (5, utc("2026-10-11T09:00")),  // closed at the same instant: 0 h
        ]
        let events = [
            ConversationEventRow(contact: 1, kind: .closed, timestamp: utc("2026-10-10T10:00"), sequence: 1),
            ConversationEventRow(contact: 2, kind: .closed, timestamp: utc("2026-10-10T10:00"), sequence: 2),
            ConversationEventRow(contact: 3, kind: .closed, timestamp: utc("2026-10-10T15:00"), sequence: 3),
            ConversationEventRow(contact: 5, kind: .closed, timestamp: utc("2026-10-11T09:00"), sequence: 4),
            ConversationEventRow(contact: 1, kind: .reopened, timestamp: utc("2026-10-12T00:00"), sequence: 5),
        ]
        var spans: [ConversationSpan] = []
        for contact in 1...5 {
            var replay = ConversationReplay(contact: ContactKey(contact))
            replay.apply(
                inbound.filter { $0.0 == contact }.map { .inbound(at: $0.1) }
                    + events.filter { $0.contact == contact }.map { .event($0.kind, at: $0.timestamp, sequence: $0.sequence) })
            spans += replay.spans
        }
        let counts = ConversationCounts(period: range, spans: spans)
        // Active: all 5; open at the end: 1 (reopened) and 4; opened in the period: 1, 2, 4,
        // 5 and 1's reopen = 5, of which 1 reopen; closes: 4 with durations 0, 1, 2, 30 h:
        // the middle two are 1 h and 2 h (median 1.5 h).
        let hour: Int64 = 3_600_000_000
        #expect(
            counts
                == ConversationCounts(
                    active: 5, openAtEnd: 2, opened: 5, reopened: 1, closed: 4, middleDurations: [hour, 2 * hour]))
        let metrics = ConversationMetrics(counts: counts)
        #expect(metrics == ConversationMetrics(period: range, inbound: inbound, events: events))
        #expect(metrics.medianTimeToCloseHours == 1.5)
        // An odd number of closes keeps one middle value.
        let odd = ConversationCounts(period: range, spans: spans.filter { $0.contact != 5 })
        #expect(odd.middleDurations == [2 * hour])
    }

    /// Consent from counts equals consent from the rows, measured or not.
    @Test func consentCounts() {
        let range = period("2026-03-29", "2026-03-29").instants(in: zone("UTC"))
        let rows = [
            ConsentRow(contact: 1, optedInAt: utc("2026-03-29T08:00"), optedOutAt: utc("2026-03-29T08:00")),  // in, still in
            ConsentRow(contact: 2, optedInAt: utc("2026-03-01T00:00"), optedOutAt: utc("2026-03-29T10:00")),  // out in the period
            ConsentRow(contact: 3, optedInAt: nil, optedOutAt: nil),  // ignored
            ConsentRow(contact: 4, optedInAt: utc("2026-03-30T00:00"), optedOutAt: nil),  // at the end: outside, not in
        ]
        let counts = ConsentCounts(period: range, rows: rows)
        // 3 contacts with a time; opt-ins: 1 (contact 1); opt-outs: 1 and 2 (the opt-out at
        // the opt-in's instant counts too); opted in at the end: 1.
        #expect(counts == ConsentCounts(contactsWithTimes: 3, optIns: 1, optOuts: 2, optedInAtEnd: 1))
        #expect(ConsentMetrics(counts: counts, timesStored: true) == ConsentMetrics(period: range, rows: rows, timesStored: true))
        let none = ConsentCounts(period: range, rows: [rows[2]])
        #expect(ConsentMetrics(counts: none, timesStored: false) == .unmeasured)
        #expect(ConsentMetrics(counts: none, timesStored: true) == ConsentMetrics(optIns: 0, optOuts: 0, optedInAtEnd: 0))
        #expect(
            ConsentMetrics(counts: none, timesStored: true) == ConsentMetrics(period: range, rows: [rows[2]], timesStored: true))
    }

    /// Reach from the delivery aggregate equals reach from the tally.
    @Test func deliveryAggregate() {
        let days = period("2026-03-29", "2026-03-30")
        var tally = DeliveryTally(period: days, calendar: zone("UTC"))
        let t = utc("2026-03-29T10:00")
        let minute: Int64 = 60_000_000
        tally.add(contentsOf: [
            OutboundDeliveryRow(
                contact: 1, timestamp: t, authorType: .coach,
                statuses: [MessageStatusRow(status: .read, timestamp: t + 3 * minute, error: nil)]),  // 3 min
            OutboundDeliveryRow(
                contact: 1, timestamp: t, authorType: .stack,
                statuses: [MessageStatusRow(status: .read, timestamp: t + 9 * minute, error: nil)]),  // 9 min
            OutboundDeliveryRow(
                contact: 2, timestamp: t + 86_400_000_000, authorType: .stack,
                statuses: [MessageStatusRow(status: .failed, timestamp: t, error: " 131026 ")]),
            OutboundDeliveryRow(contact: 3, timestamp: t, authorType: .api, statuses: []),
        ])
        let aggregate = DeliveryAggregate(tally: tally)
        // Contact 1 reached (twice); the two read delays are the middle values (median 6 min).
        #expect(aggregate.reachedUsers == 1 && aggregate.readMessages == 2)
        #expect(aggregate.middleReadMinutes == [3, 9])
        #expect(aggregate.failures == ["131026": 1])
        #expect(aggregate.daily.map(\.messages) == [3, 1])
        let fromTally = ReachMetrics(tally: tally, statusesStored: true, previousReachedUsers: 4)
        let fromAggregate = ReachMetrics(aggregate: aggregate, period: days, statusesStored: true, previousReachedUsers: 4)
        #expect(fromTally == fromAggregate)
        #expect(fromAggregate.medianMinutesToRead == 6)
        // Raw errors that trim alike add up.
        #expect(DeliveryAggregate.failures(byRawError: [(" a", 1), ("a ", 2), (nil, 1), ("", 3)]) == ["a": 3, "(none)": 4])
    }
}
