/// The whole local days a report covers: `from` and `to` both included.
///
/// A period is bounded (see ``check(from:to:last:)``): at most ``maximumDays`` days, all
/// within ``earliestDay`` … ``latestDay``; the initializers return nil for anything else, so a
/// year typo or a huge `--last` cannot make a report scan (or allocate for) millennia.
public struct ReportPeriod: Equatable, Hashable, Sendable {
    /// The first day.
    public let from: LocalDate
    /// The last day (included).
    public let to: LocalDate

    /// Creates a period; nil when `to` is before `from` or the period is out of bounds.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to, (try? Self.check(from: from, to: to, last: nil)) != nil else { return nil }
        self.from = from
        self.to = to
    }

    /// The calendar month `year`-`month`; nil when it is out of bounds.
    public init?(year: Int, month: Int) {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        self.init(from: first, to: first.adding(days: LocalDate.daysIn(month: month, year: year) - 1))
    }

    /// The `days` days ending on `to`; nil when that is out of bounds.
    public init?(last days: Int, endingOn to: LocalDate) {
        guard days >= 1, (try? Self.check(from: nil, to: to, last: days)) != nil else { return nil }
        self.from = to.adding(days: -(days - 1))
        self.to = to
    }

    /// The number of days.
    public var dayCount: Int { Int(to.dayNumber - from.dayNumber) + 1 }

    /// Every day of the period, in order.
    public var days: [LocalDate] { (0..<dayCount).map { from.adding(days: $0) } }

    /// The same number of days ending the day before `from`.
    public var previous: ReportPeriod {
        ReportPeriod(uncheckedFrom: from.adding(days: -dayCount), to: from.adding(days: -1))
    }

    /// The half-open range of instants `[start of from, start of the day after to)` in a zone.
    public func instants(in calendar: ReportCalendar) -> Range<Instant> {
        calendar.startOfDay(from)..<calendar.startOfDay(to.adding(days: 1))
    }

    private init(uncheckedFrom from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
    }
}

extension ReportPeriod {
    /// The most days a period may have: 100 years of 365.25 days.
    public static let maximumDays = 36_525
    /// The first day a period may include.
    public static let earliestDay = LocalDate(dayNumber: 0)  // 1970-01-01
    /// The last day a period may include (the day before 2200-01-01).
    public static let latestDay = LocalDate(dayNumber: 84_005)  // 2199-12-31

    /// Why a period is out of bounds.
    public enum LimitError: Error, Equatable, Sendable, CustomStringConvertible {
        /// More than ``ReportPeriod/maximumDays`` days.
        case tooLong(days: Int)
        /// A day before ``ReportPeriod/earliestDay`` or after ``ReportPeriod/latestDay``.
        case outsideRange(LocalDate)

        /// One sentence for the user.
        public var description: String {
            switch self {
            case .tooLong(let days):
                "A period of \(grouped(days)) days is longer than 100 years (\(grouped(ReportPeriod.maximumDays)) days), "
                    + "the longest a report covers."
            case .outsideRange(let day):
                "The day \(day) is outside \(ReportPeriod.earliestDay) … \(ReportPeriod.latestDay), "
                    + "the days a report can cover (a typo in the year?)."
            }
        }
    }

    /// Checks the bounds of a period given as its first day, its last day and/or its length
    /// (what is known before the data is read): the length first, then each day that is known
    /// or follows (`to` − `last` + 1).
    public static func check(from: LocalDate?, to: LocalDate?, last: Int?) throws(LimitError) {
        for day in [from, to].compactMap({ $0 }) where day < earliestDay || latestDay < day {
            throw .outsideRange(day)
        }
        if let last, last > maximumDays { throw .tooLong(days: last) }
        if let from, let to, to.dayNumber - from.dayNumber + 1 > Int64(maximumDays) {
            throw .tooLong(days: Int(to.dayNumber - from.dayNumber + 1))
        }
        if from == nil, let to, let last {
            let start = to.adding(days: -(max(last, 1) - 1))
            if start < earliestDay { throw .outsideRange(start) }
        }
    }
}

/// `10000000` as `10,000,000`.
private func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return (value < 0 ? "-" : "") + result
}
