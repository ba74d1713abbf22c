import InsightsMetrics
import InsightsTestSupport
import Testing

/// The response-time aggregate (what a warehouse returns) gives the block the rows give, and
/// the business ranges it is measured with are exact across midnight and DST.
@Suite struct ResponseTimeAggregateTests {
    /// Monday 2026-10-05 to Sunday 2026-10-11 in UTC.
    static let range = period("2026-10-05", "2026-10-11").instants(in: zone("UTC"))
    static let minute: Int64 = 60_000_000

    func span(_ contact: ContactKey, _ opened: String, _ closed: String?, inbound: Bool = true) -> ConversationSpan {
        ConversationSpan(
            contact: contact, openedAt: utc(opened), closedAt: closed.map(utc), isReopen: false, openedByInbound: inbound)
    }

    func coach(_ id: String, _ contact: ContactKey, _ at: String, _ author: String?, name: String? = nil) -> CoachMessageRow {
        CoachMessageRow(messageID: id, contact: contact, timestamp: utc(at), authorID: author, authorName: name)
    }

    @Test func handWorkedAggregate() {
        let spans = [
            span(1, "2026-10-05T09:00", "2026-10-05T12:00"),  // a at 09:10: 10 min
            span(2, "2026-10-05T10:00", "2026-10-05T11:00"),  // a at 11:30, after the close: unanswered
            span(3, "2026-10-06T08:00", nil, inbound: false),  // opened by an event: not counted
            span(4, "2026-10-06T09:00", "2026-10-06T10:00"),  // b at the close instant: 60 min
            span(5, "2026-10-07T12:00", nil),  // m5a (a) and m5b (b) at the opening: a first, 0 min
            span(6, "2026-10-09T10:00", nil),  // b 25 h later: 1500 min
        ]
        let messages = [
            coach("m1", 1, "2026-10-05T09:10", "a"), coach("m2", 2, "2026-10-05T11:30", "a"),
            coach("m3", 3, "2026-10-06T08:30", "a"), coach("m4", 4, "2026-10-06T10:00", "b"),
            coach("m5b", 5, "2026-10-07T12:00", "b"), coach("m5a", 5, "2026-10-07T12:00", "a"),
            coach("m6", 6, "2026-10-10T11:00", "b"), coach("m7", 7, "2026-10-10T11:00", nil, name: "Night"),
        ]
        let closes = [
            CloseEventRow(contact: 1, timestamp: utc("2026-10-05T12:00"), actorID: "a", sequence: 1),
            CloseEventRow(contact: 2, timestamp: utc("2026-10-05T11:00"), actorID: "b", sequence: 1),
            CloseEventRow(contact: 4, timestamp: utc("2026-10-06T10:00"), actorID: "c", sequence: 1),  // c wrote nothing
        ]
        let aggregate = ResponseTimeAggregate(
            period: Self.range, spans: spans, coachMessages: messages, closes: closes,
            coachNames: ["a": "Alice", "z": "Zed"], calendar: zone("UTC"))
        // Opened by users: 1, 2, 4, 5, 6 = 5; answered 1, 4, 5, 6 = 4. Waits sorted 0, 10,
        // 60, 1500 min: middle the 2nd and 3rd (10, 60); p90 the ⌈3.6⌉ = 4th = 1500.
        #expect(aggregate.openedByUsers == 5)
        #expect(aggregate.answered == 4)
        #expect(aggregate.middleWaits == [10 * Self.minute, 60 * Self.minute])
        #expect(aggregate.p90Wait == 1500 * Self.minute)
        // <5m: 0; 5-15m: 10; 15-60m: none; 1-4h: 60 (lower bound inclusive); >=24h: 1500.
        #expect(aggregate.buckets == [1, 1, 0, 1, 0, 1])
        // a: 4 messages to 1, 2, 3, 5; first responses 10 and 0 (middle 0, 10); closed 1.
        // b: 3 messages to 4, 5, 6; first responses 60, 1500; closed 1 (contact 2 at 11:00).
        // The grouped name "Night": one message, nothing else. c and z wrote nothing here.
        #expect(
            aggregate.coaches == [
                AuthorKey(type: .coach, id: "a", name: nil): CoachResponseCounts(
                    replies: 4, users: 4, firstResponses: 2, middleWaits: [0, 10 * Self.minute], closes: 1),
                AuthorKey(type: .coach, id: "b", name: nil): CoachResponseCounts(
                    replies: 3, users: 3, firstResponses: 2, middleWaits: [60 * Self.minute, 1500 * Self.minute], closes: 1),
                AuthorKey(type: .coach, id: nil, name: "Night"): CoachResponseCounts(
                    replies: 1, users: 1, firstResponses: 0, middleWaits: [], closes: 0),
            ])
        #expect(aggregate.names == ["a": "Alice"])
        // The block: median (10 + 60) / 2 = 35, p90 1500; a's median 5, b's 780.
        let block = ResponseTimeMetrics(aggregate: aggregate)
        #expect(block.medianFirstResponseMinutes == 35 && block.p90FirstResponseMinutes == 1500)
        #expect(block.coaches.map(\.name) == ["Alice", "b", "Night"])
        #expect(block.coaches.map(\.medianFirstResponseMinutes) == [5, 780, nil])
        #expect(aggregate.medianFirstResponseMinutes == 35)
        #expect(
            block
                == ResponseTimeMetrics(
                    period: Self.range, spans: spans, coachMessages: messages, closes: closes,
                    coachNames: ["a": "Alice", "z": "Zed"], calendar: zone("UTC")))
    }

    @Test func sameInstantInboundAndClose() {
        // Contact 1 writes at 10:00 and a coach closes at 10:00 (inbound first: a span of 0
        // seconds); a's message at 10:00 answers it in 0 minutes, and the close counts for a.
        // Contact 2's close at 11:00 by a comes with two events: only the first by sequence
        // (a) ended a span, the second (b) found it closed.
        let spans = [span(1, "2026-10-06T10:00", "2026-10-06T10:00"), span(2, "2026-10-06T10:30", "2026-10-06T11:00")]
        let messages = [coach("m1", 1, "2026-10-06T10:00", "a"), coach("m2", 2, "2026-10-06T11:00:30", "b")]
        let closes = [
            CloseEventRow(contact: 1, timestamp: utc("2026-10-06T10:00"), actorID: "a", sequence: 1),
            CloseEventRow(contact: 2, timestamp: utc("2026-10-06T11:00"), actorID: "b", sequence: 2),
            CloseEventRow(contact: 2, timestamp: utc("2026-10-06T11:00"), actorID: "a", sequence: 1),
        ]
        let aggregate = ResponseTimeAggregate(
            period: Self.range, spans: spans, coachMessages: messages, closes: closes, coachNames: [:], calendar: zone("UTC"))
        // 2's only coach message is 30 s after its close: unanswered.
        #expect(aggregate.openedByUsers == 2 && aggregate.answered == 1)
        #expect(aggregate.middleWaits == [0] && aggregate.p90Wait == 0)
        #expect(aggregate.coaches[AuthorKey(type: .coach, id: "a", name: nil)]?.closes == 2)
        #expect(aggregate.coaches[AuthorKey(type: .coach, id: "b", name: nil)]?.closes == 0)
    }

    @Test func anEmptyPeriodIsTheEmptyBlock() throws {
        let aggregate = ResponseTimeAggregate(
            period: Self.range, spans: [span(1, "2026-09-01T10:00", "2026-09-02T10:00")], coachMessages: [], closes: [],
            coachNames: [:], calendar: zone("UTC"))
        #expect(aggregate == .empty())
        #expect(ResponseTimeMetrics(aggregate: aggregate) == .empty)
        #expect(aggregate.medianFirstResponseMinutes == nil)
        // With business hours the text is echoed, nothing else changes.
        let hours = try BusinessHours("Mon-Fri 08:00-17:00")
        let withHours = ResponseTimeAggregate(
            period: Self.range, spans: [], coachMessages: [], closes: [], coachNames: [:], businessHours: hours,
            calendar: zone("UTC"))
        #expect(withHours == .empty(businessHours: "Mon-Fri 08:00-17:00"))
    }

    /// Berlin, 29 March 2026: the clocks jump from 02:00 CET to 03:00 CEST (at 01:00Z).
    @Test func businessRangesAcrossMidnightAndTheSpringForwardGap() throws {
        let berlin = zone("Europe/Berlin")
        let range = period("2026-03-28", "2026-03-29").instants(in: berlin)
        let hours = try BusinessHours("Sat 23:00-24:00, Sun 00:00-03:00")
        let clock = BusinessClock(hours: hours, calendar: berlin, window: range)
        // Saturday 23:00-24:00 CET = 22:00Z-23:00Z, touching Sunday 00:00-02:00 CET =
        // 23:00Z-01:00Z; Sunday 02:00-03:00 never shows on the wall clock.
        #expect(clock.intervals == [utc("2026-03-28T22:00")..<utc("2026-03-29T01:00")])
        // Opened Saturday 23:30 CET (22:30Z), answered Sunday 03:30 CEST (01:30Z): 3 hours of
        // clock time, 150 business minutes (22:30Z → 01:00Z).
        let spans = [
            ConversationSpan(contact: 1, openedAt: utc("2026-03-28T22:30"), closedAt: nil, isReopen: false, openedByInbound: true)
        ]
        let messages = [coach("m1", 1, "2026-03-29T01:30", "a")]
        let aggregate = ResponseTimeAggregate(
            period: range, spans: spans, coachMessages: messages, closes: [], coachNames: [:], businessHours: hours,
            calendar: berlin)
        #expect(aggregate.middleWaits == [150 * Self.minute])
        #expect(aggregate.buckets == [0, 0, 0, 1, 0, 0])
        #expect(
            ResponseTimeMetrics(aggregate: aggregate)
                == ResponseTimeMetrics(
                    period: range, spans: spans, coachMessages: messages, closes: [], coachNames: [:], businessHours: hours,
                    calendar: berlin))
    }

    /// Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET (at 01:00Z), so 02:00-03:00
    /// shows twice.
    @Test func businessRangesOverTheRepeatedHour() throws {
        let berlin = zone("Europe/Berlin")
        let range = period("2026-10-25", "2026-10-25").instants(in: berlin)
        let clock = BusinessClock(hours: try BusinessHours("Sun 01:00-04:00"), calendar: berlin, window: range)
        // 01:00 CEST = 23:00Z to 03:00 CEST = 01:00Z, then 02:00 CET = 01:00Z to 04:00 CET =
        // 03:00Z: one range of four hours for three wall-clock hours.
        #expect(clock.intervals == [utc("2026-10-24T23:00")..<utc("2026-10-25T03:00")])
        // Mon-Fri hours: nothing on a Sunday.
        #expect(BusinessClock(hours: try BusinessHours("Mon-Fri 08:00-17:00"), calendar: berlin, window: range).intervals == [])
    }

    /// The sum of a wait's overlaps with the ranges is the clock's business time, for waits
    /// spread over a month with both DST changes (Chatham's +13:45/+12:45 and Berlin's).
    @Test(arguments: ["Europe/Berlin", "Pacific/Chatham", "America/New_York"])
    func overlapsWithTheRangesAreTheClocksBusinessTime(zoneName: String) throws {
        let calendar = zone(zoneName)
        let window = period("2026-03-20", "2026-04-12").instants(in: calendar)
        let hours = try BusinessHours("Mon-Fri 08:00-17:00, Fri-Sun 22:30-24:00, Sun 00:00-02:30, Wed 01:15-03:45")
        let clock = BusinessClock(hours: hours, calendar: calendar, window: window)
        let intervals = clock.intervals
        #expect(zip(intervals, intervals.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        var random = SplitMix(seed: 7)
        for _ in 0..<300 {
            let a = window.lowerBound + Int64(random.next() % UInt64(window.upperBound - window.lowerBound))
            let b = a + Int64(random.next() % UInt64(4 * 86_400_000_000))
            let end = min(b, window.upperBound)
            let summed = intervals.reduce(Int64(0)) { $0 + max(0, min(end, $1.upperBound) - max(a, $1.lowerBound)) }
            #expect(summed == clock.businessMicroseconds(from: a, to: end), "\(a)…\(end) \(zoneName)")
        }
    }

    /// Random periods of rows: the block from the aggregate is the block from the rows, with
    /// and without business hours (Berlin, over the spring-forward week).
    @Test func aggregatePathEqualsRowPath() throws {
        let berlin = zone("Europe/Berlin")
        let range = period("2026-03-25", "2026-03-31").instants(in: berlin)
        let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sun 01:00-04:00")
        var random = SplitMix(seed: 42)
        for round in 0..<40 {
            let hour: Int64 = 3_600_000_000
            var spans: [ConversationSpan] = []
            var messages: [CoachMessageRow] = []
            var closes: [CloseEventRow] = []
            for contact in 1...Int64(6) {
                var at = range.lowerBound - 24 * hour + Int64(random.next() % 48) * hour
                while at < range.upperBound {
                    let length = Int64(random.next() % 30) * hour / 2
                    let closed = random.next() % 4 == 0 ? nil : at + length
                    spans.append(
                        ConversationSpan(
                            contact: contact, openedAt: at, closedAt: closed, isReopen: false,
                            openedByInbound: random.next() % 5 != 0))
                    if let closed, random.next() % 2 == 0 {
                        closes.append(
                            CloseEventRow(
                                contact: contact, timestamp: closed, actorID: ["a", "b", nil][Int(random.next() % 3)],
                                sequence: Int64(closes.count)))
                    }
                    guard let closed else { break }
                    at = closed + Int64(random.next() % 20) * hour / 4
                }
                for index in 0..<Int(random.next() % 12) {
                    let id = ["a", "b", "c", nil][Int(random.next() % 4)]
                    messages.append(
                        CoachMessageRow(
                            messageID: "m\(contact)-\(index)", contact: contact,
                            timestamp: range.lowerBound + Int64(random.next() % 170) * hour, authorID: id,
                            authorName: id == nil ? ["Night", nil][Int(random.next() % 2)] : "Name \(index)"))
                }
            }
            let names = ["a": "Alice", "c": "Carol"]
            for business in [nil, hours] {
                let rows = ResponseTimeMetrics(
                    period: range, spans: spans, coachMessages: messages, closes: closes, coachNames: names,
                    businessHours: business, calendar: berlin)
                let aggregate = ResponseTimeAggregate(
                    period: range, spans: spans, coachMessages: messages, closes: closes, coachNames: names,
                    businessHours: business, calendar: berlin)
                #expect(ResponseTimeMetrics(aggregate: aggregate) == rows, "round \(round) \(business?.text ?? "-")")
            }
        }
    }
}
