import InsightsMetrics

/// A big number with its change against the previous period.
struct Headline {
    let label: String
    let value: String
    let change: String
    let direction: String
    let hasChange: Bool

    init(label: String, value: Int, previous: Int?) {
        self.label = label
        self.value = Format.integer(value)
        let change = previous.map { ChangeText(current: value, previous: $0) }
        self.change = change?.text ?? ""
        self.direction = change?.direction ?? "flat"
        self.hasChange = previous != nil
    }

    init(label: String, text: String, change: ChangeText? = nil) {
        self.label = label
        self.value = text
        self.change = change?.text ?? ""
        self.direction = change?.direction ?? "flat"
        self.hasChange = change != nil
    }
}

/// The texts a report leads with, formatted once for the page, `email.html` and the email's
/// plain text, so that the email needs no page (no charts, no CSV) to show the same numbers.
struct ReportHeadlines {
    /// `1–31 October 2026`.
    let periodText: String
    /// `Insights 1.2.0`.
    let generator: String
    let impact: [Headline]
    /// The Journeys block's numbers (none when the service has no Journey run stored).
    let journeys: [Headline]
    let audience: [Headline]
    let engagement: [Headline]
    let conversations: [Headline]
    /// Reached users, delivery and read rate (none when no status is stored).
    let reach: [Headline]
    /// Median and p90 of the first coach response, and the share answered by a coach.
    let responseTimes: [Headline]
    /// The summary band's numbers, each with its change (`SummaryView.headlines`).
    let summary: [Headline]
    /// The busiest weekday hour for received messages, `Tuesday 14:00–15:00 (12 messages)`.
    let busiest: String
    /// The quietest one.
    let quietest: String

    init(_ report: Report) {
        periodText = Format.period(report.period)
        generator = "Insights \(report.generatorVersion)"

        let started = report.impact.totalStarted
        let completed = report.impact.totalCompleted
        impact = [
            Headline(label: "goal starts", value: started, previous: nil),
            Headline(label: "goal completions", value: completed, previous: nil),
            Headline(
                label: "completed per start",
                text: started == 0 ? "–" : Format.percent(Double(completed) / Double(started), places: 0)),
        ]

        journeys = Self.journeyHeadlines(report)

        let users = report.audience
        audience = [
            Headline(label: "unique active users", value: users.activeUsers, previous: users.previous.activeUsers),
            Headline(label: "new users", value: users.newUsers, previous: users.previous.newUsers),
            Headline(
                label: "returning users", value: users.returningUsers,
                previous: users.previous.activeUsers - users.previous.newUsers),
        ]

        let messages = report.engagement
        engagement = [
            Headline(
                label: "messages received", value: messages.messagesReceived,
                previous: messages.previous.messagesReceived),
            Headline(label: "messages sent", value: messages.messagesSent, previous: messages.previous.messagesSent),
            Headline(
                label: "messages per active user per day",
                text: messages.averageMessagesPerUserPerDay.map { Format.decimal($0, places: 2) } ?? "–"),
        ]
        func describe(_ slot: HeatmapSlot?) -> String {
            guard let slot else { return "–" }
            return "\(Format.weekdayNames[slot.weekday]) \(Format.hourSlot(slot.hour)) "
                + "(\(Format.integer(slot.count)) message\(slot.count == 1 ? "" : "s"))"
        }
        busiest = describe(messages.busiestSlot)
        quietest = describe(messages.quietestSlot)

        let open = report.conversations
        conversations = [
            Headline(label: "conversations active", value: open.active, previous: nil),
            Headline(label: "opened in the period", value: open.opened, previous: nil),
            Headline(
                label: "median time to close",
                text: open.medianTimeToCloseHours.map { Format.duration(hours: $0) } ?? "–"),
        ]
        reach = ReachView.headlines(report.reach)
        responseTimes = Self.responseTimeHeadlines(report.responseTimes, previous: report.previousResponseTimes)
        summary = SummaryView.headlines(report.summary)
    }

    /// The headline numbers a block leads with (none for most blocks).
    func headlines(for block: ReportBlock) -> [Headline] {
        switch block {
        case .summaryTrends: summary
        case .impactGoals: impact
        case .impactJourneys: journeys
        case .audienceDaily: audience
        case .engagementDaily: engagement
        case .guidanceConversations: conversations
        case .audienceReach: reach
        case .guidanceResponseTimes: responseTimes
        case .audienceCountries, .engagementHeatmap, .guidanceAuthorship, .guidanceTopAuthors: []
        }
    }

    /// A section's headline numbers: those of its blocks, in order.
    func headlines(for section: ReportSection) -> [Headline] {
        section.blocks.flatMap(headlines(for:))
    }
}
