/// What a report job reads, whatever the data lives in: when the data ends, the stored
/// settings, and a period's report. The SQLite store satisfies it as a `ReportSource` (it
/// reads a period's rows and `Report(data:…)` computes); a warehouse satisfies it directly
/// (it computes a period's `PeriodAggregates` in SQL and `Report(data:aggregates:…)` builds the
/// blocks from them).
public protocol PeriodReportSource {
    /// The error a source throws (one type per source).
    associatedtype Failure: Error

    /// The instant of the newest stored message, if any (the default period ends on its
    /// local date).
    func newestMessage() throws(Failure) -> Instant?

    /// The instants of the oldest and newest stored message, if any.
    func messageSpan() throws(Failure) -> ClosedRange<Instant>?

    /// A stored setting or import note, nil when unset (a warehouse has none).
    func meta(_ key: MetaKey) throws(Failure) -> String?

    /// Reads a period and computes its report.
    func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(Failure) -> Report
}

/// A `PeriodReportSource` an archive (`insights archive`) reads: which months have data, and
/// an identity of the data that says when nothing needs recomputing.
public protocol ArchiveSource: PeriodReportSource {
    /// The instants of the oldest and newest stored message, event, Journey run start or
    /// Journey result, if any.
    func activitySpan() throws(Failure) -> ClosedRange<Instant>?

    /// Whether any message, conversation event, goal event, Journey run start or Journey
    /// result lies in `range`.
    func hasActivity(in range: Range<Instant>) throws(Failure) -> Bool

    /// Whether each of `ranges` holds any activity (`hasActivity(in:)` of each, in order): an
    /// archive's months checked at once. By default one check per range; a warehouse sends
    /// one grouped query for all of them.
    func hasActivity(inEach ranges: [Range<Instant>]) throws(Failure) -> [Bool]

    /// An identity of the stored data: equal stamps mean equal data (a source that cannot
    /// tell returns a new stamp each time, so that every run recomputes).
    func dataStamp() throws(Failure) -> String
}

extension ArchiveSource {
    /// One `hasActivity(in:)` per range.
    public func hasActivity(inEach ranges: [Range<Instant>]) throws(Failure) -> [Bool] {
        try ranges.map { range throws(Failure) in try hasActivity(in: range) }
    }
}

/// A `PeriodReportSource` that computes segmented reports itself (`--segment`,
/// `--breakdown`): a warehouse, whose every query takes the segment. (The SQLite store is a
/// `SegmentedReportSource`: it returns the segment's rows instead.)
public protocol SegmentedPeriodReportSource: PeriodReportSource {
    /// A period's report as if only the segment's contacts existed (all of them for an empty
    /// segment), with one breakdown per field of `breakdowns`, in that order.
    func report(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String], serviceName: String,
        generatorVersion: String, businessHours: BusinessHours?
    ) throws(Failure) -> Report
}
