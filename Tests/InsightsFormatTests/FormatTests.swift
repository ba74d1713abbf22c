import InsightsFormat
import Testing

/// The one writer of CSV fields, JSON strings and RFC 3339 timestamps.
@Suite struct FormatTests {
    /// The two escapers it replaced differed on U+2028, U+2029 and U+007F: `RecordEncoder`
    /// escaped them (export), `jsonQuoted` and metrics.json's did not. Every JSON now escapes
    /// them, as the export always did, so the export's bytes do not change.
    @Test func jsonEscapesQuotesControlsDeleteAndLineSeparators() {
        #expect(JSONText.quoted("plain") == #""plain""#)
        #expect(JSONText.quoted("say \"hi\"\\") == #""say \"hi\"\\""#)
        #expect(JSONText.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(JSONText.quoted("\u{0}\u{1F}") == #""\u0000\u001f""#)
        #expect(JSONText.quoted("del\u{7F}") == #""del\u007f""#)
        #expect(JSONText.quoted("line\u{2028}para\u{2029}") == #""line\u2028para\u2029""#)
        // Other characters, even those whose UTF-8 starts like U+2028's (E2 80 …), stay as they are.
        #expect(JSONText.quoted("café – “ok” 🌍") == "\"café – “ok” 🌍\"")
    }

    @Test func csvQuotesOnlyFieldsThatNeedIt() {
        #expect(CSVText.field("plain text") == "plain text")
        #expect(CSVText.field(" padded ") == " padded ")
        // The demo's files also quote a padded value, so that no reader that trims changes it.
        var demo = CSVText(quotingPadded: true)
        demo.row([" padded", "end ", "in side"])
        #expect(demo.text == "\" padded\",\"end \",in side\n")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        // "\r\n" is one Character in Swift: a check on Characters for "\n" or "\r" misses it.
        #expect(CSVText.field("crlf\r\nend") == "\"crlf\r\nend\"")
        var text = CSVText(header: ["id", "note", "at"])
        text.row(["1", nil, "x,y"])
        text.field("2")
        text.field("")
        text.timestamp(1_791_029_100_000_000, last: true)
        #expect(text.text == "id,note,at\n1,,\"x,y\"\n2,,2026-10-03T12:05:00Z\n")
    }

    @Test func timestampsWriteTheDigitsTheyNeed() {
        // 1_791_029_100 s = 2026-10-03T12:05:00Z: 20,729 days after 1970-01-01 (20,729 × 86,400
        // = 1,790,985,600 s), then 43,500 s (12 h 5 min).
        #expect(TimestampFormatter.string(1_791_029_100_000_000) == "2026-10-03T12:05:00Z")
        #expect(TimestampFormatter.string(1_791_029_100_123_000) == "2026-10-03T12:05:00.123Z")
        #expect(TimestampFormatter.string(1_791_029_100_123_456) == "2026-10-03T12:05:00.123456Z")
        // One microsecond before the epoch: the day before, 23:59:59.999999.
        #expect(TimestampFormatter.string(-1) == "1969-12-31T23:59:59.999999Z")
        // Past 9999-12-31 there is no RFC 3339 form: epoch seconds, as read.
        #expect(TimestampFormatter.string(999_999_999_999 * 1_000_000) == "999999999999")
    }
}
