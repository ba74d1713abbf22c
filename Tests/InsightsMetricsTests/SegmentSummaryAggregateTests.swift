import InsightsMetrics
import InsightsTestSupport
import Testing

/// The breakdowns and the summary band from aggregates (what a warehouse returns) equal the
/// same blocks from rows, with the counts worked out by hand.
@Suite struct SegmentSummaryAggregateTests {
    let end: Instant = 1_000_000

    func value(_ text: String) -> FieldValue {
        FieldValue(value: text, folded: FieldValue.folded(text))
    }

    /// Contacts: 1 "Kisumu" (2 messages, completes a goal twice, a run completed before the
    /// end, reached), 2 " kisumu" (1 message, new, a run completed after the end), 3
    /// "Nairobi" (not active, completes a goal), 4 without the field (3 messages, new,
    /// reached), 5 "Kisumu" (not active, reached).
    func rows() -> (input: BreakdownInput, received: [ContactKey: Int], runs: [JourneyRunRow], goals: [GoalEventRow]) {
        let input = BreakdownInput(
            field: "district", values: [1: value("Kisumu"), 2: value(" kisumu"), 3: value("Nairobi"), 5: value("Kisumu")])
        let goals = [1, 1, 3].map {
            GoalEventRow(contact: ContactKey($0), goalID: "g", behaviourID: nil, kind: .completed, timestamp: 5)
        }
        let runs = [
            JourneyRunRow(runID: "r1", contact: 1, journeyID: "j", startedAt: 1, endedAt: 10, outcome: .completed, lastStep: nil),
            JourneyRunRow(
                runID: "r2", contact: 2, journeyID: "j", startedAt: 1, endedAt: end, outcome: .completed, lastStep: nil),
        ]
        return (input, [1: 2, 2: 1, 4: 3], runs, goals)
    }

    @Test func breakdownRowsReducedToCountsPerStoredValue() {
        let (input, received, runs, goals) = rows()
        let aggregate = BreakdownAggregate(
            input: input, received: received, newContacts: ContactSet([2, 4]), goalEvents: goals, journeyRuns: runs,
            periodEnd: end, reached: ContactSet([1, 4, 5]))
        // Per stored value, not folded: "Kisumu" is held by 1 and 5 (1 active with 2
        // messages, 1 completer, run r1, both reached); " kisumu" by 2 (new, 1 message; r2
        // ended at the end: in progress); "Nairobi" by 3 (a completer, not active).
        #expect(
            aggregate.values == [
                "Kisumu": BreakdownValueCounts(
                    holders: 2, activeUsers: 1, messagesReceived: 2, goalCompletions: 1, journeyCompletions: 1, reachedUsers: 2),
                " kisumu": BreakdownValueCounts(holders: 1, activeUsers: 1, newUsers: 1, messagesReceived: 1),
                "Nairobi": BreakdownValueCounts(holders: 1, goalCompletions: 1),
            ])
        // Contact 4: no value.
        #expect(aggregate.none == BreakdownValueCounts(activeUsers: 1, newUsers: 1, messagesReceived: 3, reachedUsers: 1))
    }

    @Test func breakdownFromCountsEqualsBreakdownFromRows() {
        let (input, received, runs, goals) = rows()
        for reached in [ContactSet([1, 4, 5]), nil] {
            let fromRows = Breakdown(
                input: input, received: received, newContacts: ContactSet([2, 4]), goalEvents: goals, journeyRuns: runs,
                periodEnd: end, reached: reached)
            let aggregate = BreakdownAggregate(
                input: input, received: received, newContacts: ContactSet([2, 4]), goalEvents: goals, journeyRuns: runs,
                periodEnd: end, reached: reached)
            let fromCounts = Breakdown(aggregate: aggregate, statusesStored: reached != nil)
            #expect(fromCounts == fromRows)
            // "Kisumu" and " kisumu" are one group, shown as "Kisumu" (2 holders against 1):
            // 2 active, 1 new, 3 messages, 1 completer, 1 run, 2 reached. (none): contact 4.
            // "Nairobi" has no active user: no row.
            #expect(
                fromCounts.rows == [
                    BreakdownRow(
                        kind: .value, value: "Kisumu", activeUsers: 2, newUsers: 1, messagesReceived: 3, goalCompletions: 1,
                        journeyCompletions: 1, reachedUsers: reached == nil ? nil : 2),
                    BreakdownRow(
                        kind: .none, value: "(none)", activeUsers: 1, newUsers: 1, messagesReceived: 3, goalCompletions: 0,
                        journeyCompletions: 0, reachedUsers: reached == nil ? nil : 1),
                ])
        }
    }

    /// A warehouse may hold a blank value (the import drops them): it is no value, so its
    /// contacts join `(none)`; its holders name nothing.
    @Test func aBlankStoredValueIsNone() {
        let aggregate = BreakdownAggregate(
            field: "district",
            values: [
                "  ": BreakdownValueCounts(holders: 3, activeUsers: 1, messagesReceived: 4),
                "Lamu": BreakdownValueCounts(holders: 1, activeUsers: 1, messagesReceived: 1),
            ],
            none: BreakdownValueCounts(activeUsers: 1, messagesReceived: 2))
        let breakdown = Breakdown(aggregate: aggregate, statusesStored: false)
        // (none): 1 + 1 active, 4 + 2 messages; then Lamu.
        #expect(breakdown.rows.map(\.value) == ["(none)", "Lamu"])
        #expect(breakdown.rows.map(\.activeUsers) == [2, 1])
        #expect(breakdown.rows.map(\.messagesReceived) == [6, 1])
    }

    /// 5–6 October 2026 in UTC, previous period 3–4 October, trend of two-day periods; the
    /// first data is at 1 October 00:00, so 1–2 October is the oldest period with data.
    /// Contact 1's conversation of 1 October (08:00–09:00) is answered at 08:30; contact 2's
    /// (3 October 10:00 – 4 October 10:00) is never answered. Both are opened by an inbound
    /// message.
    func summaryData() -> PeriodData {
        let calendar = zone("UTC")
        let days = period("2026-10-05", "2026-10-06")
        var data = PeriodData(
            period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
            previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [],
            countries: [:], latestNames: [:], conversationSpans: [], goals: [],
            goalEvents: [
                GoalEventRow(contact: 1, goalID: "g", behaviourID: nil, kind: .completed, timestamp: utc("2026-10-06T12:00")),
                GoalEventRow(contact: 1, goalID: "h", behaviourID: nil, kind: .completed, timestamp: utc("2026-10-05T12:00")),
                GoalEventRow(contact: 2, goalID: "g", behaviourID: nil, kind: .started, timestamp: utc("2026-10-05T12:00")),
                // Outside the period: not counted.
                GoalEventRow(contact: 3, goalID: "g", behaviourID: nil, kind: .completed, timestamp: utc("2026-10-07T00:00")),
            ])
        let first = ConversationSpan(
            contact: 1, openedAt: utc("2026-10-01T08:00"), closedAt: utc("2026-10-01T09:00"), isReopen: false,
            openedByInbound: true)
        let second = ConversationSpan(
            contact: 2, openedAt: utc("2026-10-03T10:00"), closedAt: utc("2026-10-04T10:00"), isReopen: false,
            openedByInbound: true)
        data.previousConversationSpans = [second]
        let periods = days.summaryCountPeriods
        var counts = Array(
            repeating: TrendCounts(
                activeUsers: 0, newUsers: 0, reachedUsers: nil, messagesReceived: 0, messagesSent: 0, goalCompletions: 0,
                journeyCompletions: 0), count: periods.count)
        counts[counts.count - 1].goalCompletions = 4
        counts[counts.count - 1].activeUsers = 7
        data.trend = TrendInput(
            periods: periods, counts: counts, firstDataAt: utc("2026-10-01T00:00"), conversationSpans: [first, second],
            coachMessages: [CoachMessageInstant(contact: 1, timestamp: utc("2026-10-01T08:30"))])
        return data
    }

    @Test func summaryRowsReducedToCounts() throws {
        let data = summaryData()
        let periods = data.period.summaryCountPeriods
        // Two-day periods: the 11 before 5 October, the previous one (3–4 October) last.
        #expect(periods.count == 11)
        #expect(periods.last == TrendPeriod(from: day("2026-10-03"), to: day("2026-10-04")))
        let aggregate = SummaryAggregate(data: data)
        // Completers: contact 1 (twice); contact 2 only started, contact 3 is after the end.
        #expect(aggregate.goalCompleters == 1)
        // The previous period's close: contact 2's, 4 October 10:00.
        #expect(aggregate.previousConversationsClosed == 1)
        let trend = try #require(aggregate.trend)
        // Closes: 1 October 09:00 in 1–2 October, 4 October 10:00 in 3–4 October, none before.
        var closed = Dictionary(uniqueKeysWithValues: periods.map { ($0, 0) })
        closed[TrendPeriod(from: day("2026-10-01"), to: day("2026-10-02"))] = 1
        closed[periods[10]] = 1
        #expect(trend.conversationsClosed == closed)
        #expect(trend.counts == data.trend?.counts)
        #expect(trend.firstDataAt == utc("2026-10-01T00:00"))
        // The medians need --business-hours: not part of the reduction.
        #expect(trend.firstResponseMedians == nil)
    }

    @Test func summaryFromCountsEqualsSummaryFromRows() throws {
        let data = summaryData()
        let fromRows = Report(data: data, serviceName: "S", generatorVersion: "t")
        // The aggregate as an engine would return it, written out by hand.
        var aggregates = data.aggregates
        let periods = data.period.summaryCountPeriods
        var closed = Dictionary(uniqueKeysWithValues: periods.map { ($0, 0) })
        closed[periods[9]] = 1
        closed[periods[10]] = 1
        aggregates.summary = SummaryAggregate(
            goalCompleters: 1, previousConversationsClosed: 1,
            trend: TrendAggregate(
                periods: periods, counts: try #require(data.trend?.counts), firstDataAt: utc("2026-10-01T00:00"),
                conversationsClosed: closed))
        let fromCounts = Report(data: data, aggregates: aggregates, serviceName: "S", generatorVersion: "t")
        #expect(fromCounts.summary == fromRows.summary)
        // Nulls before 1–2 October (it ends after the first data; 29–30 September ends on it).
        let closes = fromCounts.summary.headline(.conversationsClosed)?.trend?.map(\.value)
        #expect(closes == Array(repeating: nil, count: 9) + [1, 1, 0])
        #expect(fromCounts.summary.headline(.conversationsClosed)?.previous == 1)
        // The median of 1–2 October, still from rows: answered after 30 minutes.
        let medians = fromCounts.summary.headline(.medianFirstResponseMinutes)?.trend?.map(\.value)
        #expect(medians == Array(repeating: nil, count: 9) + [30, nil, nil])
        // Goal completions: 1 now, 4 in the previous period (its counts).
        let goals = try #require(fromCounts.summary.headline(.goalCompletions))
        #expect(goals.value == 1)
        #expect(goals.previous == 4)
        #expect(fromCounts.summary.headline(.activeUsers)?.trend?[10].value == 7)
    }
}
