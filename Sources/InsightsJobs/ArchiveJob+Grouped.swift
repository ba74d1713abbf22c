import InsightsMetrics

extension ArchiveJob {
    /// Every month's report, in order. A source that computes many periods at once (a
    /// warehouse: `ManyPeriodReportSource`) is asked for all of them together, with one
    /// grouped query per metric; any other (the SQLite store) month by month.
    func monthReports(_ periods: [ReportPeriod], serviceName: String) throws -> [Report] {
        guard let grouped = store as? any ManyPeriodReportSource else {
            return try periods.map { period in try monthReport(period, serviceName: serviceName) }
        }
        return try grouped.reports(
            periods: periods, calendar: calendar, segment: segment, serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours
        ).map { report in
            var report = report
            report.minCell = minCell
            return report
        }
    }
}
