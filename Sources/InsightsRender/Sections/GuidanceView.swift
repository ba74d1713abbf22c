import InsightsMetrics

/// The guidance section (`templates/sections/guidance.mustache`), from the conversations and
/// authorship metrics: the `guidance-conversations`, `guidance-authorship` and
/// `guidance-top-authors` blocks.
struct GuidanceView {
    struct AuthorType {
        let label: String
        let key: String
        let messages: String
        let share: String
    }
    struct AuthorList {
        let label: String
        let key: String
        let authors: [Author]
        let hasAuthors: Bool
    }
    struct Author {
        let rank: String
        let name: String
        /// The whole name for a tooltip when `name` is shortened (`Format.tooltip`).
        let fullName: String?
        let authorID: String
        let messages: String
    }
    let conversationHeadlines: [Headline]
    let opened: String
    let reopened: String
    let closed: String
    let medianTimeToClose: String
    let authorTypes: [AuthorType]
    let topAuthors: [AuthorList]
    let hasLegacy: Bool
    let hasSent: Bool
    let hasConversations: Bool
    let conversationsChart: String
    let authorshipChart: String
    let conversationNote: String
    let hasConversationNote: Bool
    /// The `guidance-response-times` block.
    let responseTimes: ResponseTimesView

    static func label(_ type: InsightsMetrics.AuthorType) -> String {
        switch type {
        case .stack: "Stack (Journeys)"
        case .coach: "Coach"
        case .reminder: "Reminders"
        case .api: "API"
        case .automation: "Automation (discontinued 30 June 2024)"
        case .thread: "Threads (discontinued 30 June 2024)"
        }
    }

    init(
        _ conversations: ConversationMetrics, _ authorship: AuthorshipMetrics, headlines: ReportHeadlines,
        note: String? = nil, responseTimes: ResponseTimesView
    ) {
        self.responseTimes = responseTimes
        conversationNote = note ?? ""
        hasConversationNote = !(note ?? "").isEmpty
        conversationHeadlines = headlines.headlines(for: .guidanceConversations)
        opened = Format.integer(conversations.opened)
        reopened = Format.integer(conversations.reopened)
        closed = Format.integer(conversations.closed)
        medianTimeToClose = conversations.medianTimeToCloseHours.map { Format.duration(hours: $0) } ?? "–"
        let showLegacy = authorship.legacyMessages > 0
        hasLegacy = showLegacy
        let legacy: Set<InsightsMetrics.AuthorType> = [.automation, .thread]
        let shown = authorship.byType.filter { showLegacy || !legacy.contains($0.authorType) }
        authorTypes = shown.map {
            AuthorType(
                label: Self.label($0.authorType), key: $0.authorType.rawValue, messages: Format.integer($0.messages),
                share: Format.percent($0.share))
        }
        topAuthors = InsightsMetrics.AuthorType.allCases.compactMap { type in
            let authors = authorship.topAuthors[type] ?? []
            if legacy.contains(type), authors.isEmpty { return nil }
            return AuthorList(
                label: Self.label(type), key: type.rawValue,
                authors: authors.enumerated().map { index, author in
                    Author(
                        rank: String(index + 1), name: Format.visible(author.name), fullName: Format.tooltip(author.name),
                        authorID: Format.visible(author.authorID ?? ""),
                        messages: Format.integer(author.messages))
                },
                hasAuthors: !authors.isEmpty)
        }
        hasSent = authorship.byType.contains { $0.messages > 0 }
        hasConversations = conversations.active > 0 || conversations.closed > 0
        let active = max(conversations.active, 1)
        conversationsChart = HorizontalBarChart(
            id: "guidance-conversations", title: "Conversations open and closed at the end of the period",
            description: "Of \(Format.integer(conversations.active)) conversations active in the period, "
                + "\(Format.integer(conversations.openAtEnd)) were open and \(Format.integer(conversations.closedAtEnd)) "
                + "closed at its end.",
            items: [
                .init(
                    label: "Open at the end", value: conversations.openAtEnd,
                    valueText:
                        "\(Format.integer(conversations.openAtEnd)) (\(Format.percent(Double(conversations.openAtEnd) / Double(active), places: 0)))",
                    cssClass: "s-open"),
                .init(
                    label: "Closed at the end", value: conversations.closedAtEnd,
                    valueText:
                        "\(Format.integer(conversations.closedAtEnd)) (\(Format.percent(Double(conversations.closedAtEnd) / Double(active), places: 0)))",
                    cssClass: "s-closed"),
            ]
        ).render()
        authorshipChart = HorizontalBarChart(
            id: "guidance-authorship", title: "Messages sent, by author",
            description: shown.map { "\(Self.label($0.authorType)): \(Format.percent($0.share))" }.joined(separator: "; ") + ".",
            items: shown.map {
                .init(
                    label: Self.label($0.authorType).replacingOccurrences(of: " (discontinued 30 June 2024)", with: "*"),
                    value: $0.messages,
                    valueText: "\(Format.integer($0.messages)) (\(Format.percent($0.share, places: 0)))",
                    cssClass: "s-\($0.authorType.rawValue)")
            }
        ).render()
    }
}
