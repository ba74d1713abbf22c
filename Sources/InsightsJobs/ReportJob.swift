import Foundation
import InsightsMetrics
import InsightsRender

/// `insights report`: compute one period's report from a source and write its folder
/// (`index.html`, `metrics.json`, `data/*.csv`, and with email `email.html`, `report.eml`)
/// as a whole.
public struct ReportJob<Source: PeriodReportSource> {
    /// The `report.eml` headers a user can set.
    public struct Email: Sendable {
        /// The recipients (`To:`), when given.
        public var to: String?
        /// The sender (`From:`); default `Insights <insights@localhost>`.
        public var from: String?
        /// The subject; default "NAME: Insights report, MONTH".
        public var subject: String?

        /// Creates the headers.
        public init(to: String? = nil, from: String? = nil, subject: String? = nil) {
            self.to = to
            self.from = from
            self.subject = subject
        }
    }

    /// What was written.
    public struct Result {
        /// The report folder.
        public let folder: URL
        /// The report computed.
        public let report: Report
        /// The import's note about conversation closes, when there is one (printed).
        public let closesNote: String?
    }

    /// The data source.
    public let source: Source
    /// The period.
    public let period: ReportPeriod
    /// The zone days and hours are local to.
    public let calendar: ReportCalendar
    /// The report folder; default `output/FROM_TO`.
    public let out: URL?
    /// The service name; default the stored one, else "Helpline".
    public let title: String?
    /// The templates folder (`TemplateFolder.locate`).
    public let templates: URL
    /// Also write the email files.
    public let email: Email?
    /// The version of Insights shown in the files.
    public let generatorVersion: String
    /// `--business-hours`: when given, only time inside them counts towards response times.
    public let businessHours: BusinessHours?
    /// `--segment`: the report covers only these contacts (all conditions hold).
    public var segment: Segment = []
    /// `--breakdown`: the fields to break the report down by.
    public var breakdowns: [String] = []
    /// `--min-cell`: counts below it are hidden in breakdowns and on a segment's page.
    public var minCell: Int?

    /// Describes a report run.
    public init(
        source: Source, period: ReportPeriod, calendar: ReportCalendar, out: URL? = nil, title: String? = nil,
        templates: URL, email: Email? = nil, generatorVersion: String = InsightsVersion.current,
        businessHours: BusinessHours? = nil
    ) {
        self.source = source
        self.period = period
        self.calendar = calendar
        self.out = out
        self.title = title
        self.templates = templates
        self.email = email
        self.generatorVersion = generatorVersion
        self.businessHours = businessHours
    }

    /// Computes the report and writes its folder; throws `JobError.emptyPeriod` (or
    /// `.emptyDatabase`) when there is nothing to report, the source's error, or `JobError`.
    public func run() throws -> Result {
        let renderer = try ReportRenderer(templates: templates)
        let name = try title ?? source.meta(.serviceName) ?? "Helpline"
        let report = try segmentedReport(serviceName: name)
        if report.isEmpty {
            if try source.newestMessage() == nil { throw JobError.emptyDatabase }
            if let label = segment.label { throw JobError.emptySegment(period, calendar.identifier, segment: label) }
            throw JobError.emptyPeriod(period, calendar.identifier)
        }
        let folder = out ?? URL(fileURLWithPath: "output/\(period.from)_\(period.to)")
        let dataAsOf = try source.meta(.lastImport)
        let note = try source.meta(.closesNote)
        let sentences = try renderer.summarySentences(report)
        var files = [OutputFile(path: "metrics.json", text: MetricsJSON.render(report, sentences: sentences))]
        files += ReportCSV.files(for: report).map { OutputFile(path: "data/\($0.fileName)", text: $0.text) }
        files += BreakdownCSV.files(for: report).map { OutputFile(path: "data/\($0.fileName)", text: $0.text) }
        let page = renderer.render(report, dataAsOf: dataAsOf, conversationNote: note)
        files.append(OutputFile(path: "index.html", text: page))
        if let email {
            files += try ReportEmail.files(report, email: email, renderer: renderer, dataAsOf: dataAsOf, page: page)
        }
        try ReportFolder.write(files, to: folder)
        return Result(folder: folder, report: report, closesNote: note)
    }

    /// 00:00 UTC of the day after `date`: the `Date:` of a report's email, derived from the
    /// report rather than the clock so that the same report gives the same bytes.
    static func midnight(after date: LocalDate) -> Instant {
        date.adding(days: 1).dayNumber * 86_400 * microsecondsPerSecond
    }
}

/// The version of Insights.
public enum InsightsVersion {
    /// The version shown by `--version` and in every output.
    public static let current = "0.1.0"
}
