import InsightsMetrics
import InsightsTestSupport
import Testing

/// The reach and consent blocks as `Report(data:…)` builds them from a period's plain data.
@Suite struct ReachReportTests {
    /// Two days in UTC, 2026-10-05 and 2026-10-06, with no message rows in the tally (only
    /// the delivery inputs matter here).
    private func twoDays() -> PeriodData {
        let calendar = zone("UTC")
        let days = period("2026-10-05", "2026-10-06")
        return PeriodData(
            period: days, calendar: calendar, tally: MessageTally(period: days, calendar: calendar),
            previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [],
            countries: [:], latestNames: [:], conversationSpans: [], goals: [], goalEvents: [])
    }

    /// Five messages: c1's stack message read after 30 min (sent, delivered, read); c2's coach
    /// message failed with " 131026 "; c2's stack message read after 5 min without a
    /// delivered; c3's reminder only sent; c3's API message with no status.
    private func fiveMessages(_ days: ReportPeriod, _ calendar: ReportCalendar) -> DeliveryTally {
        var tally = DeliveryTally(period: days, calendar: calendar)
        tally.add(contentsOf: [
            OutboundDeliveryRow(
                contact: 1, timestamp: utc("2026-10-05T10:00"), authorType: .stack,
                statuses: [
                    MessageStatusRow(status: .read, timestamp: utc("2026-10-05T10:30")),
                    MessageStatusRow(status: .sent, timestamp: utc("2026-10-05T10:00")),
                    MessageStatusRow(status: .delivered, timestamp: utc("2026-10-05T10:01")),
                ]),
            OutboundDeliveryRow(
                contact: 2, timestamp: utc("2026-10-05T11:00"), authorType: .coach,
                statuses: [MessageStatusRow(status: .failed, timestamp: utc("2026-10-05T11:01"), error: " 131026 ")]),
            OutboundDeliveryRow(
                contact: 2, timestamp: utc("2026-10-06T09:00"), authorType: .stack,
                statuses: [MessageStatusRow(status: .read, timestamp: utc("2026-10-06T09:05"))]),
            OutboundDeliveryRow(
                contact: 3, timestamp: utc("2026-10-06T09:30"), authorType: .reminder,
                statuses: [MessageStatusRow(status: .sent, timestamp: utc("2026-10-06T09:30"))]),
            OutboundDeliveryRow(contact: 3, timestamp: utc("2026-10-06T12:00"), authorType: .api, statuses: []),
        ])
        return tally
    }

    @Test func reachAndConsentFromPeriodData() {
        var data = twoDays()
        data.delivery = fiveMessages(data.period, data.calendar)
        data.statusesStored = true
        data.previousReachedUsers = 4
        // c1 opted in during the period; c2 opted in before it and out during it; c3 opted out
        // before it and in again at its last instant (still before the end).
        data.consent = [
            ConsentRow(contact: 1, optedInAt: utc("2026-10-05T08:00"), optedOutAt: nil),
            ConsentRow(contact: 2, optedInAt: utc("2026-09-01T08:00"), optedOutAt: utc("2026-10-06T13:00")),
            ConsentRow(contact: 3, optedInAt: utc("2026-10-06T23:59"), optedOutAt: utc("2026-09-10T08:00")),
        ]
        data.consentTimesStored = true
        let report = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        let reach = report.reach
        // Reached: c1 (read) and c2 (read without delivered); c3 has only sent and no status.
        #expect(reach.reachedUsers == 2)
        #expect(reach.previousReachedUsers == 4)
        #expect(reach.delivery == DeliveryCounts(read: 2, delivered: 0, failed: 1, sent: 1, noStatus: 1))
        // (2 + 0) / (5 − 1) = 0.5; 2 / (2 + 0) = 1.
        #expect(reach.deliveryRate == 0.5)
        #expect(reach.readRate == 1)
        // Median of 30 and 5 minutes: 17.5.
        #expect(reach.medianMinutesToRead == 17.5)
        #expect(reach.daily.map(\.counts.other) == [0, 2])
        #expect(reach.daily.map(\.counts.read) == [1, 1])
        #expect(reach.byAuthorType.map(\.counts.messages) == [2, 1, 1, 1, 0, 0])
        #expect(reach.failures == [LabelCount(label: "131026", count: 1)])
        // Opt-ins in the period: c1 and c3 (2); opt-outs: c2 (1); opted in at the end: c1, c3.
        #expect(report.consent == ConsentMetrics(optIns: 2, optOuts: 1, optedInAtEnd: 2))
    }

    @Test func withoutStatusesOrConsentTimesTheNumbersAreNull() {
        let calendar = zone("UTC")
        let days = period("2026-10-05", "2026-10-06")
        var tally = MessageTally(period: days, calendar: calendar)
        // Three messages sent: two by a stack on the 5th, one by a coach on the 6th.
        tally.add(contentsOf: [
            MessageRow(contact: 1, inbound: false, timestamp: utc("2026-10-05T07:00"), authorType: .stack, authorID: "s1"),
            MessageRow(contact: 2, inbound: false, timestamp: utc("2026-10-05T08:00"), authorType: .stack, authorID: "s1"),
            MessageRow(contact: 2, inbound: false, timestamp: utc("2026-10-06T08:00"), authorType: .coach, authorID: "k1"),
        ])
        var data = twoDays()
        data.tally = tally
        let report = Report(data: data, serviceName: "Line", generatorVersion: "9.9")
        #expect(report.reach.reachedUsers == nil)
        #expect(report.reach.isMeasured == false)
        // Every message is no_status, per day and per type; rates and the median are nil.
        #expect(report.reach.delivery == DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: 3))
        #expect(report.reach.daily.map(\.counts.noStatus) == [2, 1])
        #expect(report.reach.byAuthorType.map(\.counts.noStatus) == [2, 1, 0, 0, 0, 0])
        #expect(report.reach.deliveryRate == nil)
        #expect(report.reach.readRate == nil)
        #expect(report.reach.medianMinutesToRead == nil)
        #expect(report.reach.failures.isEmpty)
        // The same as a tally of the three messages with no status and no status stored.
        var noStatus = DeliveryTally(period: days, calendar: calendar)
        noStatus.add(contentsOf: [
            OutboundDeliveryRow(contact: 1, timestamp: utc("2026-10-05T07:00"), authorType: .stack, statuses: []),
            OutboundDeliveryRow(contact: 2, timestamp: utc("2026-10-05T08:00"), authorType: .stack, statuses: []),
            OutboundDeliveryRow(contact: 2, timestamp: utc("2026-10-06T08:00"), authorType: .coach, statuses: []),
        ])
        #expect(report.reach == ReachMetrics(tally: noStatus, statusesStored: false, previousReachedUsers: nil))
        #expect(report.consent == .unmeasured)
    }

    @Test func consentTimesElsewhereGiveZerosNotNulls() {
        // The source has consent times but none of these contacts has one: 0, 0, 0.
        let range = utc("2026-10-05T00:00")..<utc("2026-10-07T00:00")
        #expect(
            ConsentMetrics(period: range, rows: [], timesStored: true) == ConsentMetrics(optIns: 0, optOuts: 0, optedInAtEnd: 0))
        #expect(ConsentMetrics(period: range, rows: [], timesStored: false) == .unmeasured)
    }
}
