import InsightsMetrics
import InsightsTestSupport
import Testing

/// Three days in UTC, 2026-10-05 (a Monday) to 2026-10-07.
///
/// c1 first wrote on 2026-10-01 and writes on all three days (twice on the 6th);
/// c2 first writes on 10-06 10:00 and again on 10-07; c3 first writes in the last second of
/// the period; c4 in the first second after it; c5 only receives messages; c6 writes in the
/// last second before the period.
private func threeDays() -> (MessageTally, [ContactKey: ContactFacts]) {
    var tally = MessageTally(period: period("2026-10-05", "2026-10-07"), calendar: zone("UTC"))
    let rows = [
        MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-05T09:00")),
        MessageRow(contact: 1, inbound: false, timestamp: utc("2026-10-05T09:01"), authorType: .stack, authorID: "s1"),
        MessageRow(contact: 5, inbound: false, timestamp: utc("2026-10-05T10:00"), authorType: .stack, authorID: "s1"),
        MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-06T09:00")),
        MessageRow(contact: 2, inbound: true, timestamp: utc("2026-10-06T10:00")),
        MessageRow(contact: 5, inbound: false, timestamp: utc("2026-10-06T11:00"), authorType: .coach, authorID: "c1"),
        MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-06T21:00")),
        MessageRow(contact: 2, inbound: true, timestamp: utc("2026-10-07T08:00")),
        MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-07T12:00")),
        MessageRow(contact: 3, inbound: true, timestamp: utc("2026-10-07T23:59:59")),
        MessageRow(contact: 4, inbound: true, timestamp: utc("2026-10-08T00:00:00")),
        MessageRow(contact: 6, inbound: true, timestamp: utc("2026-10-04T23:59:59")),
    ]
    tally.add(contentsOf: rows)
    let facts: [ContactKey: ContactFacts] = [
        1: ContactFacts(firstInbound: utc("2026-10-01T12:00"), country: "ZA"),
        2: ContactFacts(firstInbound: utc("2026-10-06T10:00"), country: "CA"),
        3: ContactFacts(firstInbound: utc("2026-10-07T23:59:59"), country: "ZA"),
        4: ContactFacts(firstInbound: utc("2026-10-08T00:00:00"), country: "US"),
    ]
    return (tally, facts)
}

@Suite struct AudienceTests {
    @Test func uniqueNewAndReturning() {
        let (tally, facts) = threeDays()
        let audience = AudienceMetrics(tally: tally, facts: facts, previous: PreviousAudience(activeUsers: 2, newUsers: 1))
        // c1, c2, c3 are active; c2 and c3 first wrote in the period; c1 is returning.
        #expect(audience.activeUsers == 3)
        #expect(audience.newUsers == 2)
        #expect(audience.returningUsers == 1)
        #expect(audience.previous == PreviousAudience(activeUsers: 2, newUsers: 1))
        // 10-05: c1. 10-06: c1, c2 (new). 10-07: c1, c2, c3 (new): 6 user-days for 3 users.
        #expect(
            audience.daily == [
                DailyAudience(date: day("2026-10-05"), activeUsers: 1, newUsers: 0),
                DailyAudience(date: day("2026-10-06"), activeUsers: 2, newUsers: 1),
                DailyAudience(date: day("2026-10-07"), activeUsers: 3, newUsers: 1),
            ])
        #expect(audience.daily.map(\.returningUsers) == [1, 1, 2])
        #expect(audience.countries == [CountryCount(country: "ZA", activeUsers: 2), CountryCount(country: "CA", activeUsers: 1)])
    }

    @Test func countriesSortByUsersThenCode() {
        var tally = MessageTally(period: period("2026-10-05", "2026-10-05"), calendar: zone("UTC"))
        var facts: [ContactKey: ContactFacts] = [:]
        for (key, country) in [(1, "US"), (2, "CA"), (3, "ZZ"), (4, "ZZ"), (5, "GB")] as [(ContactKey, String)] {
            tally.add(MessageRow(contact: key, inbound: true, timestamp: utc("2026-10-05T12:00")))
            facts[key] = ContactFacts(firstInbound: utc("2026-10-05T12:00"), country: country)
        }
        tally.add(MessageRow(contact: 9, inbound: true, timestamp: utc("2026-10-05T13:00")))  // no facts: ZZ
        let audience = AudienceMetrics(tally: tally, facts: facts, previous: .init(activeUsers: 0, newUsers: 0))
        #expect(audience.countries.map(\.country) == ["ZZ", "CA", "GB", "US"])
        #expect(audience.countries.map(\.activeUsers) == [3, 1, 1, 1])
        // The contact with no facts has no known first message: returning.
        #expect(audience.newUsers == 5)
    }

    @Test func previousPeriodCounts() {
        let (tally, facts) = threeDays()
        #expect(PreviousAudience(tally: tally, facts: facts) == PreviousAudience(activeUsers: 3, newUsers: 2))
    }

    @Test func newVersusReturningAcrossThePeriodStart() {
        // c1 first wrote at 23:59:59 the day before the period: returning inside it.
        // c2 first wrote at 00:00:00 of its first day: new.
        var tally = MessageTally(period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"))
        tally.add(MessageRow(contact: 1, inbound: true, timestamp: utc("2026-10-05T08:00")))
        tally.add(MessageRow(contact: 2, inbound: true, timestamp: utc("2026-10-05T00:00")))
        let facts: [ContactKey: ContactFacts] = [
            1: ContactFacts(firstInbound: utc("2026-10-04T23:59:59"), country: "ZA"),
            2: ContactFacts(firstInbound: utc("2026-10-05T00:00"), country: "ZA"),
        ]
        let audience = AudienceMetrics(tally: tally, facts: facts, previous: .init(activeUsers: 0, newUsers: 0))
        #expect(audience.newUsers == 1)
        #expect(audience.returningUsers == 1)
        #expect(audience.daily.map(\.newUsers) == [1, 0])
    }

    @Test func emptyPeriodHasEveryDayAtZero() {
        let tally = MessageTally(period: period("2026-10-30", "2026-11-02"), calendar: zone("Europe/London"))
        let audience = AudienceMetrics(tally: tally, facts: [:], previous: .init(activeUsers: 0, newUsers: 0))
        #expect(audience.activeUsers == 0)
        #expect(audience.daily.map(\.date.description) == ["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"])
        #expect(audience.daily.allSatisfy { $0.activeUsers == 0 && $0.newUsers == 0 })
        #expect(audience.countries.isEmpty)
    }
}

@Suite struct EngagementTests {
    @Test func countsAverageAndHeatmap() {
        let (tally, _) = threeDays()
        let engagement = EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 4, messagesSent: 0))
        // Received in the period: c1 ×4, c2 ×2, c3 ×1 = 7; sent 3. 7 received / 6 user-days.
        #expect(engagement.messagesReceived == 7)
        #expect(engagement.messagesSent == 3)
        #expect(engagement.averageMessagesPerUserPerDay == 7.0 / 6.0)
        #expect(engagement.daily.map(\.received) == [1, 3, 3])
        #expect(engagement.daily.map(\.sent) == [2, 1, 0])
        var expected = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        expected[0][9] = 1  // Monday 09
        expected[1][9] = 1  // Tuesday 09, 10, 21
        expected[1][10] = 1
        expected[1][21] = 1
        expected[2][8] = 1  // Wednesday 08, 12, 23
        expected[2][12] = 1
        expected[2][23] = 1
        #expect(engagement.heatmap == expected)
        #expect(engagement.busiestSlot == HeatmapSlot(weekday: 0, hour: 9, count: 1))
        #expect(engagement.quietestSlot == HeatmapSlot(weekday: 0, hour: 0, count: 0))
    }

    @Test func emptyPeriodHasNoAverage() {
        let tally = MessageTally(period: period("2026-10-05", "2026-10-06"), calendar: zone("UTC"))
        let engagement = EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 0, messagesSent: 0))
        #expect(engagement.averageMessagesPerUserPerDay == nil)
        #expect(engagement.daily.count == 2)
        #expect(engagement.heatmap.flatMap { $0 }.allSatisfy { $0 == 0 })
    }

    /// London's fall-back day, 2026-10-25, has 25 hours: 00:30 BST (23:30Z the day before)
    /// and 23:30 GMT are both that Sunday; 01:30 happens twice and both land in hour 1.
    @Test func londonFallBackDay() {
        var tally = MessageTally(period: period("2026-10-25", "2026-10-25"), calendar: zone("Europe/London"))
        for instant in [
            "2026-10-24T22:59:59", "2026-10-24T23:30", "2026-10-25T00:30", "2026-10-25T01:30", "2026-10-25T23:30",
            "2026-10-26T00:00",
        ] {
            tally.add(MessageRow(contact: 1, inbound: true, timestamp: utc(instant)))
        }
        let engagement = EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 0, messagesSent: 0))
        // 22:59:59Z is Saturday 23:59:59 BST; 00:00Z on the 26th is Monday 00:00 GMT: both out.
        #expect(engagement.messagesReceived == 4)
        #expect(engagement.heatmap[6][0] == 1)
        #expect(engagement.heatmap[6][1] == 2)
        #expect(engagement.heatmap[6][23] == 1)
        #expect(engagement.averageMessagesPerUserPerDay == 4.0)
    }

    /// A user active on many days is one unique user but counts on every day's bar.
    @Test func userActiveOnManyDays() {
        var tally = MessageTally(period: period("2026-10-01", "2026-10-31"), calendar: zone("Asia/Kathmandu"))
        for dayOfMonth in 1...31 {
            let date = dayOfMonth < 10 ? "0\(dayOfMonth)" : "\(dayOfMonth)"
            tally.add(MessageRow(contact: 7, inbound: true, timestamp: local("2026-10-\(date)T23:59:59", "Asia/Kathmandu")))
        }
        let audience = AudienceMetrics(
            tally: tally, facts: [7: ContactFacts(firstInbound: local("2026-10-01T23:59:59", "Asia/Kathmandu"), country: "NP")],
            previous: .init(activeUsers: 0, newUsers: 0))
        #expect(audience.activeUsers == 1)
        #expect(audience.daily.allSatisfy { $0.activeUsers == 1 })
        #expect(audience.daily.map(\.newUsers).reduce(0, +) == 1)
        let engagement = EngagementMetrics(tally: tally, previous: PreviousEngagement(messagesReceived: 0, messagesSent: 0))
        #expect(engagement.averageMessagesPerUserPerDay == 1.0)
        #expect(engagement.heatmap.map { $0[23] }.reduce(0, +) == 31)
    }
}
