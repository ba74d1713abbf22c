import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// The summary trend read from the store: a year of months in Europe/Berlin (both
/// daylight-saving changes inside it), each value what that month's own report shows.
@Suite(.temporaryFolders) struct StoreTrendTests {
    static let berlin = zone("Europe/Berlin")

    /// Contacts c1–c4 over March–October 2026 (local times in CET/CEST):
    /// - c1 writes 29 Mar 01:30 CET (the night the clocks go forward; the first data), closed
    ///   1 Apr; writes again 1 Jul 00:30 CEST (30 Jun 22:30 UTC: a July message), answered by
    ///   coach k1 at 10:00 CEST (570 minutes; read), closed 11:00; writes 1 Sep 00:30 CEST.
    /// - c2 writes 15 Jul 12:00 CEST, answered at 12:10 (10 minutes), closed 20 Jul.
    /// - c3 writes 31 Aug 23:30 CEST (an August message; also in October's previous period,
    ///   31 Aug – 30 Sep), gets a stack message 2 Sep (delivered).
    /// - c4 writes 10 Oct 11:00 CEST, answered at 11:05 (5 minutes; no status).
    /// - goal g1 completed by c1 (twice) and c2 in July.
    static func seed(_ db: TestDatabase) throws {
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m10,c1,inbound,2026-03-29T00:30:00Z,,,
            m1,c1,inbound,2026-06-30T22:30:00Z,,,
            m2,c1,outbound,2026-07-01T08:00:00Z,coach,k1,Thandi
            m3,c2,inbound,2026-07-15T10:00:00Z,,,
            m4,c2,outbound,2026-07-15T10:10:00Z,coach,k1,Thandi
            m5,c1,inbound,2026-08-31T22:30:00Z,,,
            m6,c3,inbound,2026-08-31T21:30:00Z,,,
            m7,c3,outbound,2026-09-02T09:00:00Z,stack,s1,Welcome
            m8,c4,inbound,2026-10-10T09:00:00Z,,,
            m9,c4,outbound,2026-10-10T09:05:00Z,coach,k1,Thandi

            """)
        try db.importText(
            "message_statuses.csv",
            "message_id,status,timestamp\nm2,read,2026-07-01T08:05:00Z\nm7,delivered,2026-09-02T09:01:00Z\n")
        try db.importText(
            "conversation_events.csv",
            """
            contact_id,event,timestamp,actor_id,actor_name
            c1,closed,2026-04-01T10:00:00Z,k1,Thandi
            c1,closed,2026-07-01T09:00:00Z,k1,Thandi
            c2,closed,2026-07-20T10:00:00Z,k1,Thandi

            """)
        try db.importText("goals.csv", "goal_id,name\ng1,Attend visits\n")
        try db.importText(
            "goal_events.csv",
            """
            contact_id,goal_id,behaviour_id,event,timestamp
            c1,g1,,completed,2026-07-02T10:00:00Z
            c1,g1,,completed,2026-07-05T10:00:00Z
            c2,g1,,completed,2026-07-03T10:00:00Z

            """)
    }

    static func values(_ report: Report, _ metric: HeadlineMetric) -> [Double?] {
        report.summary.headline(metric)?.trend?.map(\.value) ?? []
    }

    @Test func aYearOfMonthsWorkedByHand() throws {
        let db = try TestDatabase()
        try Self.seed(db)
        let october = try #require(ReportPeriod(year: 2026, month: 10))
        let report = try db.store.report(period: october, calendar: Self.berlin, serviceName: "T", generatorVersion: "0")
        let trend = try #require(report.summary.headline(.activeUsers)?.trend)
        // November 2025 … October 2026.
        #expect(trend.map(\.period.from.description).first == "2025-11-01")
        #expect(trend.map(\.period.to.description).last == "2026-10-31")
        // November–February end before the first message (29 March): null, not 0.
        let n: Double? = nil
        //                                          Nov Dec Jan Feb Mar Apr May Jun Jul Aug Sep Oct
        #expect(Self.values(report, .activeUsers) == [n, n, n, n, 1, 0, 0, 0, 2, 1, 1, 1])
        #expect(Self.values(report, .newUsers) == [n, n, n, n, 1, 0, 0, 0, 1, 1, 0, 1])
        #expect(Self.values(report, .messagesReceived) == [n, n, n, n, 1, 0, 0, 0, 2, 1, 1, 1])
        #expect(Self.values(report, .messagesSent) == [n, n, n, n, 0, 0, 0, 0, 2, 0, 1, 1])
        // July: m2 read (c1); September: m7 delivered (c3); October: m9 has no status.
        #expect(Self.values(report, .reachedUsers) == [n, n, n, n, 0, 0, 0, 0, 1, 0, 1, 0])
        // No Journey run stored: goal completions, distinct contacts (c1 twice counts once).
        #expect(report.summary.headline(.journeyCompletions) == nil)
        #expect(Self.values(report, .goalCompletions) == [n, n, n, n, 0, 0, 0, 0, 2, 0, 0, 0])
        // July: 570 and 10 minutes, median 290; March, August and September: unanswered.
        #expect(Self.values(report, .medianFirstResponseMinutes) == [n, n, n, n, n, n, n, n, 290, n, n, 5])
        #expect(Self.values(report, .conversationsClosed) == [n, n, n, n, 0, 1, 0, 0, 2, 0, 0, 0])
        // The previous period is 31 August – 30 September (c3's and c1's messages).
        #expect(report.summary.headline(.activeUsers)?.previous == 2)
        #expect(report.summary.headline(.newUsers)?.previous == 1)
        #expect(report.summary.headline(.reachedUsers)?.previous == 1)
        #expect(report.summary.headline(.goalCompletions)?.previous == 0)
        #expect(report.summary.headline(.conversationsClosed)?.previous == 0)
    }

    /// Every earlier month's value is what that month's own report shows, with and without
    /// business hours.
    @Test func eachValueIsWhatThatMonthsReportShows() throws {
        let db = try TestDatabase()
        try Self.seed(db)
        let hours = try BusinessHours("Mon-Fri 08:00-17:00")
        for businessHours in [nil, hours] {
            let october = try #require(ReportPeriod(year: 2026, month: 10))
            let report = try db.store.report(
                period: october, calendar: Self.berlin, serviceName: "T", generatorVersion: "0", businessHours: businessHours)
            for (index, month) in october.trendPeriods.enumerated() {
                let own = try #require(ReportPeriod(from: month.from, to: month.to))
                let monthReport = try db.store.report(
                    period: own, calendar: Self.berlin, serviceName: "T", generatorVersion: "0", businessHours: businessHours)
                let hasData = index >= 4
                for headline in report.summary.headlines {
                    let expected = hasData ? monthReport.summary.headline(headline.metric)?.value : nil
                    #expect(headline.trend?[index].value == expected, "\(headline.metric) \(month)")
                }
            }
            // With business hours July's waits are 120 minutes (Wednesday 08:00–10:00) and 10:
            // median 65.
            if businessHours != nil { #expect(Self.values(report, .medianFirstResponseMinutes)[8] == 65) }
        }
    }

    /// With Journey runs the band leads with Journey completions: runs started in the period
    /// and completed before its end.
    @Test func journeyCompletionsOnceRunsAreImported() throws {
        let db = try TestDatabase()
        try Self.seed(db)
        // r1 starts 29 Sep and completes 1 Oct: in progress at September's end. r2 completes
        // 10 Aug. r3 starts and completes 31 Aug 23:00–23:30 CEST: August, and the previous
        // period of October.
        try db.importText(
            "journey_runs.csv",
            """
            run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
            r1,c1,j1,Onboarding,2026-09-29T10:00:00Z,2026-10-01T10:00:00Z,completed,
            r2,c2,j1,Onboarding,2026-08-10T10:00:00Z,2026-08-10T11:00:00Z,completed,
            r3,c3,j1,Onboarding,2026-08-31T21:00:00Z,2026-08-31T21:30:00Z,completed,
            r4,c3,j1,Onboarding,2026-08-31T22:00:00Z,2026-09-01T09:00:00Z,expired,step 2

            """)
        let october = try #require(ReportPeriod(year: 2026, month: 10))
        let report = try db.store.report(period: october, calendar: Self.berlin, serviceName: "T", generatorVersion: "0")
        #expect(report.summary.headline(.goalCompletions) == nil)
        let n: Double? = nil
        #expect(Self.values(report, .journeyCompletions) == [n, n, n, n, 0, 0, 0, 0, 0, 2, 0, 0])
        #expect(report.summary.headline(.journeyCompletions)?.previous == 1)
        let september = try db.store.report(
            period: try #require(ReportPeriod(year: 2026, month: 9)), calendar: Self.berlin, serviceName: "T",
            generatorVersion: "0")
        #expect(september.journeys.totalCompleted == 0)
    }

    /// A 7-day report counts 12 weeks; a database with nothing before the report's period has
    /// null for every earlier week, and the report's own week is a number.
    @Test func weeksAndNothingBefore() throws {
        let db = try TestDatabase()
        try db.importText(
            "messages.csv",
            "message_id,contact_id,direction,timestamp\nm1,c1,inbound,2026-10-20T09:00:00Z\nm2,c1,inbound,2026-10-21T09:00:00Z\n"
        )
        let week = period("2026-10-19", "2026-10-25")
        let report = try db.store.report(period: week, calendar: Self.berlin, serviceName: "T", generatorVersion: "0")
        let trend = try #require(report.summary.headline(.messagesReceived)?.trend)
        #expect(trend.first?.period == TrendPeriod(from: day("2026-08-03"), to: day("2026-08-09")))
        #expect(trend.map(\.value) == Array(repeating: nil, count: 11) + [2])
        // No status stored: reached users null throughout, the current week too.
        #expect(Self.values(report, .reachedUsers) == Array(repeating: nil, count: 12))
    }
}
