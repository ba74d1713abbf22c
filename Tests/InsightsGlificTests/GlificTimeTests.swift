import Foundation
import InsightsGlific
import InsightsMetrics
import Testing

/// Glific's naive DATETIMEs read in the organisation's zone, DST boundaries included.
struct GlificTimeTests {
    let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    /// Seconds since the epoch of a UTC instant written as ISO 8601.
    func utc(_ text: String) -> Instant {
        Instant((ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 ?? -1) * 1_000_000)
    }

    @Test func anOrdinaryTimeIsReadWithTheZonesOffset() throws {
        // 2026-10-20 09:00 CEST (+02:00) = 07:00Z; Kolkata (+05:30, no DST) 09:00 = 03:30Z.
        #expect(try GlificTime.instant("2026-10-20T09:00:00", in: berlin).get() == utc("2026-10-20T07:00:00Z"))
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(try GlificTime.instant("2026-10-20 09:00:00", in: kolkata).get() == utc("2026-10-20T03:30:00Z"))
        // Microseconds kept: 09:00:00.123456 CEST = 07:00:00.123456Z.
        #expect(try GlificTime.instant("2026-10-20T09:00:00.123456", in: berlin).get() == utc("2026-10-20T07:00:00Z") + 123_456)
    }

    @Test func aRepeatedTimeIsItsFirstOccurrence() throws {
        // Clocks go back at 03:00 CEST (01:00Z) on 2026-10-25: 02:30 happens at 00:30Z (CEST)
        // and again at 01:30Z (CET); the first is taken. 03:30 happens once, in CET: 02:30Z.
        #expect(try GlificTime.instant("2026-10-25T02:30:00", in: berlin).get() == utc("2026-10-25T00:30:00Z"))
        #expect(try GlificTime.instant("2026-10-25T03:30:00", in: berlin).get() == utc("2026-10-25T02:30:00Z"))
        #expect(try GlificTime.instant("2026-10-25T01:59:59", in: berlin).get() == utc("2026-10-24T23:59:59Z"))
    }

    @Test func aSkippedTimeIsReadWithTheOffsetBeforeTheChange() throws {
        // Clocks go forward at 02:00 CET (01:00Z) on 2026-03-29: 02:30 never happens; read
        // with +01:00 it is 01:30Z (03:30 CEST). 03:00 is the first time after the gap: 01:00Z.
        #expect(try GlificTime.instant("2026-03-29T02:30:00", in: berlin).get() == utc("2026-03-29T01:30:00Z"))
        #expect(try GlificTime.instant("2026-03-29T03:00:00", in: berlin).get() == utc("2026-03-29T01:00:00Z"))
        #expect(try GlificTime.instant("2026-03-29T01:59:00", in: berlin).get() == utc("2026-03-29T00:59:00Z"))
    }

    @Test func textThatIsNotAGlificDatetimeIsRefused() {
        #expect(GlificTime.wallClock("2026-10-20T09:00:00Z") == .failure(.hasZone))
        #expect(GlificTime.wallClock("2026-10-20T09:00:00+05:30") == .failure(.hasZone))
        #expect(GlificTime.wallClock("2026-10-20 09:00:00 UTC") == .failure(.hasZone))
        #expect(GlificTime.wallClock("2026-02-30T09:00:00") == .failure(.malformed))
        #expect(GlificTime.wallClock("20 Oct 2026") == .failure(.malformed))
        #expect(GlificTime.wallClock("2026-10-20T09:00:00.1234567") == .failure(.malformed))
        // Minutes only is a DATETIME too: 1970-01-01T00:01 = 60 s.
        #expect(GlificTime.wallClock("1970-01-01T00:01") == .success(60_000_000))
    }
}
