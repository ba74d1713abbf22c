import InsightsMetrics
import Testing

/// Periods are bounded: at most 100 years, within 1970-01-01 … 2199-12-31 (issue 14, item 15).
@Suite struct PeriodLimitTests {
    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    @Test func theLongestAndEdgePeriodsAreAccepted() throws {
        // 100 years of 365.25 days = 36,525 days.
        #expect(ReportPeriod.maximumDays == 36_525)
        let longest = try #require(ReportPeriod(last: 36_525, endingOn: try day("2099-12-31")))
        #expect(longest.from == (try day("2000-01-01")))
        #expect(ReportPeriod(from: try day("1970-01-01"), to: try day("1970-01-01")) != nil)
        #expect(ReportPeriod(from: try day("2199-12-31"), to: try day("2199-12-31")) != nil)
        #expect(throws: Never.self) { try ReportPeriod.check(from: nil, to: nil, last: 36_525) }
    }

    @Test func tooLongPeriodsAreRefused() throws {
        #expect(ReportPeriod(last: 36_526, endingOn: try day("2199-12-31")) == nil)
        #expect(ReportPeriod(last: 100_000_000, endingOn: try day("2026-10-01")) == nil)
        #expect(ReportPeriod(last: Int.max, endingOn: try day("2026-10-01")) == nil)
        #expect(ReportPeriod(from: try day("1970-01-01"), to: try day("2199-12-31")) == nil)
        #expect(throws: ReportPeriod.LimitError.tooLong(days: 10_000_000)) {
            try ReportPeriod.check(from: nil, to: nil, last: 10_000_000)
        }
        #expect(
            ReportPeriod.LimitError.tooLong(days: 10_000_000).description
                == "A period of 10,000,000 days is longer than 100 years (36,525 days), the longest a report covers.")
    }

    @Test func daysOutside1970To2199AreRefused() throws {
        #expect(ReportPeriod(from: try day("0206-10-01"), to: try day("2026-10-31")) == nil)
        #expect(ReportPeriod(from: try day("1969-12-31"), to: try day("1970-01-02")) == nil)
        #expect(ReportPeriod(from: try day("2199-12-31"), to: try day("2200-01-01")) == nil)
        #expect(ReportPeriod(year: 2200, month: 1) == nil)
        #expect(ReportPeriod(last: 2, endingOn: try day("1970-01-01")) == nil)
        let typo = try day("0206-10-01")
        #expect(throws: ReportPeriod.LimitError.outsideRange(typo)) {
            try ReportPeriod.check(from: typo, to: try day("2026-10-31"), last: nil)
        }
        #expect(throws: ReportPeriod.LimitError.outsideRange(try day("1969-12-31"))) {
            try ReportPeriod.check(from: nil, to: try day("1970-01-01"), last: 2)
        }
        #expect(
            ReportPeriod.LimitError.outsideRange(typo).description
                == "The day 0206-10-01 is outside 1970-01-01 … 2199-12-31, the days a report can cover (a typo in the year?).")
    }
}
