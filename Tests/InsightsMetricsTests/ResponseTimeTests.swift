import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct ResponseTimeTests {
    /// Monday 2026-10-05 to Sunday 2026-10-11 in UTC: [10-05T00:00Z, 10-12T00:00Z).
    static let range = period("2026-10-05", "2026-10-11").instants(in: zone("UTC"))

    func span(_ contact: ContactKey, _ opened: String, _ closed: String?, inbound: Bool = true, reopen: Bool = false)
        -> ConversationSpan
    {
        ConversationSpan(
            contact: contact, openedAt: utc(opened), closedAt: closed.map(utc), isReopen: reopen, openedByInbound: inbound)
    }

    func coach(_ id: String, _ contact: ContactKey, _ at: String, _ author: String?, name: String? = nil) -> CoachMessageRow {
        CoachMessageRow(messageID: id, contact: contact, timestamp: utc(at), authorID: author, authorName: name)
    }

    func close(_ contact: ContactKey, _ at: String, _ actor: String?, _ sequence: Int64) -> CloseEventRow {
        CloseEventRow(contact: contact, timestamp: utc(at), actorID: actor, sequence: sequence)
    }

    static func buckets(_ counts: [Int]) -> [ResponseTimeBucketCount] {
        zip(ResponseTimeBucket.allCases, counts).map { ResponseTimeBucketCount(bucket: $0, conversations: $1) }
    }

    @Test func firstCoachResponsesBucketsAndCoaches() {
        let spans = [
            span(1, "2026-10-05T09:00", "2026-10-05T12:00"),  // answered at 09:10 by a: 10 min
            span(2, "2026-10-05T10:00", "2026-10-05T11:00"),  // a writes at 11:30, after the close: unanswered
            span(3, "2026-10-06T08:00", nil, inbound: false, reopen: true),  // re-opened by a coach: not counted
            span(4, "2026-10-06T09:00", "2026-10-06T10:00"),  // b at the close instant: 60 min
            span(5, "2026-10-07T12:00", nil),  // two at the opening instant, m5a (a) first: 0 min
            span(6, "2026-10-08T08:00", "2026-10-08T08:20"),  // b at 08:04: 4 min
            span(6, "2026-10-08T20:00", nil, reopen: true),  // re-opened by the user: a 26 h later
            span(7, "2026-10-04T10:00", nil),  // opened before the period: not counted
            span(8, "2026-10-11T23:00", nil),  // answered only after the period: unanswered
            span(9, "2026-10-09T10:00", "2026-10-09T13:00"),  // a at 12:30: 150 min
            span(10, "2026-10-10T09:00", nil),  // b at 13:00: 240 min (4-24h, lower bound inclusive)
            span(12, "2026-10-01T10:00", "2026-10-02T10:00"),  // long before: ignored
        ]
        let messages = [
            coach("m1a", 1, "2026-10-05T09:10", "coach-a"),
            coach("m2", 2, "2026-10-05T11:30", "coach-a"),
            coach("m3", 3, "2026-10-06T08:30", "coach-a"),
            coach("m4", 4, "2026-10-06T10:00", "coach-b"),
            coach("m5b", 5, "2026-10-07T12:00", "coach-b"),
            coach("m5a", 5, "2026-10-07T12:00", "coach-a"),
            coach("m6b", 6, "2026-10-09T22:00", "coach-a"),
            coach("m6a", 6, "2026-10-08T08:04", "coach-b"),
            coach("m7", 7, "2026-10-05T08:00", "coach-b"),
            coach("m8", 8, "2026-10-12T00:30", "coach-a"),  // after the period: ignored
            coach("m9", 9, "2026-10-09T12:30", "coach-a"),
            coach("m10", 10, "2026-10-10T13:00", "coach-b"),
            coach("m11a", 11, "2026-10-10T14:00", nil, name: "Night shift"),
            coach("m11b", 11, "2026-10-10T15:00", nil, name: "Night shift"),
            coach("m11c", 11, "2026-10-10T16:00", nil),
        ]
        let closes = [
            close(1, "2026-10-05T12:00", "coach-a", 1),
            close(2, "2026-10-05T11:00", "coach-b", 2),
            close(2, "2026-10-05T11:45", "coach-a", 3),  // already closed: no close
            close(4, "2026-10-06T10:00", "coach-c", 4),  // c closes without replying
            close(6, "2026-10-08T08:20", "coach-a", 5),
            close(9, "2026-10-09T13:00", "coach-a", 7),  // applies second: already closed
            close(9, "2026-10-09T13:00", "coach-b", 6),
        ]
        let metrics = ResponseTimeMetrics(
            period: Self.range, spans: spans, coachMessages: messages, closes: closes,
            coachNames: ["coach-a": "Alice"], calendar: zone("UTC"))
        // Opened by users in the period: 1, 2, 4, 5, 6 (twice), 8, 9, 10 = 9; answered: 1, 4,
        // 5, 6, 6, 9, 10 = 7; unanswered: 2 and 8.
        #expect(metrics.openedByUsers == 9)
        #expect(metrics.answeredByCoach == 7)
        #expect(metrics.unanswered == 2)
        // Sorted minutes: 0, 4, 10, 60, 150, 240, 1560; median the 4th = 60; p90 the
        // ⌈6.3⌉ = 7th = 1560.
        #expect(metrics.medianFirstResponseMinutes == 60)
        #expect(metrics.p90FirstResponseMinutes == 1560)
        // <5m: 0, 4; 5-15m: 10; 15-60m: none; 1-4h: 60, 150; 4-24h: 240; >=24h: 1560.
        #expect(metrics.buckets == Self.buckets([2, 1, 0, 2, 1, 1]))
        #expect(metrics.businessHours == nil)
        // a: m1a m2 m3 m5a m6b m9 = 6 replies to 1 2 3 5 6 9; first responses 10, 0, 1560, 150
        //    (median (10 + 150) / 2 = 80); closes 1 and 6's first (2's second and 9's second
        //    closed nothing) = 2.
        // b: m4 m5b m6a m7 m10 = 5 replies to 4 5 6 7 10; first responses 60, 4, 240 (median
        //    60); closes 2 and 9 = 2.
        // "Night shift" (no id): 2 replies to 11; "(unnamed)": 1. c wrote nothing: not listed.
        #expect(
            metrics.coaches == [
                CoachResponses(
                    authorID: "coach-a", name: "Alice", replies: 6, users: 6, firstResponses: 4,
                    medianFirstResponseMinutes: 80, closes: 2),
                CoachResponses(
                    authorID: "coach-b", name: "coach-b", replies: 5, users: 5, firstResponses: 3,
                    medianFirstResponseMinutes: 60, closes: 2),
                CoachResponses(
                    authorID: nil, name: "Night shift", replies: 2, users: 1, firstResponses: 0,
                    medianFirstResponseMinutes: nil, closes: 0),
                CoachResponses(
                    authorID: nil, name: "(unnamed)", replies: 1, users: 1, firstResponses: 0,
                    medianFirstResponseMinutes: nil, closes: 0),
            ])
    }

    @Test func sameInstantRepliesWithoutIdsKeepTheirInputOrder() {
        // Contact 1 opens at 09:00; coaches a (m5a) and b (m5b) both reply at 09:10. By id,
        // a's reply is first and a is credited. A source that leaves the ids out (the SQLite
        // report's read, whose rows come in (instant, id) order) gets the order of its rows.
        let spans = [span(1, "2026-10-05T09:00", nil)]
        func firstResponders(_ messages: [CoachMessageRow]) -> [String?] {
            ResponseTimeMetrics(
                period: Self.range, spans: spans, coachMessages: messages, closes: [], coachNames: [:],
                calendar: zone("UTC")
            ).coaches.filter { $0.firstResponses > 0 }.map(\.authorID)
        }
        let b = coach("m5b", 1, "2026-10-05T09:10", "coach-b")
        let a = coach("m5a", 1, "2026-10-05T09:10", "coach-a")
        #expect(firstResponders([b, a]) == ["coach-a"])
        var (unnamedA, unnamedB) = (a, b)
        (unnamedA.messageID, unnamedB.messageID) = ("", "")
        #expect(firstResponders([unnamedA, unnamedB]) == ["coach-a"])
        #expect(firstResponders([unnamedB, unnamedA]) == ["coach-b"])
    }

    @Test func nearestRankP90AndEvenMedian() {
        // Ten conversations answered after 1 … 10 minutes (seconds exact: 90 s = 1.5 min on
        // the tenth): sorted 1, 2, …, 9, 10.5.
        let spans = (1...10).map { span(ContactKey($0), "2026-10-06T10:00", nil) }
        var messages = (1...9).map { coach("m\($0)", ContactKey($0), "2026-10-06T10:0\($0)", "x") }
        messages.append(coach("m10", 10, "2026-10-06T10:10:30", "x"))
        let ten = ResponseTimeMetrics(
            period: Self.range, spans: spans, coachMessages: messages, closes: [], coachNames: [:], calendar: zone("UTC"))
        // Even count: median (5 + 6) / 2 = 5.5; p90 the ⌈9⌉ = 9th smallest = 9.
        #expect(ten.medianFirstResponseMinutes == 5.5)
        #expect(ten.p90FirstResponseMinutes == 9)
        // An eleventh after 30 s (0.5 min): p90 the ⌈9.9⌉ = 10th of 0.5, 1, …, 9, 10.5 = 9;
        // median the 6th = 5.
        let eleven = ResponseTimeMetrics(
            period: Self.range, spans: spans + [span(11, "2026-10-06T10:00", nil)],
            coachMessages: messages + [coach("m11", 11, "2026-10-06T10:00:30", "x")], closes: [], coachNames: [:],
            calendar: zone("UTC"))
        #expect(eleven.p90FirstResponseMinutes == 9)
        #expect(eleven.medianFirstResponseMinutes == 5)
        // Nothing answered: nulls, and every bucket 0.
        let none = ResponseTimeMetrics(
            period: Self.range, spans: spans, coachMessages: [], closes: [], coachNames: [:], calendar: zone("UTC"))
        #expect(none.openedByUsers == 10 && none.answeredByCoach == 0 && none.unanswered == 10)
        #expect(none.medianFirstResponseMinutes == nil && none.p90FirstResponseMinutes == nil)
        #expect(none.buckets == Self.buckets([0, 0, 0, 0, 0, 0]))
        #expect(none.coaches.isEmpty)
    }

    @Test func businessHoursCountOnlyOpenTime() throws {
        // Friday 2026-10-09 to Monday 10-12 in Nairobi (UTC+3), "Mon-Fri 08:00-17:00".
        let nairobi = zone("Africa/Nairobi")
        let range = period("2026-10-09", "2026-10-12").instants(in: nairobi)
        let at = { (text: String) in local(text, "Africa/Nairobi") }
        let spans = [
            ConversationSpan(contact: 1, openedAt: at("2026-10-09T16:50"), closedAt: nil, isReopen: false, openedByInbound: true),
            ConversationSpan(contact: 2, openedAt: at("2026-10-10T10:00"), closedAt: nil, isReopen: false, openedByInbound: true),
            ConversationSpan(contact: 3, openedAt: at("2026-10-09T09:00"), closedAt: nil, isReopen: false, openedByInbound: true),
        ]
        let messages = [
            CoachMessageRow(messageID: "m1", contact: 1, timestamp: at("2026-10-12T08:10"), authorID: "x"),
            CoachMessageRow(messageID: "m2", contact: 2, timestamp: at("2026-10-10T11:00"), authorID: "x"),
            CoachMessageRow(messageID: "m3", contact: 3, timestamp: at("2026-10-09T13:00"), authorID: "y"),
        ]
        let hours = try BusinessHours("Mon-Fri 08:00-17:00")
        let metrics = ResponseTimeMetrics(
            period: range, spans: spans, coachMessages: messages, closes: [], coachNames: [:], businessHours: hours,
            calendar: nairobi)
        // 1: Friday 16:50 → Monday 08:10 = 10 + 10 = 20 business minutes (63 h 20 min of
        //    clock time). 2: Saturday 10:00 → 11:00 = 0 business minutes. 3: Friday 09:00 →
        //    13:00 = 240. Sorted 0, 20, 240: median 20, p90 the ⌈2.7⌉ = 3rd = 240.
        #expect(metrics.medianFirstResponseMinutes == 20)
        #expect(metrics.p90FirstResponseMinutes == 240)
        // Buckets by business minutes: <5m: 0; 15-60m: 20; 4-24h: 240 (none >=24h).
        #expect(metrics.buckets == Self.buckets([1, 0, 1, 0, 1, 0]))
        #expect(metrics.businessHours == "Mon-Fri 08:00-17:00")
        // x answered 1 and 2 (median (0 + 20) / 2 = 10); y answered 3.
        #expect(metrics.coaches.map(\.medianFirstResponseMinutes) == [10, 240])
    }

    @Test func businessHoursOverTheFallBackNight() throws {
        // Berlin, "Sun 00:00-24:00", period Saturday 2026-10-24 to Monday 10-26. Opened on
        // Saturday 23:00 CEST, answered Monday 01:00 CET: Sunday's 25 wall-clock hours count,
        // Saturday's and Monday's hour do not: 1500 business minutes (>=24h).
        let berlin = zone("Europe/Berlin")
        let range = period("2026-10-24", "2026-10-26").instants(in: berlin)
        let spans = [
            ConversationSpan(
                contact: 1, openedAt: local("2026-10-24T23:00", "Europe/Berlin"), closedAt: nil, isReopen: false,
                openedByInbound: true)
        ]
        let messages = [
            CoachMessageRow(messageID: "m1", contact: 1, timestamp: local("2026-10-26T01:00", "Europe/Berlin"), authorID: "x")
        ]
        let metrics = ResponseTimeMetrics(
            period: range, spans: spans, coachMessages: messages, closes: [], coachNames: [:],
            businessHours: try BusinessHours("Sun 00:00-24:00"), calendar: berlin)
        #expect(metrics.medianFirstResponseMinutes == 1500)
        #expect(metrics.buckets == Self.buckets([0, 0, 0, 0, 0, 1]))
    }

    @Test func headlineChangeAgainstThePreviousPeriod() {
        // This period: one answer after 30 min. The previous period (09-28 to 10-04): one
        // after 60 min. The median went down by (60 − 30) / 60 = 0.5.
        let previousRange = period("2026-09-28", "2026-10-04").instants(in: zone("UTC"))
        let current = ResponseTimeMetrics(
            period: Self.range, spans: [span(1, "2026-10-06T10:00", nil)],
            coachMessages: [coach("m1", 1, "2026-10-06T10:30", "x")], closes: [], coachNames: [:], calendar: zone("UTC"))
        let previous = ResponseTimeMetrics(
            period: previousRange, spans: [span(1, "2026-09-30T10:00", "2026-09-30T12:00")],
            coachMessages: [coach("m0", 1, "2026-09-30T11:00", "x")], closes: [], coachNames: [:], calendar: zone("UTC"))
        #expect(previous.medianFirstResponseMinutes == 60)
        #expect(current.medianChange(against: previous) == .down(0.5))
        // With nothing answered before there is no change to show.
        let empty = ResponseTimeMetrics(
            period: previousRange, spans: [], coachMessages: [], closes: [], coachNames: [:], calendar: zone("UTC"))
        #expect(current.medianChange(against: empty) == nil)
    }
}
