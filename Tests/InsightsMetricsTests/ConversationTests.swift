import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct ConversationTests {
    /// Period 2026-10-10 to 2026-10-12 in UTC: [10-10T00:00Z, 10-13T00:00Z).
    static let range = period("2026-10-10", "2026-10-12").instants(in: zone("UTC"))

    @Test func replayOfClosesAndReopens() {
        let inbound: [(ContactKey, Instant)] = [
            (1, utc("2026-10-01T10:00")),  // A opens before the period
            (1, utc("2026-10-11T08:00")),  // A re-opened by an inbound message
            (2, utc("2026-10-09T22:00")),  // B open at the start
            (3, utc("2026-10-05T10:00")),  // C closed before the period: not active
            (4, utc("2026-10-12T10:00")),  // D opens and closes at the same instant
            (6, utc("2026-10-13T00:00")),  // F: the first second after the period
            (7, utc("2026-10-09T20:00")),  // G closed exactly at the start
            (8, utc("2026-10-10T01:00")),  // H
            (9, utc("2026-10-11T04:00")),  // I: inbound and close at the same instant
            (9, utc("2026-10-11T05:00")),
            (10, utc("2026-10-11T06:00")),  // J: close and reopen at the same instant
        ]
        let events = [
            event(1, .closed, "2026-10-02T10:00", 1),
            event(1, .closed, "2026-10-11T12:00", 2),  // 4 h after 08:00
            event(1, .reopened, "2026-10-12T09:00", 3),  // by hand: a reopen
            event(2, .closed, "2026-10-10T06:00", 4),  // 8 h after 10-09 22:00
            event(3, .closed, "2026-10-06T10:00", 5),
            event(4, .closed, "2026-10-12T10:00", 6),  // 0 h: the inbound applies first
            event(5, .closed, "2026-10-11T10:00", 7),  // E: never open, no transition
            event(7, .closed, "2026-10-10T00:00", 8),  // 4 h
            event(8, .closed, "2026-10-10T02:00", 9),  // 1 h
            event(8, .closed, "2026-10-10T03:00", 10),  // already closed: nothing
            event(8, .opened, "2026-10-11T00:00", 11),  // explicit open after a close: a reopen
            event(9, .closed, "2026-10-11T05:00", 12),  // 1 h
            event(10, .reopened, "2026-10-11T07:00", 14),  // listed first, applies second
            event(10, .closed, "2026-10-11T07:00", 13),  // 1 h
        ]
        let metrics = ConversationMetrics(period: Self.range, inbound: inbound, events: events)
        // Active: A, B, D, G, H, I, J. Open at the end: A, H, J.
        // Opened: A 2, D 1, H 2, I 1, J 2 = 8, of which re-opens: A 2, H 1, J 1 = 4.
        // Closes: A 4h, B 8h, D 0h, G 4h, H 1h, I 1h, J 1h → sorted 0,1,1,1,4,4,8: median 1.
        #expect(
            metrics
                == ConversationMetrics(
                    active: 7, openAtEnd: 3, closedAtEnd: 4, opened: 8, reopened: 4, closed: 7,
                    medianTimeToCloseHours: 1.0))
    }

    @Test func evenNumberOfClosesTakesTheMeanOfTheMiddleTwo() {
        let inbound: [(ContactKey, Instant)] = [(1, utc("2026-10-10T00:00")), (2, utc("2026-10-10T00:00"))]
        let events = [event(1, .closed, "2026-10-10T01:00", 1), event(2, .closed, "2026-10-10T04:00", 2)]
        let metrics = ConversationMetrics(period: Self.range, inbound: inbound, events: events)
        #expect(metrics.medianTimeToCloseHours == 2.5)
        #expect(metrics.closedAtEnd == 2)
    }

    @Test func emptyPeriod() {
        let metrics = ConversationMetrics(period: Self.range, inbound: [], events: [])
        #expect(
            metrics
                == ConversationMetrics(
                    active: 0, openAtEnd: 0, closedAtEnd: 0, opened: 0, reopened: 0, closed: 0,
                    medianTimeToCloseHours: nil))
    }

    @Test func openThroughoutWithNoEventInThePeriod() {
        let metrics = ConversationMetrics(period: Self.range, inbound: [(1, utc("2026-09-01T00:00"))], events: [])
        #expect(metrics.active == 1)
        #expect(metrics.openAtEnd == 1)
        #expect(metrics.opened == 0)
    }

    private func event(_ contact: ContactKey, _ kind: ConversationEventKind, _ time: String, _ sequence: Int64)
        -> ConversationEventRow
    {
        ConversationEventRow(contact: contact, kind: kind, timestamp: utc(time), sequence: sequence)
    }
}
