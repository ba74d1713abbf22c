/// The whole local days a report covers: `from` and `to` both included.
public struct ReportPeriod: Equatable, Hashable, Sendable {
    /// The first day.
    public let from: LocalDate
    /// The last day (included).
    public let to: LocalDate

    /// Creates a period; nil when `to` is before `from`.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The calendar month `year`-`month`.
    public init?(year: Int, month: Int) {
        guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
        self.from = first
        self.to = first.adding(days: LocalDate.daysIn(month: month, year: year) - 1)
    }

    /// The `days` days ending on `to`.
    public init?(last days: Int, endingOn to: LocalDate) {
        guard days >= 1 else { return nil }
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
