import InsightsMetrics

extension ReportJob {
    /// The report of the job's period: restricted to `segment` and broken down by
    /// `breakdowns` when given (the source must be a `SegmentedReportSource`), with `minCell`.
    func segmentedReport(serviceName: String) throws -> Report {
        var report: Report
        if segment.isEmpty && breakdowns.isEmpty {
            report = try source.report(
                period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
                businessHours: businessHours)
        } else if let computing = source as? any SegmentedPeriodReportSource {
            report = try computing.report(
                period: period, calendar: calendar, segment: segment, breakdowns: breakdowns, serviceName: serviceName,
                generatorVersion: generatorVersion, businessHours: businessHours)
        } else {
            guard let segmented = source as? any SegmentedReportSource else { throw JobError.segmentsUnsupported }
            report = try Self.report(
                segmented, period: period, calendar: calendar, segment: segment, breakdowns: breakdowns,
                serviceName: serviceName, generatorVersion: generatorVersion, businessHours: businessHours)
        }
        report.minCell = minCell
        return report
    }

    /// Reads and computes a segmented report from any segment-capable source.
    static func report<S: SegmentedReportSource>(
        _ source: S, period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String],
        serviceName: String, generatorVersion: String, businessHours: BusinessHours?
    ) throws -> Report {
        Report(
            data: try source.periodData(period: period, calendar: calendar, segment: segment, breakdowns: breakdowns),
            serviceName: serviceName, generatorVersion: generatorVersion, businessHours: businessHours)
    }
}
