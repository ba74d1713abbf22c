import InsightsMetrics

/// The report's questions, in page order: each heads a `<section>` of the page and of the
/// email, and holds one or more blocks.
public enum ReportSection: String, CaseIterable, Sendable {
    /// "The period at a glance": the headline numbers with a year of trend, in sentences.
    case summary
    /// "Are we making an impact?": goals and Journeys.
    case impact
    /// "Is our audience growing?": active users and countries.
    case audience
    /// "How are our users engaging?": messages and when they arrive.
    case engagement
    /// "How are we guiding our users?": conversations and who wrote the replies.
    case guidance

    /// The section's heading on the page and in the email.
    public var title: String {
        switch self {
        case .summary: "The period at a glance"
        case .impact: "Are we making an impact?"
        case .audience: "Is our audience growing?"
        case .engagement: "How are our users engaging?"
        case .guidance: "How are we guiding our users?"
        }
    }

    /// The partial that renders it (`templates/sections/<name>.mustache`).
    public var templateName: String { "sections/\(rawValue)" }

    /// Its blocks, in page order.
    public var blocks: [ReportBlock] { ReportBlock.allCases.filter { $0.section == self } }
}

/// One block of the report: a panel of the page with its headline numbers, chart, table,
/// explanation and CSV download. The one list of blocks: the page, the CSV files under
/// `data/`, the email and the tests all go through it.
///
/// To add a block, add a case (its raw value is the id, in page order) and then its pieces:
/// its `section` below; its CSV table in `ReportCSV.table(for:in:)`; its headline numbers,
/// if any, in `ReportHeadlines.headlines(for:)` (the compiler asks for all three); its fields
/// in the section's view (`Sections/<Section>View.swift`); its template
/// `templates/blocks/<id>.mustache`, included from the section's template; and, if the
/// email shows it, its rows in `EmailView` and `email.mustache`.
public enum ReportBlock: String, CaseIterable, Sendable {
    /// The headline numbers with their change and 12 periods of trend, and the summary's
    /// sentences (the band at the top of the page).
    case summaryTrends = "summary-trends"
    /// Goals started, completed and actioned.
    case impactGoals = "impact-goals"
    /// Journey runs started and how they ended, where people stopped, what they answered.
    case impactJourneys = "impact-journeys"
    /// Active, new and returning users per day.
    case audienceDaily = "audience-daily"
    /// Active users by country.
    case audienceCountries = "audience-countries"
    /// Reach, delivery and read receipts of the messages sent, and consent.
    case audienceReach = "audience-reach"
    /// Messages received and sent per day.
    case engagementDaily = "engagement-daily"
    /// Messages received by weekday and hour.
    case engagementHeatmap = "engagement-heatmap"
    /// Conversations opened, closed, and open at the period's end.
    case guidanceConversations = "guidance-conversations"
    /// Messages sent by author type.
    case guidanceAuthorship = "guidance-authorship"
    /// The top authors of each type.
    case guidanceTopAuthors = "guidance-top-authors"
    /// How fast a coach first answers a user who writes in, and each coach's work.
    case guidanceResponseTimes = "guidance-response-times"

    /// The block's element id on the page (`<div class="block" id="…">`), also the stem of
    /// its CSV file and of its template.
    public var id: String { rawValue }

    /// The section the block belongs to.
    public var section: ReportSection {
        switch self {
        case .summaryTrends: .summary
        case .impactGoals, .impactJourneys: .impact
        case .audienceDaily, .audienceCountries, .audienceReach: .audience
        case .engagementDaily, .engagementHeatmap: .engagement
        case .guidanceConversations, .guidanceAuthorship, .guidanceTopAuthors, .guidanceResponseTimes: .guidance
        }
    }

    /// The partial that renders it (`templates/blocks/<id>.mustache`).
    public var templateName: String { "blocks/\(id)" }

    /// The key templates use for the block's values, e.g. `downloads.audienceDaily`: the id
    /// in lower camel case.
    public var templateKey: String {
        let words = id.split(separator: "-")
        return (words.first.map(String.init) ?? "")
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The name of its CSV file, e.g. `audience-daily_2026-10-01_2026-10-31.csv`.
    public func csvFileName(for period: ReportPeriod) -> String {
        "\(id)_\(period.from)_\(period.to).csv"
    }
}
