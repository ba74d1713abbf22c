import InsightsMetrics
import InsightsPhone

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
    let impact: ImpactView
    let audience: AudienceView
    let engagement: EngagementView
    let guidance: GuidanceView
    /// Each chart block's CSV download.
    let downloads: Downloads
    let hasNavigation: Bool
    let navigation: NavigationView

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

    struct Download {
        let fileName: String
        let href: String
    }

    /// One download per block, named after the block's id in camel case.
    struct Downloads {
        let impactGoals: Download
        let audienceDaily: Download
        let audienceCountries: Download
        let engagementDaily: Download
        let engagementHeatmap: Download
        let guidanceConversations: Download
        let guidanceAuthorship: Download
        let guidanceTopAuthors: Download

        init(_ files: [ReportCSV]) {
            func download(_ block: String) -> Download {
                let file = files.first { $0.block == block }
                return Download(fileName: file?.fileName ?? "", href: file?.dataURL ?? "")
            }
            impactGoals = download("impact-goals")
            audienceDaily = download("audience-daily")
            audienceCountries = download("audience-countries")
            engagementDaily = download("engagement-daily")
            engagementHeatmap = download("engagement-heatmap")
            guidanceConversations = download("guidance-conversations")
            guidanceAuthorship = download("guidance-authorship")
            guidanceTopAuthors = download("guidance-top-authors")
        }
    }

    init(report: Report, dataAsOf: String?, navigation: PageNavigation? = nil, conversationNote: String? = nil) {
        serviceName = report.serviceName
        periodText = Format.period(report.period)
        periodFrom = report.period.from.description
        periodTo = report.period.to.description
        dayCount = Format.integer(report.period.dayCount)
        timeZone = report.timeZoneIdentifier
        previousPeriodText = Format.period(report.previousPeriod)
        generator = "Insights \(report.generatorVersion)"
        self.dataAsOf = dataAsOf ?? ""
        hasDataAsOf = dataAsOf != nil
        isEmpty = report.isEmpty
        impact = ImpactView(report.impact)
        audience = AudienceView(report.audience)
        engagement = EngagementView(report.engagement)
        guidance = GuidanceView(report.conversations, report.authorship, note: conversationNote)
        downloads = Downloads(ReportCSV.files(for: report))
        hasNavigation = navigation != nil
        self.navigation = NavigationView(
            previousHref: navigation?.previous?.href ?? "", previousLabel: navigation?.previous?.label ?? "",
            hasPrevious: navigation?.previous != nil, nextHref: navigation?.next?.href ?? "",
            nextLabel: navigation?.next?.label ?? "", hasNext: navigation?.next != nil,
            indexHref: navigation?.index.href ?? "", indexLabel: navigation?.index.label ?? "")
    }
}

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
        let chart: String
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
        goals = impact.goals.enumerated().map { index, goal in
            var items = [
                HorizontalBarChart.Item(
                    label: "Started the goal", value: goal.started, valueText: "\(Format.integer(goal.started)) users",
                    cssClass: "s-started"),
                HorizontalBarChart.Item(
                    label: "Completed the goal", value: goal.completed,
                    valueText: "\(Format.integer(goal.completed)) users", cssClass: "s-completed"),
            ]
            items += goal.behaviours.map {
                HorizontalBarChart.Item(
                    label: $0.name, value: $0.users,
                    valueText: "\(Format.integer($0.users)) users, \(Format.integer($0.actions)) actions",
                    cssClass: "s-behaviour")
            }
            let rate = goal.completionRate.map { ", a completion rate of \(Format.percent($0))" } ?? ""
            let chart = HorizontalBarChart(
                id: "goal-\(index + 1)", title: "\(goal.name): users who started, completed and actioned",
                description: "\(Format.integer(goal.started)) users started and \(Format.integer(goal.completed)) "
                    + "completed \(goal.name)\(rate).",
                items: items
            ).render()
            return Goal(
                name: goal.name, goalID: goal.goalID, started: Format.integer(goal.started),
                completed: Format.integer(goal.completed), completionRate: Format.percent(goal.completionRate),
                behaviours: goal.behaviours.map {
                    Behaviour(name: $0.name, users: Format.integer($0.users), actions: Format.integer($0.actions))
                },
                hasBehaviours: !goal.behaviours.isEmpty,
                isEmpty: goal.started == 0 && goal.completed == 0 && goal.behaviours.allSatisfy { $0.actions == 0 },
                chart: chart)
        }
        hasGoals = !impact.goals.isEmpty
        hasActivity = goals.contains { !$0.isEmpty }
        let started = impact.totalStarted
        let completed = impact.totalCompleted
        headlines = [
            Headline(label: "goal starts", value: started, previous: nil),
            Headline(label: "goal completions", value: completed, previous: nil),
            Headline(
                label: "completed per start",
                text: started == 0 ? "–" : Format.percent(Double(completed) / Double(started), places: 0)),
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
    let countryCount: String
    let hasUsers: Bool
    let dailyChart: String
    let countriesChart: String

    static let topCountries = 10

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
        let names = audience.countries.map { CountryNames.englishName(for: $0.country) }
        countries = zip(audience.countries, names).map { count, name in
            Country(
                code: count.country, name: name, activeUsers: Format.integer(count.activeUsers),
                share: Format.percent(total == 0 ? nil : Double(count.activeUsers) / Double(total)))
        }
        countryCount = Format.integer(audience.countries.filter { $0.country != "ZZ" }.count)
        hasUsers = total > 0
        let peak = audience.daily.max { $0.activeUsers < $1.activeUsers }
        dailyChart = BarChart(
            id: "audience-daily", title: "Daily active users, new and returning",
            description: "Active users per day, split into new and returning users. "
                + (peak.map { "The busiest day was \(Format.date($0.date)) with \(Format.integer($0.activeUsers)) users." } ?? ""),
            labels: audience.daily.map { Format.dayAndMonth($0.date) },
            fullLabels: audience.daily.map { Format.shortDate($0.date) },
            series: [
                .init(name: "new users", cssClass: "s-new", values: audience.daily.map(\.newUsers)),
                .init(name: "returning users", cssClass: "s-returning", values: audience.daily.map(\.returningUsers)),
            ],
            layout: .stacked, unit: "users"
        ).render()
        var items = zip(audience.countries, names).prefix(Self.topCountries).map { count, name in
            HorizontalBarChart.Item(
                label: name, value: count.activeUsers,
                valueText: "\(Format.integer(count.activeUsers)) (\(Format.percent(Double(count.activeUsers) / Double(max(total, 1)), places: 0)))",
                cssClass: count.country == "ZZ" ? "s-unknown" : "s-country")
        }
        let rest = audience.countries.dropFirst(Self.topCountries)
        if !rest.isEmpty {
            let users = rest.reduce(0) { $0 + $1.activeUsers }
            items.append(
                HorizontalBarChart.Item(
                    label: "Other (\(rest.count) countries)", value: users,
                    valueText: "\(Format.integer(users)) (\(Format.percent(Double(users) / Double(max(total, 1)), places: 0)))",
                    cssClass: "s-other"))
        }
        countriesChart = HorizontalBarChart(
            id: "audience-countries", title: "Active users by country",
            description: "The \(min(audience.countries.count, Self.topCountries)) countries with most active users"
                + (rest.isEmpty ? "." : ", and the other \(rest.count) together."),
            items: items
        ).render()
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
        let cells: [String]
    }
    let headlines: [Headline]
    let daily: [Day]
    let hours: [String]
    let heatmap: [HeatmapRow]
    let busiest: String
    let quietest: String
    let hasMessages: Bool
    let hasReceived: Bool
    let dailyChart: String
    let heatmapChart: String

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
        daily = engagement.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), received: Format.integer($0.received),
                sent: Format.integer($0.sent))
        }
        hours = (0..<24).map { Format.twoDigits($0) }
        heatmap = engagement.heatmap.enumerated().map { weekday, counts in
            HeatmapRow(weekday: String(Format.weekdayNames[weekday].prefix(3)), cells: counts.map(Format.integer))
        }
        func describe(_ slot: HeatmapSlot?) -> String {
            guard let slot else { return "–" }
            return "\(Format.weekdayNames[slot.weekday]) \(Format.hourSlot(slot.hour)) "
                + "(\(Format.integer(slot.count)) message\(slot.count == 1 ? "" : "s"))"
        }
        busiest = describe(engagement.busiestSlot)
        quietest = describe(engagement.quietestSlot)
        hasMessages = engagement.messagesReceived + engagement.messagesSent > 0
        hasReceived = engagement.messagesReceived > 0
        dailyChart = BarChart(
            id: "engagement-daily", title: "Messages received and sent per day",
            description: "\(Format.integer(engagement.messagesReceived)) messages received from users and "
                + "\(Format.integer(engagement.messagesSent)) sent to them over the period, per day.",
            labels: engagement.daily.map { Format.dayAndMonth($0.date) },
            fullLabels: engagement.daily.map { Format.shortDate($0.date) },
            series: [
                .init(name: "received", cssClass: "s-received", values: engagement.daily.map(\.received)),
                .init(name: "sent", cssClass: "s-sent", values: engagement.daily.map(\.sent)),
            ],
            layout: .grouped, unit: "messages"
        ).render()
        heatmapChart = HeatmapChart(
            id: "engagement-heatmap", title: "Messages received by weekday and hour",
            description: "Busiest: \(busiest). Quietest: \(quietest).",
            values: engagement.heatmap,
            rowLabels: Format.weekdayNames.map { String($0.prefix(3)) },
            rowNames: Format.weekdayNames
        ).render()
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
    let conversationsChart: String
    let authorshipChart: String
    let conversationNote: String
    let hasConversationNote: Bool

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

    init(_ conversations: ConversationMetrics, _ authorship: AuthorshipMetrics, note: String? = nil) {
        conversationNote = note ?? ""
        hasConversationNote = !(note ?? "").isEmpty
        conversationHeadlines = [
            Headline(label: "conversations active", value: conversations.active, previous: nil),
            Headline(label: "opened in the period", value: conversations.opened, previous: nil),
            Headline(
                label: "median time to close",
                text: conversations.medianTimeToCloseHours.map { Format.duration(hours: $0) } ?? "–"),
        ]
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
                        rank: String(index + 1), name: author.name, authorID: author.authorID ?? "",
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
                    valueText: "\(Format.integer(conversations.openAtEnd)) (\(Format.percent(Double(conversations.openAtEnd) / Double(active), places: 0)))",
                    cssClass: "s-open"),
                .init(
                    label: "Closed at the end", value: conversations.closedAtEnd,
                    valueText: "\(Format.integer(conversations.closedAtEnd)) (\(Format.percent(Double(conversations.closedAtEnd) / Double(active), places: 0)))",
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
