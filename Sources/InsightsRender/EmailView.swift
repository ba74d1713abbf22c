import InsightsMetrics
import InsightsPhone

/// What `email.mustache` sees: the report's headline numbers and compact charts made of
/// table cells (mail clients render no SVG and ignore most CSS), all pre-formatted.
struct EmailView {
    /// A horizontal bar: a label, a value, and the bar's width in percent of the widest.
    struct Bar {
        let label: String
        let value: String
        let width: String
        let rest: String
        let color: String
    }
    /// One day's column in a vertical bar chart: heights in pixels of its two parts.
    struct Column {
        let title: String
        let lowerHeight: String
        let upperHeight: String
        let hasLower: Bool
        let hasUpper: Bool
    }
    struct Goal {
        let name: String
        let summary: String
        let bars: [Bar]
    }

    let serviceName: String
    let periodText: String
    let timeZone: String
    let generator: String
    let dataAsOf: String
    let hasDataAsOf: Bool
    /// The summary band: numbers, changes, sentences and a trend of table cells.
    let summary: EmailSummary
    let impactHeadlines: [Headline]
    let goals: [Goal]
    let hasGoalActivity: Bool
    let journeys: EmailJourneys
    let audienceHeadlines: [Headline]
    let dailyUsers: [Column]
    let firstDay: String
    let lastDay: String
    let countries: [Bar]
    let hasUsers: Bool
    /// The reach rows: reached users, delivery and read rate, a summary line, consent.
    let reach: EmailReach
    let engagementHeadlines: [Headline]
    let busiest: String
    let quietest: String
    let hasMessages: Bool
    let conversationHeadlines: [Headline]
    /// Median and p90 of the first coach response, and the share answered.
    let responseHeadlines: [Headline]
    let hasResponses: Bool
    let conversationSummary: String
    let authorship: [Bar]
    let topAuthors: [Bar]
    let hasSent: Bool

    static let blue = "#1d4ed8"
    static let orange = "#c2410c"
    static let green = "#15803d"
    static let purple = "#6d28d9"
    static let grey = "#5f6b7a"
    static let chartHeight = 60.0

    init(report: Report, dataAsOf: String?, sentences: [String] = []) {
        let headlines = ReportHeadlines(report)
        summary = EmailSummary(report, sentences: sentences)
        serviceName = Format.visible(report.serviceName)
        periodText = headlines.periodText
        timeZone = report.timeZoneIdentifier
        generator = headlines.generator
        self.dataAsOf = dataAsOf ?? ""
        hasDataAsOf = dataAsOf != nil
        impactHeadlines = headlines.headlines(for: .impact)
        goals = report.impact.goals.filter { $0.started + $0.completed > 0 || $0.behaviours.contains { $0.actions > 0 } }
            .map { goal in
                let values =
                    [(goal.started, "Started", Self.blue), (goal.completed, "Completed", Self.green)]
                    + goal.behaviours.map { ($0.users, Format.visible($0.name), Self.purple) }
                let widest = values.map(\.0).max() ?? 0
                return Goal(
                    name: Format.visible(goal.name),
                    summary: "\(Format.integer(goal.started)) started · \(Format.integer(goal.completed)) completed · "
                        + "completion rate \(Format.percent(goal.completionRate))",
                    bars: values.map { Self.bar($0.1, $0.0, of: widest, text: "\(Format.integer($0.0)) users", color: $0.2) })
            }
        hasGoalActivity = !goals.isEmpty
        journeys = EmailJourneys(report)
        audienceHeadlines = headlines.headlines(for: .audienceDaily)
        let peak = Double(max(report.audience.daily.map(\.activeUsers).max() ?? 0, 1))
        dailyUsers = report.audience.daily.map { day in
            let new = (Double(day.newUsers) / peak * Self.chartHeight).rounded()
            let returning = (Double(day.returningUsers) / peak * Self.chartHeight).rounded()
            return Column(
                title: "\(Format.shortDate(day.date)): \(day.activeUsers) active (\(day.newUsers) new)",
                lowerHeight: String(Int(new)), upperHeight: String(Int(returning)), hasLower: new > 0,
                hasUpper: returning > 0)
        }
        firstDay = Format.shortDate(report.period.from)
        lastDay = Format.shortDate(report.period.to)
        let total = report.audience.activeUsers
        let top = report.audience.countries.prefix(AudienceView.topCountries)
        countries = top.map { count in
            Self.bar(
                Format.visible(CountryNames.englishName(for: count.country)), count.activeUsers, of: top.first?.activeUsers ?? 0,
                text:
                    "\(Format.integer(count.activeUsers)) (\(Format.percent(Double(count.activeUsers) / Double(max(total, 1)), places: 0)))",
                color: count.country == "ZZ" ? Self.grey : Self.blue)
        }
        hasUsers = total > 0
        reach = EmailReach(report, headlines: headlines)
        engagementHeadlines = headlines.headlines(for: .engagement)
        busiest = headlines.busiest
        quietest = headlines.quietest
        hasMessages = report.engagement.messagesReceived + report.engagement.messagesSent > 0
        conversationHeadlines = headlines.headlines(for: .guidanceConversations)
        responseHeadlines = headlines.headlines(for: .guidanceResponseTimes)
        hasResponses = report.responseTimes.openedByUsers > 0
        let conversations = report.conversations
        conversationSummary =
            "Of \(Format.integer(conversations.active)) conversations active in the period, "
            + "\(Format.integer(conversations.openAtEnd)) were open and \(Format.integer(conversations.closedAtEnd)) closed "
            + "at its end; \(Format.integer(conversations.reopened)) openings followed an earlier close."
        let shown = report.authorship.byType.filter {
            report.authorship.legacyMessages > 0 || ($0.authorType != .automation && $0.authorType != .thread)
        }
        let widestType = shown.map(\.messages).max() ?? 0
        authorship = shown.map {
            Self.bar(
                GuidanceView.label($0.authorType), $0.messages, of: widestType,
                text: "\(Format.integer($0.messages)) (\(Format.percent($0.share, places: 0)))", color: Self.blue)
        }
        let leaders = AuthorType.allCases.compactMap { type in
            report.authorship.topAuthors[type]?.first.map { (type, $0) }
        }
        let widestAuthor = leaders.map(\.1.messages).max() ?? 0
        topAuthors = leaders.map { type, author in
            Self.bar(
                "\(Format.visible(author.name)) (\(GuidanceView.label(type)))", author.messages, of: widestAuthor,
                text: Format.integer(author.messages), color: Self.purple)
        }
        hasSent = report.engagement.messagesSent > 0
    }

    private static func bar(_ label: String, _ value: Int, of widest: Int, text: String, color: String) -> Bar {
        let percent = widest == 0 ? 0 : max(1, Int((Double(value) / Double(widest) * 100).rounded()))
        let width = value == 0 ? 0 : percent
        return Bar(label: label, value: text, width: String(width), rest: String(100 - width), color: color)
    }
}

/// The plain-text alternative of the email: the headline numbers, one per line.
enum EmailText {
    static func plain(_ report: Report, dataAsOf: String?, sentences: [String] = []) -> String {
        let headlines = ReportHeadlines(report)
        var lines = [
            "\(Format.visible(report.serviceName)): Insights report",
            "\(headlines.periodText) (times in \(report.timeZoneIdentifier))", "",
        ]
        func section(_ title: String, _ headlines: [Headline]) {
            lines.append(title)
            for headline in headlines {
                lines.append("  \(headline.value) \(headline.label)" + (headline.hasChange ? " (\(headline.change))" : ""))
            }
            lines.append("")
        }
        for reportSection in ReportSection.allCases {
            section(reportSection.title, headlines.headlines(for: reportSection))
            if reportSection == .summary, !sentences.isEmpty { lines.insert(contentsOf: [""] + sentences, at: lines.count - 1) }
            if reportSection == .impact { lines.insert(contentsOf: journeyLines(report), at: lines.count - 1) }
        }
        lines.append("The full report, with charts and explanations, is attached (index.html).")
        lines.append(headlines.generator + (dataAsOf.map { ", data imported on \($0)." } ?? "."))
        return lines.joined(separator: "\n") + "\n"
    }
}
