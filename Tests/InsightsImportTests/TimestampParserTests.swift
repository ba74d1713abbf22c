import Foundation
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct TimestampParserTests {
    let parser = TimestampParser()

    @Test(arguments: [
        ("2026-10-03T14:05:00+02:00", "2026-10-03T12:05:00", 0),
        ("2026-10-03T12:05:00Z", "2026-10-03T12:05:00", 0),
        ("2026-10-03t12:05:00z", "2026-10-03T12:05:00", 0),
        ("2026-10-03T12:05:00.123Z", "2026-10-03T12:05:00", 123_000),
        ("2026-10-03T17:35:00+0530", "2026-10-03T12:05:00", 0),
        ("2026-10-03T08:35:00-03:30", "2026-10-03T12:05:00", 0),
        ("2026-10-03 12:05:00 UTC", "2026-10-03T12:05:00", 0),
        ("2026-10-03 12:05:00.123456 UTC", "2026-10-03T12:05:00", 123_456),
        ("2026-10-03 12:05:00.1234567 UTC", "2026-10-03T12:05:00", 123_456),
        ("1791036300", "2026-10-03T14:05:00", 0),
        ("1791036300123", "2026-10-03T14:05:00", 123_000),
        (" 1791036300 ", "2026-10-03T14:05:00", 0),
    ])
    func acceptedForms(_ text: String, _ expected: String, _ micros: Int64) throws {
        #expect(try parser.parse(text).get() == utc(expected) + micros)
    }

    @Test(arguments: [
        ("2026-10-03T12:05:00", TimestampError.noOffset),
        ("2026-10-03 12:05:00", .noOffset),
        ("2026-13-03T12:05:00Z", .outOfRange),
        ("2026-02-30T12:05:00Z", .outOfRange),
        ("2026-10-03T24:00:00Z", .outOfRange),
        ("17910363001234", .epochDigits(14)),
        ("yesterday", .malformed),
        ("2026-10-03", .malformed),
        ("2026-10-03T12:05:00 Europe/Berlin", .malformed),
        ("2026-10-03T12:05:00+2", .malformed),
    ])
    func rejectedForms(_ text: String, _ error: TimestampError) {
        #expect(throws: error) { try parser.parse(text).get() }
    }

    @Test func assumedZoneReadsWallClockTime() throws {
        let berlin = TimestampParser(assumedTimeZone: TimeZone(identifier: "Europe/Berlin"))
        #expect(try berlin.parse("2026-10-03T14:05:00").get() == utc("2026-10-03T12:05"))
        #expect(try berlin.parse("2026-12-03 14:05:00").get() == utc("2026-12-03T13:05"))
        // An explicit offset still wins.
        #expect(try berlin.parse("2026-10-03T14:05:00Z").get() == utc("2026-10-03T14:05"))
    }
}
