/// An `ArchiveSource` that computes many periods' reports at once: a warehouse, which sends
/// one grouped query per metric for all of an archive's months instead of one report's
/// queries per month. Each report is the one `report(period:…)` (or, with a segment,
/// `SegmentedPeriodReportSource.report(period:…segment:…)`) gives for that period.
public protocol ManyPeriodReportSource: ArchiveSource {
    /// The reports of `periods`, in that order, as if only the segment's contacts existed
    /// (all of them for an empty segment).
    func reports(
        periods: [ReportPeriod], calendar: ReportCalendar, segment: Segment, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(Failure) -> [Report]
}
