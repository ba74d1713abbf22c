/// A `ReportSource` that can restrict a report to a segment (`--segment`) and read the inputs
/// of breakdowns (`--breakdown`). The SQLite store is one; a source that is not cannot make
/// segmented reports (the job says so rather than ignoring the options).
public protocol SegmentedReportSource: ReportSource {
    /// The plain data of a period as if only the segment's contacts existed (the whole data
    /// for an empty segment), with each breakdown field's inputs, from one state of the data.
    func periodData(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String]
    ) throws(Failure) -> PeriodData
}
