import InsightsMetrics

/// What the page templates see: flat structs of pre-formatted strings (Mustache reads stored
/// properties and renders a missing key as nothing, so every key is spelled out here).
/// Fields ending in `Chart` hold SVG made by the chart module, which escapes its own text;
/// templates insert them with `{{{…}}}`. Everything else is inserted escaped with `{{…}}`.
struct PageView {
    let serviceName: String
    let periodText: String
    let periodFrom: String
    let periodTo: String
    let dayCount: String
    let timeZone: String
    let previousPeriodText: String
    let generator: String
    let dataAsOf: String
    let hasDataAsOf: Bool
    let isEmpty: Bool
    /// The `summary-trends` band.
    let summary: SummaryView
    let impact: ImpactView
    let impactJourneys: JourneysView
    let audience: AudienceView
    /// The `audience-reach` block (read from inside the audience section).
    let audienceReach: ReachView
    let engagement: EngagementView
    let guidance: GuidanceView
    /// Each block's CSV download, keyed by `ReportBlock.templateKey`.
    let downloads: [String: Download]
    let hasNavigation: Bool
    let navigation: NavigationView
    /// `--segment`: "district=kisumu", shown in the header; empty for the whole report.
    let segmentText: String
    let hasSegment: Bool
    /// The `--breakdown` tables.
    let breakdowns: BreakdownsView

    /// Links to neighbouring snapshots (empty strings when absent).
    struct NavigationView {
        let previousHref: String
        let previousLabel: String
        let hasPrevious: Bool
        let nextHref: String
        let nextLabel: String
        let hasNext: Bool
        let indexHref: String
        let indexLabel: String
    }

    /// A block's CSV download: the file name and its `data:` URL.
    struct Download {
        let fileName: String
        let href: String
    }

    /// Each block's download under its template key (`downloads.audienceDaily.href`).
    static func downloads(_ files: [ReportCSV]) -> [String: Download] {
        Dictionary(
            uniqueKeysWithValues: files.map { ($0.block.templateKey, Download(fileName: $0.fileName, href: $0.dataURL)) })
    }

    init(
        report: Report, dataAsOf: String?, navigation: PageNavigation? = nil, conversationNote: String? = nil,
        sentences: [String] = []
    ) {
        serviceName = Format.visible(report.serviceName)
        let headlines = ReportHeadlines(report)
        periodText = headlines.periodText
        periodFrom = report.period.from.description
        periodTo = report.period.to.description
        dayCount = Format.plainInteger(report.period.dayCount)
        timeZone = report.timeZoneIdentifier
        previousPeriodText = Format.period(report.previousPeriod)
        generator = headlines.generator
        self.dataAsOf = dataAsOf ?? ""
        hasDataAsOf = dataAsOf != nil
        isEmpty = report.isEmpty
        summary = SummaryView(report, sentences: sentences)
        impact = ImpactView(report.impact, headlines: headlines)
        impactJourneys = JourneysView(report, headlines: headlines)
        audience = AudienceView(report.audience, headlines: headlines)
        audienceReach = ReachView(report, headlines: headlines)
        engagement = EngagementView(report.engagement, headlines: headlines)
        guidance = GuidanceView(
            report.conversations, report.authorship, headlines: headlines, note: conversationNote,
            responseTimes: ResponseTimesView(report.responseTimes, timeZone: report.timeZoneIdentifier, headlines: headlines))
        downloads = Self.downloads(ReportCSV.files(for: report))
        hasNavigation = navigation != nil
        segmentText = Format.visible(report.segment.label ?? "")
        hasSegment = !report.segment.isEmpty
        breakdowns = BreakdownsView(report)
        self.navigation = NavigationView(
            previousHref: navigation?.previous?.href ?? "", previousLabel: navigation?.previous?.label ?? "",
            hasPrevious: navigation?.previous != nil, nextHref: navigation?.next?.href ?? "",
            nextLabel: navigation?.next?.label ?? "", hasNext: navigation?.next != nil,
            indexHref: navigation?.index.href ?? "", indexLabel: navigation?.index.label ?? "")
    }
}
