import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct ReachTests {
    @Test func deliveryStateIsTheFurthestStatus() {
        // read > delivered > failed > sent > no_status, whatever the order.
        #expect(DeliveryState(statuses: [DeliveryStatus.sent, .read, .delivered]) == .read)
        #expect(DeliveryState(statuses: [DeliveryStatus.read]) == .read)  // read without delivered
        #expect(DeliveryState(statuses: [DeliveryStatus.failed, .delivered, .sent]) == .delivered)
        #expect(DeliveryState(statuses: [DeliveryStatus.sent, .failed]) == .failed)
        #expect(DeliveryState(statuses: [DeliveryStatus.sent, .sent]) == .sent)
        #expect(DeliveryState(statuses: [DeliveryStatus]()) == .noStatus)
    }

    @Test func aSmallPeriod() {
        let calendar = zone("UTC")
        var tally = DeliveryTally(period: period("2026-10-10", "2026-10-11"), calendar: calendar)
        tally.add(contentsOf: [
            // Contact 1, stack, day 1: read 90 s after the message (statuses out of order; the
            // earliest read counts).
            message(
                1, "2026-10-10T10:00", .stack,
                [
                    status(.read, "2026-10-10T10:05"), status(.sent, "2026-10-10T10:00:10"),
                    status(.read, "2026-10-10T10:01:30"), status(.delivered, "2026-10-10T10:00:20"),
                ]),
            // Contact 2, stack, day 1: read "before" the message: 0 minutes.
            message(2, "2026-10-10T11:00", .stack, [status(.read, "2026-10-10T10:59")]),
            // Contact 2, coach, day 1: read 4 minutes later, without delivered.
            message(2, "2026-10-10T12:00", .coach, [status(.read, "2026-10-10T12:04")]),
            // Contact 3, coach, day 2: delivered only.
            message(3, "2026-10-11T09:00", .coach, [status(.delivered, "2026-10-11T09:01"), status(.sent, "2026-10-11T09:00")]),
            // Contact 4, reminder, day 2: failed twice; the newest failure's error counts.
            message(
                4, "2026-10-11T09:00", .reminder,
                [
                    status(.failed, "2026-10-11T09:05", error: "131026"), status(.failed, "2026-10-11T09:01", error: "470"),
                ]),
            // Contact 4, reminder, day 2: failed with an empty error → "(none)".
            message(4, "2026-10-11T10:00", .reminder, [status(.failed, "2026-10-11T10:01", error: "  ")]),
            // Contact 5, api, day 2: failed then delivered → delivered.
            message(
                5, "2026-10-11T10:00", .api,
                [status(.failed, "2026-10-11T10:01", error: "x"), status(.delivered, "2026-10-11T10:02")]),
            // Contact 6, api, day 2: sent only; contact 7, thread, day 2: no status.
            message(6, "2026-10-11T11:00", .api, [status(.sent, "2026-10-11T11:00")]),
            message(7, "2026-10-11T12:00", .thread, []),
            // The day after the period: ignored.
            message(8, "2026-10-12T00:00", .stack, [status(.read, "2026-10-12T00:01")]),
        ])
        let reach = ReachMetrics(tally: tally, statusesStored: true, previousReachedUsers: 3)
        // Read: m1, m2, m3; delivered: m4, m7(api); failed: 2; sent 1; no status 1 → 9 messages.
        #expect(reach.delivery == DeliveryCounts(read: 3, delivered: 2, failed: 2, sent: 1, noStatus: 1))
        #expect(reach.messagesSent == 9)
        // Reached: contacts 1, 2 (read), 3, 5 (delivered) = 4.
        #expect(reach.reachedUsers == 4)
        #expect(reach.previousReachedUsers == 3)
        // (3 + 2) / (9 − 1) = 5/8; 3 / (3 + 2) = 3/5.
        #expect(reach.deliveryRate == 0.625)
        #expect(reach.readRate == 0.6)
        // Minutes to read: 1.5, 0, 4 → median 1.5.
        #expect(reach.medianMinutesToRead == 1.5)
        // Day 1: 3 read. Day 2: 2 delivered, 2 failed, other = 1 sent + 1 no status.
        #expect(
            reach.daily == [
                DailyDelivery(
                    date: day("2026-10-10"), counts: DeliveryCounts(read: 3, delivered: 0, failed: 0, sent: 0, noStatus: 0)),
                DailyDelivery(
                    date: day("2026-10-11"), counts: DeliveryCounts(read: 0, delivered: 2, failed: 2, sent: 1, noStatus: 1)),
            ])
        #expect(reach.daily.map(\.counts.other) == [0, 2])
        // stack 2 (2 read), coach 2 (1 read, 1 delivered: 1/2), reminder 2 failed, api 2 (1
        // delivered, 1 sent: 0/1), automation 0, thread 1 no status.
        #expect(reach.byAuthorType.map(\.authorType) == AuthorType.allCases)
        #expect(reach.byAuthorType.map(\.counts.messages) == [2, 2, 2, 2, 0, 1])
        #expect(reach.byAuthorType.map(\.counts.read) == [2, 1, 0, 0, 0, 0])
        #expect(reach.byAuthorType.map(\.readRate) == [1.0, 0.5, nil, 0.0, nil, nil])
        // Failures: "(none)" 1 and "131026" 1 (not "470": older); ties by text, "(" < "1".
        #expect(reach.failures == [LabelCount(label: "(none)", count: 1), LabelCount(label: "131026", count: 1)])
    }

    @Test func noStatusStoredAtAll() {
        var tally = DeliveryTally(period: period("2026-10-10", "2026-10-10"), calendar: zone("UTC"))
        tally.add(message(1, "2026-10-10T10:00", .stack, []))
        tally.add(message(2, "2026-10-10T11:00", .coach, []))
        let reach = ReachMetrics(tally: tally, statusesStored: false, previousReachedUsers: nil)
        // Reached is unknown, not 0; both messages are no_status; both rates divide by 0.
        #expect(reach.reachedUsers == nil)
        #expect(reach.delivery == DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: 2))
        #expect(reach.deliveryRate == nil)
        #expect(reach.readRate == nil)
        #expect(reach.medianMinutesToRead == nil)
        #expect(reach.failures == [])
        // Statuses stored for other messages: reached is 0, not nil.
        #expect(ReachMetrics(tally: tally, statusesStored: true, previousReachedUsers: nil).reachedUsers == 0)
    }

    @Test func dailyBarsFollowLocalDaysAcrossDST() {
        // Europe/Berlin, 2026-10-24..26; on 10-25 clocks go back (03:00 CEST → 02:00 CET), a
        // 25-hour day: 2026-10-24T22:00Z to 2026-10-25T23:00Z.
        let calendar = zone("Europe/Berlin")
        var tally = DeliveryTally(period: period("2026-10-24", "2026-10-26"), calendar: calendar)
        tally.add(contentsOf: [
            message(1, "2026-10-24T21:59:59", .stack, [status(.read, "2026-10-24T22:00")]),  // 23:59:59 CEST on 10-24
            message(1, "2026-10-24T22:00", .stack, [status(.delivered, "2026-10-24T22:01")]),  // 00:00 CEST on 10-25
            message(2, "2026-10-25T00:30", .stack, [status(.failed, "2026-10-25T00:31")]),  // 02:30 CEST, the first 02:30
            message(2, "2026-10-25T01:30", .stack, [status(.sent, "2026-10-25T01:31")]),  // 02:30 CET, the second
            message(3, "2026-10-25T22:59:59", .stack, []),  // 23:59:59 CET on 10-25
            message(3, "2026-10-25T23:00", .stack, [status(.read, "2026-10-25T23:10")]),  // 00:00 CET on 10-26
            message(3, "2026-10-23T21:59", .stack, [status(.read, "2026-10-23T22:00")]),  // 10-23 23:59: before
        ])
        let reach = ReachMetrics(tally: tally, statusesStored: true, previousReachedUsers: nil)
        // 10-24: 1 read. 10-25: 1 delivered, 1 failed, other 2 (1 sent, 1 no status). 10-26: 1 read.
        #expect(reach.daily.map(\.date) == [day("2026-10-24"), day("2026-10-25"), day("2026-10-26")])
        #expect(reach.daily.map(\.counts.read) == [1, 0, 1])
        #expect(reach.daily.map(\.counts.delivered) == [0, 1, 0])
        #expect(reach.daily.map(\.counts.failed) == [0, 1, 0])
        #expect(reach.daily.map(\.counts.other) == [0, 2, 0])
        // Reached: contacts 1 and 3. Minutes to read: 1/60 and 10 → median (1/60 + 10) / 2.
        #expect(reach.reachedUsers == 2)
        #expect(reach.medianMinutesToRead == (1.0 / 60.0 + 10.0) / 2)
    }

    @Test func talliesOfPartsMergeIntoTheWhole() {
        let days = period("2026-10-10", "2026-10-11")
        let rows = [
            message(1, "2026-10-10T10:00", .stack, [status(.read, "2026-10-10T10:02")]),
            message(2, "2026-10-11T10:00", .coach, [status(.failed, "2026-10-11T10:02", error: "470")]),
        ]
        var whole = DeliveryTally(period: days, calendar: zone("UTC"))
        whole.add(contentsOf: rows)
        var first = DeliveryTally(period: days, calendar: zone("UTC"))
        first.add(rows[0])
        var second = DeliveryTally(period: days, calendar: zone("UTC"))
        second.add(rows[1])
        first.merge(second)
        let merged = ReachMetrics(tally: first, statusesStored: false, previousReachedUsers: nil)
        // Both: 1 read (2 minutes), 1 failed "470", 1 reached; the tally saw statuses, so reached
        // is 1 even with statusesStored false.
        #expect(merged == ReachMetrics(tally: whole, statusesStored: false, previousReachedUsers: nil))
        #expect(merged.reachedUsers == 1)
        #expect(merged.medianMinutesToRead == 2)
        #expect(merged.failures == [LabelCount(label: "470", count: 1)])
    }

    @Test func messagesWithoutAStatusAreTheSentOnesLeft() {
        // The tally is given only the messages with a status (as the SQLite store reads them)
        // and then the period's sent counts: 4 on day 1 and 2 on day 2; by type 3 stack, 1
        // coach, 2 api. Read: stack on day 1; failed: api on day 2.
        let days = period("2026-10-10", "2026-10-11")
        var tally = DeliveryTally(period: days, calendar: zone("UTC"))
        tally.add(message(1, "2026-10-10T10:00", .stack, [status(.read, "2026-10-10T10:02")]))
        tally.add(message(2, "2026-10-11T10:00", .api, [status(.failed, "2026-10-11T10:02", error: "470")]))
        var sentPerType = Array(repeating: 0, count: AuthorType.allCases.count)
        for (type, count) in [(AuthorType.stack, 3), (.coach, 1), (.api, 2)] {
            sentPerType[AuthorType.allCases.firstIndex(of: type)!] = count
        }
        tally.addMessagesWithoutStatus(sentPerDay: [4, 2], sentPerAuthorType: sentPerType)
        // Day 1: 1 read + 3 without; day 2: 1 failed + 1 without.
        #expect(
            tally.daily == [
                DeliveryCounts(read: 1, delivered: 0, failed: 0, sent: 0, noStatus: 3),
                DeliveryCounts(read: 0, delivered: 0, failed: 1, sent: 0, noStatus: 1),
            ])
        // stack: 1 read + 2 without; coach: 1 without; api: 1 failed + 1 without.
        let byType = Dictionary(uniqueKeysWithValues: zip(AuthorType.allCases, tally.byAuthorType))
        #expect(byType[.stack] == DeliveryCounts(read: 1, delivered: 0, failed: 0, sent: 0, noStatus: 2))
        #expect(byType[.coach] == DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: 1))
        #expect(byType[.api] == DeliveryCounts(read: 0, delivered: 0, failed: 1, sent: 0, noStatus: 1))
        #expect(byType[.reminder] == DeliveryCounts())
        // Messages without a status are not a sign that statuses exist.
        var empty = DeliveryTally(period: days, calendar: zone("UTC"))
        empty.addMessagesWithoutStatus(sentPerDay: [4, 2], sentPerAuthorType: sentPerType)
        #expect(!empty.sawStatus)
        #expect(empty.counts == DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: 6))
    }

    @Test func groupedCountsFillTheSameTally() {
        // What a warehouse would pass: per (day, type, state) counts, the reached contacts, the
        // read delays and the failure errors.
        var tally = DeliveryTally(period: period("2026-10-10", "2026-10-10"), calendar: zone("UTC"))
        tally.add(date: day("2026-10-10"), authorType: .coach, state: .read, count: 3)
        tally.add(date: day("2026-10-10"), authorType: .api, state: .failed, count: 2)
        tally.add(date: day("2026-10-11"), authorType: .api, state: .read, count: 9)  // outside: ignored
        tally.addReached(7)
        tally.addReadDelays(minutes: [1, 2, -1])
        tally.addFailures(error: " 470 ", count: 2)
        let reach = ReachMetrics(tally: tally, statusesStored: false, previousReachedUsers: nil)
        // 3 read + 2 failed; delays 1, 2, 0 → median 1; error trimmed.
        #expect(reach.delivery == DeliveryCounts(read: 3, delivered: 0, failed: 2, sent: 0, noStatus: 0))
        #expect(reach.reachedUsers == 1)
        #expect(reach.medianMinutesToRead == 1)
        #expect(reach.failures == [LabelCount(label: "470", count: 2)])
    }
}

private func message(_ contact: ContactKey, _ at: String, _ type: AuthorType, _ statuses: [MessageStatusRow])
    -> OutboundDeliveryRow
{
    OutboundDeliveryRow(contact: contact, timestamp: utc(at), authorType: type, statuses: statuses)
}

private func status(_ status: DeliveryStatus, _ at: String, error: String? = nil) -> MessageStatusRow {
    MessageStatusRow(status: status, timestamp: utc(at), error: error)
}
