/// Where a report's data comes from: the SQLite store today, a warehouse (BigQuery,
/// PostgreSQL) later. A source reads; `Report(data:serviceName:generatorVersion:)` computes.
public protocol ReportSource {
    /// The error a source throws (one type per source).
    associatedtype Failure: Error

    /// The instant of the newest stored message, if any (the default period ends on its
    /// local date).
    func newestMessage() throws(Failure) -> Instant?

    /// The instants of the oldest and newest stored message, if any.
    func messageSpan() throws(Failure) -> ClosedRange<Instant>?

    /// The plain data of a period (and the previous period's counts), read from one state of
    /// the data.
    func periodData(period: ReportPeriod, calendar: ReportCalendar) throws(Failure) -> PeriodData

    /// A stored setting or import note, nil when unset.
    func meta(_ key: MetaKey) throws(Failure) -> String?
}

extension ReportSource {
    /// Reads a period and computes its report.
    public func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours? = nil
    ) throws(Failure) -> Report {
        Report(
            data: try periodData(period: period, calendar: calendar), serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours)
    }
}
