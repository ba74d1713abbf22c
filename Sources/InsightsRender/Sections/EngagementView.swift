import InsightsMetrics

/// The engagement section (`templates/sections/engagement.mustache`): the `engagement-daily`
/// and `engagement-heatmap` blocks.
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

    init(_ engagement: EngagementMetrics, headlines: ReportHeadlines) {
        self.headlines = headlines.headlines(for: .engagement)
        daily = engagement.daily.map {
            Day(
                date: $0.date.description, label: Format.shortDate($0.date), received: Format.integer($0.received),
                sent: Format.integer($0.sent))
        }
        hours = (0..<24).map { Format.twoDigits($0) }
        heatmap = engagement.heatmap.enumerated().map { weekday, counts in
            HeatmapRow(weekday: String(Format.weekdayNames[weekday].prefix(3)), cells: counts.map(Format.integer))
        }
        busiest = headlines.busiest
        quietest = headlines.quietest
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
