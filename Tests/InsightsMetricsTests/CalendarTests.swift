import InsightsMetrics
import InsightsTestSupport
import Testing

@Suite struct LocalDateTests {
    @Test func componentsRoundTrip() {
        let date = day("2026-10-19")
        #expect(date.components == (2026, 10, 19))
        #expect(date.description == "2026-10-19")
        #expect(LocalDate(dayNumber: 0).description == "1970-01-01")
        #expect(day("2024-02-29").adding(days: 1).description == "2024-03-01")
        #expect(day("2026-12-31").adding(days: 1).description == "2027-01-01")
    }

    @Test func weekdaysAreMondayFirst() {
        #expect(day("2026-10-19").weekdayFromMonday == 0)  // a Monday
        #expect(day("2026-10-25").weekdayFromMonday == 6)  // a Sunday
        #expect(day("1970-01-01").weekdayFromMonday == 3)  // a Thursday
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-04-31", ""])
    func rejectsDatesThatDoNotExist(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }
}

@Suite struct PeriodTests {
    @Test func monthLastAndPrevious() throws {
        let october = try #require(ReportPeriod(year: 2026, month: 10))
        #expect(october.from == day("2026-10-01"))
        #expect(october.to == day("2026-10-31"))
        #expect(october.dayCount == 31)
        // The previous period: the 31 days ending 2026-09-30.
        #expect(october.previous.from == day("2026-08-31"))
        #expect(october.previous.to == day("2026-09-30"))
        let february = try #require(ReportPeriod(year: 2024, month: 2))
        #expect(february.dayCount == 29)
        let week = try #require(ReportPeriod(last: 7, endingOn: day("2026-11-01")))
        #expect(week.from == day("2026-10-26"))
        #expect(ReportPeriod(from: day("2026-10-02"), to: day("2026-10-01")) == nil)
        #expect(ReportPeriod(last: 0, endingOn: day("2026-10-01")) == nil)
    }

    @Test func instantsAreLocalMidnights() {
        // Europe/Berlin is +2 until 2026-10-25 and +1 after.
        let range = period("2026-10-19", "2026-11-01").instants(in: zone("Europe/Berlin"))
        #expect(range.lowerBound == utc("2026-10-18T22:00"))
        #expect(range.upperBound == utc("2026-11-01T23:00"))
    }
}

@Suite struct ReportCalendarTests {
    // London springs forward at 01:00 UTC on 2026-03-29: that day has 23 hours.
    @Test func londonSpringForwardDayHas23Hours() {
        let london = zone("Europe/London")
        let range = period("2026-03-29", "2026-03-29").instants(in: london)
        #expect(range.lowerBound == utc("2026-03-29T00:00"))
        #expect(range.upperBound == utc("2026-03-29T23:00"))
        #expect(london.weekdayAndHour(at: utc("2026-03-29T00:59:59")) == (6, 0))
        #expect(london.weekdayAndHour(at: utc("2026-03-29T01:00")) == (6, 2))  // 02:00 BST
        #expect(london.localDate(at: utc("2026-03-29T22:59:59")) == day("2026-03-29"))
        #expect(london.localDate(at: utc("2026-03-29T23:00")) == day("2026-03-30"))
    }

    // Foundation on Linux names the UTC zone "GMT"; a report shows the name the user gave.
    @Test func aZoneKeepsTheNameItWasGiven() throws {
        let utc = try #require(ReportCalendar(identifier: "UTC"))
        #expect(utc.identifier == "UTC")
        #expect(utc.caching(0..<1).identifier == "UTC")
        #expect(try #require(ReportCalendar(identifier: "GMT")).identifier == "GMT")
        #expect(try #require(ReportCalendar(identifier: "Africa/Johannesburg")).identifier == "Africa/Johannesburg")
        #expect(ReportCalendar(timeZone: utc.timeZone).identifier == utc.timeZone.identifier)
    }

    // London falls back at 01:00 UTC on 2026-10-25: that day has 25 hours, 01:xx twice.
    @Test func londonFallBackDayHas25Hours() {
        let london = zone("Europe/London")
        let range = period("2026-10-25", "2026-10-25").instants(in: london)
        #expect(range.lowerBound == utc("2026-10-24T23:00"))
        #expect(range.upperBound == utc("2026-10-26T00:00"))
        #expect(range.upperBound - range.lowerBound == 25 * 3600 * microsecondsPerSecond)
        #expect(london.weekdayAndHour(at: utc("2026-10-25T00:30")) == (6, 1))  // 01:30 BST
        #expect(london.weekdayAndHour(at: utc("2026-10-25T01:30")) == (6, 1))  // 01:30 GMT
    }

    // São Paulo skipped midnight on 2018-11-04 (00:00 → 01:00): that day starts at 01:00.
    @Test func saoPauloDayWithoutMidnight() {
        let saoPaulo = zone("America/Sao_Paulo")
        #expect(saoPaulo.startOfDay(day("2018-11-03")) == utc("2018-11-03T03:00"))
        #expect(saoPaulo.startOfDay(day("2018-11-04")) == utc("2018-11-04T03:00"))
        #expect(saoPaulo.startOfDay(day("2018-11-05")) == utc("2018-11-05T02:00"))
        #expect(saoPaulo.localDate(at: utc("2018-11-04T02:59:59")) == day("2018-11-03"))
        #expect(saoPaulo.weekdayAndHour(at: utc("2018-11-04T03:00")) == (6, 1))
    }

    // Lord Howe changes by 30 minutes: at 15:00Z on 2026-04-04, 02:00 (+11) becomes 01:30 (+10:30).
    @Test(arguments: [false, true])
    func lordHoweHalfHourChange(cached: Bool) {
        var calendar = zone("Australia/Lord_Howe")
        if cached { calendar = calendar.caching(utc("2026-04-01T00:00")..<utc("2026-04-10T00:00")) }
        #expect(calendar.localSeconds(at: utc("2026-04-04T14:45")) % 86_400 == 1 * 3600 + 45 * 60)
        #expect(calendar.localSeconds(at: utc("2026-04-04T14:59:59")) % 86_400 == 1 * 3600 + 59 * 60 + 59)
        #expect(calendar.localSeconds(at: utc("2026-04-04T15:00")) % 86_400 == 1 * 3600 + 30 * 60)
        #expect(calendar.localSeconds(at: utc("2026-04-04T15:15")) % 86_400 == 1 * 3600 + 45 * 60)
        let range = period("2026-04-05", "2026-04-05").instants(in: calendar)
        #expect(range.lowerBound == utc("2026-04-04T13:00"))
        #expect(range.upperBound == utc("2026-04-05T13:30"))
    }

    @Test(arguments: ["UTC", "Europe/London", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe"])
    func midnightBelongsToTheNewDay(_ identifier: String) {
        let calendar = zone(identifier)
        let lastSecond = local("2026-06-30T23:59:59", identifier)
        let midnight = local("2026-07-01T00:00:00", identifier)
        #expect(calendar.localDate(at: lastSecond) == day("2026-06-30"))
        #expect(calendar.weekdayAndHour(at: lastSecond) == (1, 23))  // Tuesday 23h
        #expect(calendar.localDate(at: midnight) == day("2026-07-01"))
        #expect(calendar.weekdayAndHour(at: midnight) == (2, 0))
        #expect(calendar.startOfDay(day("2026-07-01")) == midnight)
    }
}
