import InsightsMetrics
import InsightsPhone

/// What the page templates see: flat structs of pre-formatted strings (Mustache reads stored
/// properties and renders a missing key as nothing, so every key is spelled out here).
struct PageView {
    let serviceName: String
    let periodText: String
    let periodFrom: String
    let periodTo: String
    let dayCount: String
    let timeZone: String
    let previousPeriodText: String
    let generator: String
    let generatedAt: String
    let hasGeneratedAt: Bool
    let impact: ImpactView
    let audience: AudienceView
    let engagement: EngagementView
    let guidance: GuidanceView

    init(report: Report, generatedAt: String?) {
        serviceName = report.serviceName
        periodText = Format.period(report.period)
        periodFrom = report.period.from.description
        periodTo = report.period.to.description
        dayCount = Format.integer(report.period.dayCount)
        timeZone = report.timeZoneIdentifier
        previousPeriodText = Format.period(report.previousPeriod)
        generator = "Insights \(report.generatorVersion)"
        self.generatedAt = generatedAt ?? ""
        hasGeneratedAt = generatedAt != nil
        impact = ImpactView(report.impact)
        audience = AudienceView(report.audience)
        engagement = EngagementView(report.engagement)
        guidance = GuidanceView(report.conversations, report.authorship)
    }
}

/// A big number with its change.
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

    init(label: String, text: String) {
        self.label = label
        self.value = text
        self.change = ""
        self.direction = "flat"
        self.hasChange = false
    }
}

struct ImpactView {
    struct Goal {
        let name: String
        let goalID: String
        let started: String
        let completed: String
        let completionRate: String
        let behaviours: [Behaviour]
        let hasBehaviours: Bool
        let isEmpty: Bool
    }
    struct Behaviour {
        let name: String
        let users: String
        let actions: String
    }
    let goals: [Goal]
    let hasGoals: Bool
    let hasActivity: Bool
    let headlines: [Headline]

    init(_ impact: ImpactMetrics) {
        goals = impact.goals.map { goal in
            Goal(
                name: goal.name, goalID: goal.goalID, started: Format.integer(goal.started),
                completed: Format.integer(goal.completed), completionRate: Format.percent(goal.completionRate),
                behaviours: goal.behaviours.map {
                    Behaviour(name: $0.name, users: Format.integer($0.users), actions: Format.integer($0.actions))
                },
                hasBehaviours: !goal.behaviours.isEmpty,
                isEmpty: goal.started == 0 && goal.completed == 0 && goal.behaviours.allSatisfy { $0.actions == 0 })
        }
        hasGoals = !impact.goals.isEmpty
        hasActivity = goals.contains { !$0.isEmpty }
        headlines = [
            Headline(label: "goals started", value: impact.totalStarted, previous: nil),
            Headline(label: "goals completed", value: impact.totalCompleted, previous: nil),
        ]
    }
}

struct AudienceView {
    struct Day {
        let date: String
        let label: String
        let activeUsers: String
        let newUsers: String
        let returningUsers: String
    }
    struct Country {
        let code: String
        let name: String
        let activeUsers: String
        let share: String
    }
    let headlines: [Headline]
    let daily: [Day]
    let countries: [Country]
    let hasUsers: Bool

    init(_ audience: AudienceMetrics) {
        headlines = [
            Headline(label: "unique active users", value: audience.activeUsers, previous: audience.previous.activeUsers),
            Headline(label: "new users", value: audience.newUsers, previous: audience.previous.newUsers),
            Headline(
                label: "returning users", value: audience.returningUsers,
                previous: audience.previous.activeUsers - audience.previous.newUsers),
        ]
        daily = audience.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), activeUsers: Format.integer($0.activeUsers),
                newUsers: Format.integer($0.newUsers), returningUsers: Format.integer($0.returningUsers))
        }
        let total = audience.activeUsers
        countries = audience.countries.map {
            Country(
                code: $0.country, name: CountryNames.englishName(for: $0.country),
                activeUsers: Format.integer($0.activeUsers),
                share: Format.percent(total == 0 ? nil : Double($0.activeUsers) / Double(total)))
        }
        hasUsers = audience.activeUsers > 0
    }
}

struct EngagementView {
    struct Day {
        let date: String
        let label: String
        let received: String
        let sent: String
    }
    struct HeatmapRow {
        let weekday: String
        let cells: [HeatmapCell]
    }
    struct HeatmapCell {
        let count: String
        let level: String
    }
    let headlines: [Headline]
    let averageText: String
    let daily: [Day]
    let hours: [String]
    let heatmap: [HeatmapRow]
    let busiest: String
    let quietest: String
    let hasMessages: Bool

    init(_ engagement: EngagementMetrics) {
        headlines = [
            Headline(
                label: "messages received", value: engagement.messagesReceived,
                previous: engagement.previous.messagesReceived),
            Headline(label: "messages sent", value: engagement.messagesSent, previous: engagement.previous.messagesSent),
            Headline(
                label: "messages per active user per day",
                text: engagement.averageMessagesPerUserPerDay.map { Format.decimal($0, places: 2) } ?? "–"),
        ]
        averageText = engagement.averageMessagesPerUserPerDay.map { Format.decimal($0, places: 2) } ?? "–"
        daily = engagement.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), received: Format.integer($0.received),
                sent: Format.integer($0.sent))
        }
        hours = (0..<24).map { Format.twoDigits($0) }
        let peak = engagement.heatmap.flatMap { $0 }.max() ?? 0
        heatmap = engagement.heatmap.enumerated().map { weekday, counts in
            HeatmapRow(
                weekday: String(Format.weekdayNames[weekday].prefix(3)),
                cells: counts.map { count in
                    let level = peak == 0 ? 0 : Int((Double(count) / Double(peak) * 4).rounded(.up))
                    return HeatmapCell(count: Format.integer(count), level: String(level))
                })
        }
        func describe(_ slot: HeatmapSlot?) -> String {
            guard let slot else { return "–" }
            return "\(Format.weekdayNames[slot.weekday]) \(Format.hourSlot(slot.hour)) "
                + "(\(Format.integer(slot.count)) message\(slot.count == 1 ? "" : "s"))"
        }
        busiest = describe(engagement.busiestSlot)
        quietest = describe(engagement.quietestSlot)
        hasMessages = engagement.messagesReceived + engagement.messagesSent > 0
    }
}

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

    init(_ conversations: ConversationMetrics, _ authorship: AuthorshipMetrics) {
        conversationHeadlines = [
            Headline(label: "conversations active", value: conversations.active, previous: nil),
            Headline(label: "open at the end", value: conversations.openAtEnd, previous: nil),
            Headline(label: "closed at the end", value: conversations.closedAtEnd, previous: nil),
        ]
        opened = Format.integer(conversations.opened)
        reopened = Format.integer(conversations.reopened)
        closed = Format.integer(conversations.closed)
        medianTimeToClose = conversations.medianTimeToCloseHours.map { Format.decimal($0, places: 1) + " hours" } ?? "–"
        let showLegacy = authorship.legacyMessages > 0
        hasLegacy = showLegacy
        let legacy: Set<InsightsMetrics.AuthorType> = [.automation, .thread]
        authorTypes = authorship.byType.filter { showLegacy || !legacy.contains($0.authorType) }.map {
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
                        rank: String(index + 1), name: author.name, authorID: author.authorID ?? "",
                        messages: Format.integer(author.messages))
                },
                hasAuthors: !authors.isEmpty)
        }
        hasSent = authorship.byType.contains { $0.messages > 0 }
        hasConversations = conversations.active > 0 || conversations.closed > 0
    }
}
