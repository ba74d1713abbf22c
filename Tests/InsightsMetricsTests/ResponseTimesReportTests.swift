import InsightsMetrics
import InsightsTestSupport
import Testing

/// Two days in UTC, Monday 2026-10-05 and Tuesday 2026-10-06 (previous period: the weekend of
/// 10-03 and 10-04), as a source hands them to `Report(data:…)`.
///
/// - c1 writes Mon 09:00 (conversation closed by k1 at 12:00); k1 answers at 09:30: 30 min.
/// - c2 writes Mon 16:50 (still open); k2 answers Tue 08:10: 920 min round the clock, 20 min
///   with Mon-Fri 08:00-17:00 (16:50-17:00 and 08:00-08:10).
/// - c3 writes Tue 10:00; k2 closes it at 11:00 without a reply; k1 writes at 11:30, after the
///   close: not a response, so c3 is unanswered.
/// - Previous period: c4 writes Sat 10:00 (closed 11:00); k1 answers at 10:40: 40 min round the
///   clock, 0 min with weekday business hours.
private func responses() -> PeriodData {
    let calendar = zone("UTC")
    let days = period("2026-10-05", "2026-10-06")
    var data = PeriodData(
        period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
        previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [], countries: [:],
        latestNames: [:],
        conversationSpans: [
            ConversationSpan(
                contact: 1, openedAt: utc("2026-10-05T09:00"), closedAt: utc("2026-10-05T12:00"), isReopen: false,
                openedByInbound: true),
            ConversationSpan(
                contact: 2, openedAt: utc("2026-10-05T16:50"), closedAt: nil, isReopen: false, openedByInbound: true),
            ConversationSpan(
                contact: 3, openedAt: utc("2026-10-06T10:00"), closedAt: utc("2026-10-06T11:00"), isReopen: false,
                openedByInbound: true),
        ],
        goals: [], goalEvents: [])
    data.coachMessages = [
        CoachMessageRow(messageID: "a", contact: 1, timestamp: utc("2026-10-05T09:30"), authorID: "k1"),
        CoachMessageRow(messageID: "b", contact: 2, timestamp: utc("2026-10-06T08:10"), authorID: "k2"),
        CoachMessageRow(messageID: "c", contact: 3, timestamp: utc("2026-10-06T11:30"), authorID: "k1"),
    ]
    data.closeEvents = [
        CloseEventRow(contact: 1, timestamp: utc("2026-10-05T12:00"), actorID: "k1", sequence: 1),
        CloseEventRow(contact: 3, timestamp: utc("2026-10-06T11:00"), actorID: "k2", sequence: 1),
    ]
    data.coachNames = ["k1": "Kim", "k2": "Lee"]
    data.previousConversationSpans = [
        ConversationSpan(
            contact: 4, openedAt: utc("2026-10-03T10:00"), closedAt: utc("2026-10-03T11:00"), isReopen: false,
            openedByInbound: true)
    ]
    data.previousCoachMessages = [CoachMessageRow(messageID: "p", contact: 4, timestamp: utc("2026-10-03T10:40"), authorID: "k1")]
    return data
}

@Suite struct ResponseTimesReportTests {
    @Test func roundTheClock() throws {
        let report = Report(data: responses(), serviceName: "Line", generatorVersion: "9.9")
        let times = report.responseTimes
        // Three openings by users; c1 and c2 answered, c3 not (k1 wrote after its close).
        #expect(times.openedByUsers == 3)
        #expect(times.answeredByCoach == 2)
        #expect(times.unanswered == 1)
        // Times 30 and 920: median (30 + 920) / 2 = 475; p90 is the ⌈0.9·2⌉ = 2nd smallest, 920.
        #expect(times.medianFirstResponseMinutes == 475)
        #expect(times.p90FirstResponseMinutes == 920)
        #expect(times.businessHours == nil)
        // 30 min is 15-60m; 920 min (15 h 20 min) is 4-24h.
        #expect(times.buckets.map(\.conversations) == [0, 0, 1, 0, 1, 0])
        // k1: 2 replies to c1 and c3, 1 first response (30), closed c1; k2: 1 reply, 1 first
        // response (920), closed c3.
        #expect(
            times.coaches == [
                CoachResponses(
                    authorID: "k1", name: "Kim", replies: 2, users: 2, firstResponses: 1, medianFirstResponseMinutes: 30,
                    closes: 1),
                CoachResponses(
                    authorID: "k2", name: "Lee", replies: 1, users: 1, firstResponses: 1, medianFirstResponseMinutes: 920,
                    closes: 1),
            ])
        // The previous period: c4 answered in 40 min; 475 against 40 is +(435 / 40) = +1087.5 %.
        #expect(report.previousResponseTimes.medianFirstResponseMinutes == 40)
        #expect(report.previousResponseTimes.openedByUsers == 1)
        #expect(times.medianChange(against: report.previousResponseTimes) == .up(10.875))
        #expect(times.answeredShare == 2.0 / 3.0)
    }

    @Test func withBusinessHours() throws {
        let hours = try BusinessHours("Mon-Fri 08:00-17:00")
        let report = Report(data: responses(), serviceName: "Line", generatorVersion: "9.9", businessHours: hours)
        let times = report.responseTimes
        // c1 waited 30 min (all inside hours); c2 waited 10 min Monday + 10 min Tuesday = 20.
        #expect(times.medianFirstResponseMinutes == 25)
        #expect(times.p90FirstResponseMinutes == 30)
        #expect(times.businessHours == "Mon-Fri 08:00-17:00")
        #expect(times.buckets.map(\.conversations) == [0, 0, 2, 0, 0, 0])
        #expect(times.coaches.map(\.medianFirstResponseMinutes) == [30, 20])
        // The previous period was a weekend: c4's 40 minutes lie outside business hours, 0
        // minutes; 25 against 0 is "new".
        #expect(report.previousResponseTimes.medianFirstResponseMinutes == 0)
        #expect(times.medianChange(against: report.previousResponseTimes) == .new)
    }

    @Test func aSourceThatReadsNothingGivesTheEmptyBlock() {
        var data = responses()
        data.conversationSpans = []
        data.coachMessages = []
        data.closeEvents = []
        let report = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        #expect(report.responseTimes == .empty)
        #expect(report.responseTimes.answeredShare == nil)
    }
}
