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
    /// Reached users; nil when no status was stored.
    public let reachedUsers: Int?
    /// Read rate of the delivered messages; nil when none was delivered.
    public let readRate: Double?
    /// Journey runs started in the month (summed over Journeys).
    public let journeyRunsStarted: Int
    /// Of those, the runs completed by the month's end.
    public let journeyRunsCompleted: Int
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
        self.reachedUsers = report.reach.reachedUsers
        self.readRate = report.reach.readRate
        self.journeyRunsStarted = report.journeys.journeys.reduce(0) { $0 + $1.runsStarted }
        self.journeyRunsCompleted = report.journeys.totalCompleted
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
        let reachedUsers: String
        let readRate: String
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
    let hasReachTrends: Bool
    let reachedUsersChart: String
    let readRateChart: String
    /// Some month has a Journey run: the trends show runs started and completed.
    let hasJourneyTrend: Bool
    let journeysChart: String
    let responseChart: String
    /// `--segment`, named in the header (set by `renderArchiveIndex`).
    var segmentText = ""
    var hasSegment = false

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
                    reachedUsers: entry.reachedUsers.map(Format.integer) ?? "–", readRate: Format.percent(entry.readRate),
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
        hasReachTrends = hasTrends && oldestFirst.contains { $0.reachedUsers != nil }
        reachedUsersChart = chart(
            "trend-reached", "Reached users per month", "reached users", oldestFirst.map { $0.reachedUsers ?? 0 })
        readRateChart = chart(
            "trend-read-rate", "Read rate per month (percent)", "% of delivered messages read",
            oldestFirst.map { Int((($0.readRate ?? 0) * 100).rounded()) })
        hasJourneyTrend = oldestFirst.contains { $0.journeyRunsStarted > 0 }
        journeysChart = BarChart(
            id: "trend-journeys", title: "Journey runs started and completed per month",
            description: "Journey runs started, and of them completed, month by month from \(full.first ?? "") "
                + "to \(full.last ?? "").",
            labels: labels, fullLabels: full,
            series: [
                .init(name: "runs started", cssClass: "s-started", values: oldestFirst.map(\.journeyRunsStarted)),
                .init(name: "runs completed", cssClass: "s-completed", values: oldestFirst.map(\.journeyRunsCompleted)),
            ],
            layout: .grouped, unit: "runs"
        ).render()
        responseChart = chart(
            "trend-response", "Median first coach response per month (minutes, rounded)", "minutes",
            oldestFirst.map { Int(($0.medianFirstResponseMinutes ?? 0).rounded()) })
    }
}
