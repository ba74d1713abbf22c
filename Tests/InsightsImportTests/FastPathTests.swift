import Foundation
@testable import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The shortcuts of the import hot path give exactly what the general code gives.
@Suite struct FastPathTests {
    let parser = TimestampParser()

    /// The general reader of date-times (no shortcut) on `text`.
    private func general(_ text: String) -> Result<Instant, TimestampError> {
        Array(text.utf8).withUnsafeBufferPointer { parser.parseDateTime($0) }
    }

    /// The RFC 3339 shortcut on `text` (nil: not its form, left to the general reader).
    private func shortcut(_ text: String) -> Instant? {
        Array(text.utf8).withUnsafeBufferPointer { TimestampParser.commonRFC3339($0) }
    }

    @Test(arguments: [
        // Fractions of 1 to 7 digits (the first 6 count).
        ("2026-10-03T12:05:00.1Z", "2026-10-03T12:05:00", 100_000),
        ("2026-10-03T12:05:00.12Z", "2026-10-03T12:05:00", 120_000),
        ("2026-10-03T12:05:00.123Z", "2026-10-03T12:05:00", 123_000),
        ("2026-10-03T12:05:00.1234Z", "2026-10-03T12:05:00", 123_400),
        ("2026-10-03T12:05:00.12345Z", "2026-10-03T12:05:00", 123_450),
        ("2026-10-03T12:05:00.123456Z", "2026-10-03T12:05:00", 123_456),
        ("2026-10-03T12:05:00.1234567Z", "2026-10-03T12:05:00", 123_456),
        ("2026-10-03T12:05:00.000001Z", "2026-10-03T12:05:00", 1),
        // Offsets, east and west, with and without a fraction; across midnight and year ends.
        ("2026-10-03T14:05:00+02:00", "2026-10-03T12:05:00", 0),
        ("2026-10-03T08:35:00.5-03:30", "2026-10-03T12:05:00", 500_000),
        ("2026-10-03T17:50:00+05:45", "2026-10-03T12:05:00", 0),
        ("2027-01-01T01:00:00+02:00", "2026-12-31T23:00:00", 0),
        ("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00", 0),
        ("2026-10-03T12:05:00+00:00", "2026-10-03T12:05:00", 0),
        ("2026-10-03T12:05:00-00:00", "2026-10-03T12:05:00", 0),
        // Leap days and the first and last second of a day.
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00", 0),
        ("2000-02-29T23:59:59Z", "2000-02-29T23:59:59", 0),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00", 0),
        ("2199-12-31T23:59:59Z", "2199-12-31T23:59:59", 0),
    ])
    func shortcutAgreesWithTheGeneralReader(_ text: String, _ expected: String, _ micros: Int64) throws {
        let instant = utc(expected) + micros
        #expect(shortcut(text) == instant)
        #expect(try general(text).get() == instant)
        #expect(try parser.parse(text).get() == instant)
        #expect(try parser.parse(" \(text)\t").get() == instant)
    }

    @Test(arguments: [
        // Forms the shortcut leaves to the general reader, which accepts them.
        "2026-10-03t12:05:00z", "2026-10-03 12:05:00Z", "2026-10-03T12:05:00,5Z", "2026-10-03T17:35:00+0530",
        "2026-10-03T14:05:00+02", "2026-10-03 12:05:00 UTC", "2026-10-03 12:05:00.123456 UTC",
        "2026-10-03 12:05:00 GMT", "2026-10-03 12:05:00 +02:00", "2026-10-03T12:05:00z",
        // Forms the general reader rejects, each with its own reason.
        "2026-02-29T12:05:00Z", "1900-02-29T00:00:00Z", "2026-13-03T12:05:00Z", "2026-00-03T12:05:00Z",
        "2026-10-00T12:05:00Z", "2026-10-32T12:05:00Z", "2026-10-03T24:00:00Z", "2026-10-03T12:60:00Z",
        "2026-10-03T12:05:60Z", "2026-10-03T12:05:00+24:00", "2026-10-03T12:05:00+02:60",
        "2026-10-03T12:05:00.Z", "2026-10-03T12:05:00.123", "2026-10-03T12:05:00", "2026-10-03T12:05:00ZZ",
        "2026-10-03T12:05:00+02:00:00", "2026-10-03T12:05:00+2", "2026-10-03T12:05Z", "2026-1O-03T12:05:00Z",
        "+026-10-03T12:05:00Z", "2026-10-03T12:05:00 Europe/Berlin", "yesterday",
    ])
    func otherFormsGoToTheGeneralReader(_ text: String) {
        let expected = general(text)
        if case .failure = expected { #expect(shortcut(text) == nil) }
        if let value = shortcut(text) { #expect(expected == .success(value)) }
        #expect(parser.parse(text) == expected)
    }

    @Test func rejectedFormsKeepTheirReasons() {
        #expect(parser.parse("2026-02-29T12:05:00Z") == .failure(.outOfRange))
        #expect(parser.parse("1900-02-29T00:00:00Z") == .failure(.outOfRange))
        #expect(parser.parse("2026-10-03T12:05:00.123") == .failure(.noOffset))
        #expect(parser.parse("2026-10-03T12:05:00+24:00") == .failure(.malformed))
        #expect(parser.parse("2026-10-03T12:05:00.Z") == .failure(.malformed))
        #expect(parser.parse("  \t ") == .failure(.malformed))
    }

    @Test func epochSecondsAndMilliseconds() {
        #expect(parser.parse("0") == .success(0))
        #expect(parser.parse("1791036300") == .success(utc("2026-10-03T14:05:00")))
        // 12 digits are seconds, but 999,999,999,999 s is in year 33658: outside 1970 … 2200.
        #expect(parser.parse("999999999999") == .failure(.beyondRange))
        #expect(parser.parse("007258118399") == .success(7_258_118_399 * 1_000_000))
        #expect(parser.parse("1791036300123") == .success(utc("2026-10-03T14:05:00") + 123_000))
        #expect(parser.parse("0001791036300") == .success(1_791_036_300 * 1000))
        // Longer runs of digits: the count when they fit an Int64, else not a number at all.
        #expect(parser.parse("17910363001234") == .failure(.epochDigits(14)))
        #expect(parser.parse("9223372036854775807") == .failure(.epochDigits(19)))
        #expect(parser.parse("9223372036854775808") == .failure(.malformed))
        #expect(parser.parse("00000000000000000000001") == .failure(.epochDigits(23)))
    }

    @Test func blankIsWhatFoundationTrimsToNothing() {
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += [
            "", "  ", " \t ", " a ", "\u{00A0}", " \u{00A0}\t", "\u{00A0}x", "\u{2003}", "\u{3000}\u{2009}",
            "\u{200B}", "\u{FEFF}", " \u{301}", "é", " é", "\n", " \r\n", "\u{85}", "\u{2028}",
        ]
        for text in samples {
            #expect(isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func csvFieldsStraightFromTheBuffer() throws {
        // Doubled quotes at the start, middle and end of a field, an empty quoted field,
        // invalid UTF-8 (repaired as String(decoding:) does) and a multi-byte character.
        var bytes = Array("a,b,c\n\"\"\"x\"\"y\"\"\",\"\",\"é\"\n".utf8)
        bytes += [0x61, 0xFF, 0x62, 0x2C, 0x2C, 0x0A]
        var reader = CSVReader(bytes: bytes)
        #expect(try reader.next()?.fields == ["a", "b", "c"])
        #expect(try reader.next()?.fields == ["\"x\"y\"", "", "é"])
        let repaired = try reader.next()
        #expect(repaired?.line == 3)
        #expect(repaired?.fields == [String(decoding: [0x61, 0xFF, 0x62] as [UInt8], as: UTF8.self), "", ""])
        #expect(try reader.next() == nil)
    }
}
