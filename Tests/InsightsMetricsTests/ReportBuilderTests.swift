import InsightsMetrics
import InsightsTestSupport
import Testing

/// Two days in UTC, 2026-10-05 (a Monday) and 2026-10-06, as a warehouse would hand them
/// over: aggregates, no message rows.
///
/// Day 1: c1 and c2 write 3 messages at 09:00, 1 is sent. Day 2: c2 and c3 write 2 at
/// 10:00, 4 are sent. c3 is new (first wrote 10-06 10:00). Stack s1 sent 3, coach k1 sent 2
/// (listed as 1 + 1). Two conversations: c1's, opened 10-05 09:00 and closed at 12:00 (3 h);
/// c2's, opened 10-06 10:00 and still open. One goal with one behaviour: c1 and c2 start it,
/// c1 completes it and actions the behaviour twice.
private func twoDays() -> PeriodData {
    let calendar = zone("UTC")
    let days = period("2026-10-05", "2026-10-06")
    var heatmap = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    heatmap[0][9] = 3
    heatmap[1][10] = 2
    let tally = MessageTally(
        period: days, calendar: calendar, dailyActive: [ContactSet([1, 2]), ContactSet([2, 3])], dailyReceived: [3, 2],
        dailySent: [1, 4], heatmap: heatmap,
        authors: [
            (AuthorKey(type: .stack, id: "s1", name: nil), 3), (AuthorKey(type: .coach, id: "k1", name: nil), 1),
            (AuthorKey(type: .coach, id: "k1", name: nil), 1),
        ])
    return PeriodData(
        period: days, calendar: calendar, tally: tally,
        previous: PreviousPeriodCounts(received: 4, sent: 10, activeUsers: 2, newUsers: 1),
        firstInbound: [utc("2026-10-06T10:00")], countries: ["ZA": 2, "ZZ": 1], latestNames: ["s1": "Sam"],
        conversationSpans: [
            ConversationSpan(contact: 1, openedAt: utc("2026-10-05T09:00"), closedAt: utc("2026-10-05T12:00"), isReopen: false),
            ConversationSpan(contact: 2, openedAt: utc("2026-10-06T10:00"), closedAt: nil, isReopen: true),
        ],
        goals: [GoalDefinition(id: "g1", name: "Quit", behaviours: [BehaviourDefinition(id: "b1", name: "Plan")])],
        goalEvents: [
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: nil, kind: .started, timestamp: utc("2026-10-05T09:00")),
            GoalEventRow(contact: 2, goalID: "g1", behaviourID: nil, kind: .started, timestamp: utc("2026-10-05T10:00")),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: utc("2026-10-05T11:00")),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: "b1", kind: .actioned, timestamp: utc("2026-10-06T11:00")),
            GoalEventRow(contact: 1, goalID: "g1", behaviourID: nil, kind: .completed, timestamp: utc("2026-10-06T12:00")),
        ])
}

@Suite struct ReportBuilderTests {
    @Test func presentationFieldsComeFromTheCaller() {
        let report = Report(data: twoDays(), serviceName: "Line", generatorVersion: "9.9")
        #expect(report.serviceName == "Line")
        #expect(report.generatorVersion == "9.9")
        #expect(report.period == period("2026-10-05", "2026-10-06"))
        #expect(report.previousPeriod == period("2026-10-03", "2026-10-04"))
        #expect(!report.isEmpty)
    }

    @Test func audienceAndEngagementFromTheAggregates() {
        let report = Report(data: twoDays(), serviceName: "Line", generatorVersion: "9.9")
        // c1, c2, c3 are active; c3 is new; c1 and c2 return.
        #expect(report.audience.activeUsers == 3)
        #expect(report.audience.newUsers == 1)
        #expect(report.audience.returningUsers == 2)
        #expect(report.audience.previous == PreviousAudience(activeUsers: 2, newUsers: 1))
        #expect(
            report.audience.daily == [
                DailyAudience(date: day("2026-10-05"), activeUsers: 2, newUsers: 0),
                DailyAudience(date: day("2026-10-06"), activeUsers: 2, newUsers: 1),
            ])
        #expect(
            report.audience.countries == [
                CountryCount(country: "ZA", activeUsers: 2), CountryCount(country: "ZZ", activeUsers: 1),
            ])
        // 3 + 2 received, 1 + 4 sent; 5 received over 2 + 2 user-days = 1.25.
        #expect(report.engagement.messagesReceived == 5)
        #expect(report.engagement.messagesSent == 5)
        #expect(report.engagement.averageMessagesPerUserPerDay == 1.25)
        #expect(report.engagement.previous == PreviousEngagement(messagesReceived: 4, messagesSent: 10))
        #expect(report.engagement.busiestSlot == HeatmapSlot(weekday: 0, hour: 9, count: 3))
    }

    @Test func authorshipConversationsAndImpact() {
        let report = Report(data: twoDays(), serviceName: "Line", generatorVersion: "9.9")
        // Stack 3 of 5 sent (0.6), coach 2 (0.4, its two entries added up); k1 has no stored name.
        let shares = Dictionary(uniqueKeysWithValues: report.authorship.byType.map { ($0.authorType, $0.messages) })
        #expect(shares[.stack] == 3)
        #expect(shares[.coach] == 2)
        #expect(report.authorship.topAuthors[.stack] == [TopAuthor(authorID: "s1", name: "Sam", messages: 3)])
        #expect(report.authorship.topAuthors[.coach] == [TopAuthor(authorID: "k1", name: "k1", messages: 2)])
        // Both conversations opened in the period (c2's a reopen); c1's closed after 3 hours.
        #expect(
            report.conversations
                == ConversationMetrics(
                    active: 2, openAtEnd: 1, closedAtEnd: 1, opened: 2, reopened: 1, closed: 1, medianTimeToCloseHours: 3))
        // g1: started by c1 and c2, completed by c1; b1 actioned twice by one user.
        #expect(
            report.impact.goals == [
                GoalMetrics(
                    goalID: "g1", name: "Quit", started: 2, completed: 1,
                    behaviours: [BehaviourMetrics(behaviourID: "b1", name: "Plan", users: 1, actions: 2)])
            ])
    }

    @Test func anEmptyPeriodGivesAnEmptyReport() {
        let days = period("2026-10-05", "2026-10-06")
        let calendar = zone("Asia/Kathmandu")
        let data = PeriodData(
            period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
            previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [],
            countries: [:], latestNames: [:], conversationSpans: [], goals: [], goalEvents: [])
        let report = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        #expect(report.isEmpty)
        #expect(report.timeZoneIdentifier == "Asia/Kathmandu")
        #expect(report.audience.daily.map(\.activeUsers) == [0, 0])
        #expect(report.engagement.averageMessagesPerUserPerDay == nil)
    }
}
