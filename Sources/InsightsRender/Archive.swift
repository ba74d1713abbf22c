import InsightsMetrics

/// Links from a month's page to its neighbours and to the archive's home page.
public struct PageNavigation: Equatable, Sendable {
    /// A link: relative `href` and its text.
    public struct Link: Equatable, Sendable {
        /// Relative URL.
        public let href: String
        /// Link text.
        public let label: String

        /// Creates a link.
        public init(href: String, label: String) {
            self.href = href
            self.label = label
        }
    }

    /// The previous snapshot, if any.
    public let previous: Link?
    /// The next snapshot, if any.
    public let next: Link?
    /// The archive's home page.
    public let index: Link

    /// Creates navigation.
    public init(previous: Link?, next: Link?, index: Link) {
        self.previous = previous
        self.next = next
        self.index = index
    }
}

/// One snapshot on the archive's home page.
public struct ArchiveEntry: Equatable, Sendable {
    /// `2026-10`.
    public let month: String
    /// The period of the snapshot.
    public let period: ReportPeriod
    /// Relative link to its page, e.g. `2026-10/index.html`.
    public let href: String
    /// Unique active users.
    public let activeUsers: Int
    /// Messages received.
    public let messagesReceived: Int
    /// Goal completions (summed over goals).
    public let goalsCompleted: Int
    /// The median first coach response in minutes; nil when no conversation was answered.
    public let medianFirstResponseMinutes: Double?

    /// Creates an entry from a month's report.
    public init(month: String, href: String, report: Report) {
        self.month = month
        self.period = report.period
        self.href = href
        self.activeUsers = report.audience.activeUsers
        self.messagesReceived = report.engagement.messagesReceived
        self.goalsCompleted = report.impact.totalCompleted
        self.medianFirstResponseMinutes = report.responseTimes.medianFirstResponseMinutes
    }
}

/// The archive's home page view: snapshots newest first, and trends oldest first.
struct ArchiveView {
    struct Row {
        let month: String
        let label: String
        let href: String
        let activeUsers: String
        let activeChange: String
        let messagesReceived: String
        let messagesChange: String
        let goalsCompleted: String
        let medianResponse: String
    }
    let serviceName: String
    let timeZone: String
    let generator: String
    let count: String
    let rows: [Row]
    let hasTrends: Bool
    let activeUsersChart: String
    let messagesChart: String
    let goalsChart: String
    let responseChart: String

    init(entries: [ArchiveEntry], serviceName: String, timeZone: String, generatorVersion: String) {
        let oldestFirst = entries.sorted { $0.month < $1.month }
        self.serviceName = Format.visible(serviceName)
        self.timeZone = timeZone
        generator = "Insights \(generatorVersion)"
        count = Format.integer(entries.count)
        var rows: [Row] = []
        for (index, entry) in oldestFirst.enumerated() {
            let previous = index > 0 ? oldestFirst[index - 1] : nil
            rows.append(
                Row(
                    month: entry.month, label: Format.monthName(entry.period.from), href: entry.href,
                    activeUsers: Format.integer(entry.activeUsers),
                    activeChange: previous.map { ChangeText(current: entry.activeUsers, previous: $0.activeUsers).short } ?? "",
                    messagesReceived: Format.integer(entry.messagesReceived),
                    messagesChange: previous.map {
                        ChangeText(current: entry.messagesReceived, previous: $0.messagesReceived).short
                    } ?? "",
                    goalsCompleted: Format.integer(entry.goalsCompleted),
                    medianResponse: entry.medianFirstResponseMinutes.map(ResponseTimesView.minutes) ?? "–"))
        }
        self.rows = rows.reversed()
        hasTrends = oldestFirst.count > 1
        let labels = oldestFirst.map { Format.shortMonth($0.period.from) }
        let full = oldestFirst.map { Format.monthName($0.period.from) }
        func chart(_ id: String, _ title: String, _ unit: String, _ values: [Int]) -> String {
            BarChart(
                id: id, title: title,
                description: "\(title), month by month from \(full.first ?? "") to \(full.last ?? "").",
                labels: labels, fullLabels: full, series: [.init(name: unit, cssClass: "s-returning", values: values)],
                layout: .stacked, unit: unit
            ).render()
        }
        activeUsersChart = chart("trend-active", "Unique active users per month", "active users", oldestFirst.map(\.activeUsers))
        messagesChart = chart(
            "trend-messages", "Messages received per month", "messages received", oldestFirst.map(\.messagesReceived))
        goalsChart = chart("trend-goals", "Goals completed per month", "goal completions", oldestFirst.map(\.goalsCompleted))
        responseChart = chart(
            "trend-response", "Median first coach response per month (minutes, rounded)", "minutes",
            oldestFirst.map { Int(($0.medianFirstResponseMinutes ?? 0).rounded()) })
    }
}
