/// Where a report's rows come from: the SQLite store. A source reads;
/// `Report(data:serviceName:generatorVersion:)` computes. (A warehouse, which returns
/// aggregates and never rows, is a `PeriodReportSource` only.)
public protocol ReportSource: PeriodReportSource {
    /// The plain data of a period (and the previous period's counts), read from one state of
    /// the data.
    func periodData(period: ReportPeriod, calendar: ReportCalendar) throws(Failure) -> PeriodData
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
