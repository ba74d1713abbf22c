import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct BusinessHoursTests {
    static let hour: Int64 = 3_600 * microsecondsPerSecond
    static let minute: Int64 = 60 * microsecondsPerSecond

    /// Business microseconds between two local wall-clock readings of a zone.
    func business(_ text: String, _ from: String, _ to: String, _ zoneName: String) throws -> Int64 {
        let hours = try BusinessHours(text)
        return hours.businessMicroseconds(from: local(from, zoneName), to: local(to, zoneName), in: zone(zoneName))
    }

    @Test func parsesDaysRangesAndTimes() throws {
        let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sat 09:00-13:00")
        // 08:00 = minute 480, 17:00 = 1020; Saturday 09:00-13:00 = 540..<780; Sunday closed.
        let weekday = [480..<1020]
        #expect(hours.windows == [weekday, weekday, weekday, weekday, weekday, [540..<780], []])
        #expect(hours.text == "Mon-Fri 08:00-17:00, Sat 09:00-13:00")
    }

    @Test func dayNamesIgnoreCaseAndTheTextIsKeptAsGiven() throws {
        let hours = try BusinessHours("  mon-FRI   08:00-17:00 ")
        // Monday to Friday 480..<1020, the weekend closed; the echo keeps the spaces.
        #expect(hours.windows.map(\.count) == [1, 1, 1, 1, 1, 0, 0])
        #expect(hours.windows(onWeekday: 4) == [480..<1020])
        #expect(hours.text == "  mon-FRI   08:00-17:00 ")
    }

    @Test func aRangeMayWrapThroughTheWeekend() throws {
        let hours = try BusinessHours("Fri-Mon 10:00-12:00")
        // Fri, Sat, Sun, Mon open 600..<720; Tue, Wed, Thu closed.
        #expect(hours.windows == [[600..<720], [], [], [], [600..<720], [600..<720], [600..<720]])
        // From Thursday 2026-10-08 00:00 to Wednesday 10-14 00:00 UTC: Fri, Sat, Sun, Mon
        // = 4 × 2 h = 8 h.
        #expect(try business("Fri-Mon 10:00-12:00", "2026-10-08T00:00", "2026-10-14T00:00", "UTC") == 8 * Self.hour)
    }

    @Test func overlappingPartsCountOnce() throws {
        let text = "Mon 08:00-12:00, Mon 11:00-14:00, Mon-Tue 13:30-15:00, Tue 15:00-16:00"
        let hours = try BusinessHours(text)
        // Monday: 08:00-12:00 ∪ 11:00-14:00 ∪ 13:30-15:00 = 08:00-15:00 (480..<900).
        // Tuesday: 13:30-15:00 and 15:00-16:00 touch: 13:30-16:00 (810..<960).
        #expect(hours.windows[0] == [480..<900])
        #expect(hours.windows[1] == [810..<960])
        // Monday 2026-10-12 all day: 7 h, not 4 + 3 + 1.5 = 8.5 h.
        #expect(try business(text, "2026-10-12T00:00", "2026-10-13T00:00", "UTC") == 7 * Self.hour)
    }

    @Test func endOfDayIs2400() throws {
        let text = "Sun 22:00-24:00, Mon 00:00-02:00"
        #expect(try BusinessHours(text).windows[6] == [1320..<1440])
        // Sunday 2026-10-11 21:00 to Monday 03:00: 22:00-24:00 and 00:00-02:00 = 4 h.
        #expect(try business(text, "2026-10-11T21:00", "2026-10-12T03:00", "UTC") == 4 * Self.hour)
    }

    @Test func fridayEveningAnsweredOnMondayMorning() throws {
        // Friday 2026-10-09 16:50 → 17:00 is 10 min; the weekend is closed; Monday 08:00 →
        // 08:10 is 10 min: 20 min.
        let text = "Mon-Fri 08:00-17:00"
        #expect(try business(text, "2026-10-09T16:50", "2026-10-12T08:10", "Africa/Nairobi") == 20 * Self.minute)
        #expect(try business(text, "2026-10-09T16:50", "2026-10-12T08:10", "UTC") == 20 * Self.minute)
        // Across the St John's fall-back night (Sunday 2026-11-01, 02:00 → 01:00) the same
        // wall-clock times give the same 20 min.
        #expect(
            try business(text, "2026-10-30T16:50", "2026-11-02T08:10", "America/St_Johns") == 20 * Self.minute)
        // Outside business hours time counts 0: Saturday noon to Sunday noon.
        #expect(try business(text, "2026-10-10T12:00", "2026-10-11T12:00", "UTC") == 0)
    }

    @Test func daylightSavingDaysHaveTheirWallClockHours() throws {
        let text = "Sun 00:00-24:00"
        // Berlin, Sunday 2026-10-25: 03:00 CEST → 02:00 CET, 02:00-03:00 happens twice:
        // the day is 25 h.
        #expect(try business(text, "2026-10-25T00:00", "2026-10-26T00:00", "Europe/Berlin") == 25 * Self.hour)
        // Sunday 2026-03-29: 02:00 CET → 03:00 CEST, the day is 23 h.
        #expect(try business(text, "2026-03-29T00:00", "2026-03-30T00:00", "Europe/Berlin") == 23 * Self.hour)
        // A whole week around it, Monday to Monday: only that Sunday, 23 h.
        #expect(try business(text, "2026-03-23T00:00", "2026-03-30T00:00", "Europe/Berlin") == 23 * Self.hour)
        // St John's (−2:30 → −3:30 on Sunday 2026-11-01 at 02:00): 25 h; spring forward on
        // Sunday 2026-03-08: 23 h.
        #expect(try business(text, "2026-11-01T00:00", "2026-11-02T00:00", "America/St_Johns") == 25 * Self.hour)
        #expect(try business(text, "2026-03-08T00:00", "2026-03-09T00:00", "America/St_Johns") == 23 * Self.hour)
    }

    @Test func aWindowAcrossTheSpringForwardGapAndTheRepeatedHour() throws {
        // "Sun 01:00-04:00" on Berlin 2026-03-29: 01:00-02:00 CET, then the clock jumps to
        // 03:00 CEST, 03:00-04:00: 2 h of real time.
        #expect(try business("Sun 01:00-04:00", "2026-03-29T00:00", "2026-03-29T06:00", "Europe/Berlin") == 2 * Self.hour)
        // "Sun 02:00-03:00" on 2026-10-25 shows 02:00-03:00 twice: 2 h.
        #expect(try business("Sun 02:00-03:00", "2026-10-25T00:00", "2026-10-25T06:00", "Europe/Berlin") == 2 * Self.hour)
        // From the first 02:30 (00:30Z) to the second 02:15 (01:15Z): 02:30-03:00 CEST is
        // 30 min, 02:00-02:15 CET is 15 min: 45 min.
        let hours = try BusinessHours("Sun 02:00-03:00")
        let measured = hours.businessMicroseconds(
            from: utc("2026-10-25T00:30"), to: utc("2026-10-25T01:15"), in: zone("Europe/Berlin"))
        #expect(measured == 45 * Self.minute)
    }

    @Test func aClockPreparedForAWindowMeasuresLikeTheDirectCall() throws {
        let hours = try BusinessHours("Mon-Fri 08:00-17:00, Sun 01:00-04:00")
        let berlin = zone("Europe/Berlin")
        let clock = BusinessClock(hours: hours, calendar: berlin, window: utc("2026-03-01T00:00")..<utc("2026-04-01T00:00"))
        // Friday 2026-03-27 16:00 CET to Monday 03-30 09:00 CEST: Friday 1 h, Sunday 2 h (the
        // skipped hour does not count), Monday 1 h = 4 h; inside and outside the window alike.
        let start = local("2026-03-27T16:00", "Europe/Berlin")
        let end = local("2026-03-30T09:00", "Europe/Berlin")
        #expect(clock.businessMicroseconds(from: start, to: end) == 4 * Self.hour)
        #expect(hours.businessMicroseconds(from: start, to: end, in: berlin) == 4 * Self.hour)
        // The same span one week later, outside the prepared window (no change of offset):
        // Friday 1 h, Sunday 3 h, Monday 1 h = 5 h.
        let later = clock.businessMicroseconds(
            from: local("2026-04-03T16:00", "Europe/Berlin"), to: local("2026-04-06T09:00", "Europe/Berlin"))
        #expect(later == 5 * Self.hour)
        // An empty or reversed interval is 0.
        #expect(clock.businessMicroseconds(from: end, to: start) == 0)
    }

    static let expected =
        "expected parts DAY[-DAY] HH:MM-HH:MM separated by commas, e.g. \"Mon-Fri 08:00-17:00, Sat 09:00-13:00\""

    @Test(arguments: [
        ("", "business hours are empty"),
        ("   ", "business hours are empty"),
        ("Mon-Fri 08:00-17:00,", "business hours \"Mon-Fri 08:00-17:00,\" have an empty part"),
        ("Mon-Fri08:00-17:00", "business hours part \"Mon-Fri08:00-17:00\" is not of the form DAY[-DAY] HH:MM-HH:MM"),
        ("Mon-Wed-Fri 08:00-17:00", "business hours part \"Mon-Wed-Fri 08:00-17:00\" is not of the form DAY[-DAY] HH:MM-HH:MM"),
        ("Mon-Fri 08:00", "business hours part \"Mon-Fri 08:00\" is not of the form DAY[-DAY] HH:MM-HH:MM"),
        (
            "Mon-Fri 08:00-17:00, Sat 09:00-13:00, Mon-Fry 08:00-12:00",
            "business hours part \"Mon-Fry 08:00-12:00\": \"Fry\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"
        ),
        (
            "Monday 08:00-17:00",
            "business hours part \"Monday 08:00-17:00\": \"Monday\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"
        ),
        ("Mon-Fri 8:00-17:00", "business hours part \"Mon-Fri 8:00-17:00\": \"8:00\" is not a time HH:MM from 00:00 to 24:00"),
        ("Sat 09:00-24:30", "business hours part \"Sat 09:00-24:30\": \"24:30\" is not a time HH:MM from 00:00 to 24:00"),
        ("Sat 09:60-12:00", "business hours part \"Sat 09:60-12:00\": \"09:60\" is not a time HH:MM from 00:00 to 24:00"),
        ("Mon-Fri 17:00-08:00", "business hours part \"Mon-Fri 17:00-08:00\": \"17:00-08:00\" does not end after it starts"),
        ("Sun 10:00-10:00", "business hours part \"Sun 10:00-10:00\": \"10:00-10:00\" does not end after it starts"),
    ])
    func malformedValuesNameThePartAndTheExpectedForm(text: String, problem: String) {
        #expect {
            try BusinessHours(text)
        } throws: { error in
            "\(error)" == problem + "; " + Self.expected
                && (error as? BusinessHoursError)?.errorDescription == problem + "; " + Self.expected
        }
    }

    @Test func theErrorCarriesThePartAndReason() {
        #expect(throws: BusinessHoursError(text: "Mon-Fri 08:00-17:00, Sat 9-13", part: "Sat 9-13", reason: .badTime("9"))) {
            try BusinessHours("Mon-Fri 08:00-17:00, Sat 9-13")
        }
    }
}
