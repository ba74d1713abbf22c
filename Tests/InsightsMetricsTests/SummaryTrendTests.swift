import InsightsMetrics
import InsightsTestSupport
import Testing

/// The periods of the summary trend and how rows are counted into them.
@Suite struct SummaryTrendTests {
    /// A month report's trend is 12 calendar months ending with it, whatever their lengths.
    @Test func calendarMonthsWithFebruaryAndTheYearBefore() throws {
        let march2026 = try #require(ReportPeriod(year: 2026, month: 3))
        #expect(march2026.isCalendarMonth)
        let months = march2026.trendPeriods
        #expect(months.count == 12)
        // Oldest first: April 2025 … March 2026.
        #expect(months.first == TrendPeriod(from: day("2025-04-01"), to: day("2025-04-30")))
        #expect(months[9] == TrendPeriod(from: day("2026-01-01"), to: day("2026-01-31")))
        // February 2026 has 28 days.
        #expect(months[10] == TrendPeriod(from: day("2026-02-01"), to: day("2026-02-28")))
        #expect(months.last == TrendPeriod(march2026))
        // 2024 is a leap year: the February before March 2024 has 29 days.
        let leap = try #require(ReportPeriod(year: 2024, month: 3)).trendPeriods
        #expect(leap[10] == TrendPeriod(from: day("2024-02-01"), to: day("2024-02-29")))
        // January reaches back into the year before: February 2025 … January 2026.
        let january = try #require(ReportPeriod(year: 2026, month: 1)).trendPeriods
        #expect(january.first == TrendPeriod(from: day("2025-02-01"), to: day("2025-02-28")))
        #expect(january[10] == TrendPeriod(from: day("2025-12-01"), to: day("2025-12-31")))
        // Each month follows the last without gap or overlap.
        for (earlier, later) in zip(months, months.dropFirst()) { #expect(earlier.to.adding(days: 1) == later.from) }
    }

    /// `--from`/`--to` covering exactly a month is a month too; any other period is not.
    @Test func whatCountsAsACalendarMonth() {
        #expect(period("2026-02-01", "2026-02-28").isCalendarMonth)
        #expect(!period("2024-02-01", "2024-02-28").isCalendarMonth)  // 2024-02 has 29 days
        #expect(!period("2026-10-01", "2026-10-30").isCalendarMonth)
        #expect(!period("2026-10-02", "2026-10-31").isCalendarMonth)
        #expect(!period("2026-10-01", "2026-11-30").isCalendarMonth)
    }

    /// A 7-day report's trend is 12 weeks laid end to end: 11 × 7 = 77 days before 19 October
    /// is 3 August.
    @Test func sevenDayPeriodsLaidEndToEnd() {
        let week = period("2026-10-19", "2026-10-25")
        let weeks = week.trendPeriods
        #expect(weeks.count == 12)
        #expect(weeks.first == TrendPeriod(from: day("2026-08-03"), to: day("2026-08-09")))
        #expect(weeks[10] == TrendPeriod(week.previous))
        #expect(weeks.last == TrendPeriod(week))
        // The previous period is one of them, so the source counts 11 periods.
        #expect(week.summaryCountPeriods == Array(weeks.dropLast()))
        // A month's previous period (31 days ending 30 September) is not September: counted too.
        let october = period("2026-10-01", "2026-10-31")
        #expect(october.summaryCountPeriods.count == 12)
        #expect(october.summaryCountPeriods.last == TrendPeriod(from: day("2026-08-31"), to: day("2026-09-30")))
    }

    /// Periods are local days: across the two daylight-saving changes of Europe/Berlin a row
    /// falls in the period of its local date.
    @Test func rowsAreCountedByLocalDayAcrossDaylightSaving() {
        // One-day periods 25 and 26 October 2026 (25 October has 25 hours: at 03:00 CEST the
        // clocks go back to 02:00 CET), and 29 March 2026 (23 hours: 02:00 CET → 03:00 CEST).
        let calendar = zone("Europe/Berlin")
        let periods = ["2026-10-25", "2026-10-26", "2026-03-29"].map { TrendPeriod(from: day($0), to: day($0)) }
        var tally = TrendTally(periods: periods, calendar: calendar)
        // 24 Oct 22:00 UTC = 25 Oct 00:00 CEST: the first instant of the 25th.
        tally.addInbound(contact: 1, at: utc("2026-10-24T22:00"))
        // 24 Oct 21:59 UTC = 24 Oct 23:59 CEST: before every period.
        tally.addInbound(contact: 2, at: utc("2026-10-24T21:59"))
        // 25 Oct 22:59 UTC = 25 Oct 23:59 CET: still the 25th (its 25th hour is inside).
        tally.addInbound(contact: 3, at: utc("2026-10-25T22:59"))
        // 25 Oct 23:00 UTC = 26 Oct 00:00 CET: the 26th.
        tally.addInbound(contact: 4, at: utc("2026-10-25T23:00"))
        // 28 Mar 23:00 UTC = 29 Mar 00:00 CET; 29 Mar 21:59 UTC = 23:59 CEST: both the 29th;
        // 29 Mar 22:00 UTC = 30 Mar 00:00 CEST: not counted.
        tally.addInbound(contact: 5, at: utc("2026-03-28T23:00"))
        tally.addOutbound(contact: 5, at: utc("2026-03-29T21:59"))
        tally.addInbound(contact: 6, at: utc("2026-03-29T22:00"))
        let counts = tally.counts(statusesStored: false)
        #expect(counts.map(\.activeUsers) == [2, 1, 1])
        #expect(counts.map(\.messagesReceived) == [2, 1, 1])
        #expect(counts.map(\.messagesSent) == [0, 0, 1])
        #expect(counts.allSatisfy { $0.reachedUsers == nil })
        // 25 October is 25 hours long, 29 March 23.
        let hours = tally.ranges.map { ($0.upperBound - $0.lowerBound) / (3600 * microsecondsPerSecond) }
        #expect(hours == [25, 24, 23])
    }

    /// Distinct contacts per period, overlapping periods each counting, runs completed
    /// before the end of the period they started in, and a contact filter (a segment).
    @Test func distinctContactsOverlapsRunsAndAFilter() {
        let calendar = zone("UTC")
        // 1–3 October and 3–4 October overlap on the 3rd.
        let periods = [
            TrendPeriod(from: day("2026-10-01"), to: day("2026-10-03")),
            TrendPeriod(from: day("2026-10-03"), to: day("2026-10-04")),
        ]
        var tally = TrendTally(periods: periods, calendar: calendar)
        var segment = TrendTally(periods: periods, calendar: calendar, contacts: ContactSet([1]))
        for counting in [0, 1] {
            func apply(_ body: (inout TrendTally) -> Void) { counting == 0 ? body(&tally) : body(&segment) }
            apply { $0.addInbound(contact: 1, at: utc("2026-10-01T10:00")) }
            apply { $0.addInbound(contact: 1, at: utc("2026-10-03T10:00")) }  // both periods
            apply { $0.addInbound(contact: 2, at: utc("2026-10-03T11:00")) }  // both periods
            apply { $0.addFirstInbound(contact: 1, at: utc("2026-10-01T10:00")) }
            apply { $0.addReached(contact: 2, at: utc("2026-10-04T09:00")) }
            apply { $0.addGoalCompletion(contact: 1, at: utc("2026-10-02T09:00")) }
            apply { $0.addGoalCompletion(contact: 1, at: utc("2026-10-02T10:00")) }  // same contact: once
            // Started on the 3rd, completed on the 4th: completed in the second period only
            // (the first ends at 4 October 00:00).
            apply { $0.addCompletedRun(contact: 1, startedAt: utc("2026-10-03T09:00"), endedAt: utc("2026-10-04T09:00")) }
            // Started on the 2nd, completed at the first period's very end: in progress then.
            apply { $0.addCompletedRun(contact: 2, startedAt: utc("2026-10-02T09:00"), endedAt: utc("2026-10-04T00:00")) }
        }
        let all = tally.counts(statusesStored: true)
        #expect(
            all == [
                TrendCounts(
                    activeUsers: 2, newUsers: 1, reachedUsers: 0, messagesReceived: 3, messagesSent: 0, goalCompletions: 1,
                    journeyCompletions: 0),
                TrendCounts(
                    activeUsers: 2, newUsers: 0, reachedUsers: 1, messagesReceived: 2, messagesSent: 0, goalCompletions: 0,
                    journeyCompletions: 1),
            ])
        // Only contact 1: its two messages of the 1st and 3rd, its run completed on the 4th.
        let one = segment.counts(statusesStored: true)
        #expect(one.map(\.activeUsers) == [1, 1])
        #expect(one.map(\.messagesReceived) == [2, 1])
        #expect(one.map(\.reachedUsers) == [0, 0])
        #expect(one.map(\.journeyCompletions) == [0, 1])
        #expect(tally.span == utc("2026-10-01T00:00")..<utc("2026-10-05T00:00"))
    }
}
