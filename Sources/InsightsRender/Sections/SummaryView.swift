import InsightsMetrics

/// The summary section (`templates/sections/summary.mustache`): the `summary-trends` band,
/// the headline numbers with their change and a sparkline of their trend, the summary's
/// sentences, and the trend as a table.
struct SummaryView {
    struct Card {
        let label: String
        let value: String
        /// Short, for the card: `▲ +7.5 % · was 520`.
        let change: String
        /// In words, for the table: `▲ +7.5 % on the previous period (520)`.
        let fullChange: String
        let direction: String
        let hasChange: Bool
        let sparkline: String
        let hasTrend: Bool
    }
    struct Sentence {
        let text: String
    }
    struct TrendRow {
        let from: String
        let label: String
        let isCurrent: Bool
        let cells: [String]
    }

    let cards: [Card]
    let sentences: [Sentence]
    let hasSentences: Bool
    let hasTrend: Bool
    /// `12 months` or `12 periods of 7 days`.
    let trendSpan: String
    /// The trend table's column headings (one per headline).
    let columns: [String]
    let trendRows: [TrendRow]

    init(_ report: Report, sentences: [String]) {
        let summary = report.summary
        let headlines = Self.headlines(summary)
        let months = report.period.isCalendarMonth
        trendSpan =
            months
            ? "\(ReportPeriod.trendLength) months"
            : "\(ReportPeriod.trendLength) periods of \(Format.integer(report.period.dayCount)) days"
        cards = zip(summary.headlines, headlines).map { item, headline in
            let points = (item.trend ?? []).map { point in
                Sparkline.Point(
                    label: Self.label(point.period, months: months), value: point.value,
                    text: point.value.map { Self.text(item.metric, $0) } ?? "no data")
            }
            let sparkline =
                points.isEmpty
                ? ""
                : Sparkline(
                    id: "spark-\(item.metric.rawValue)", title: "\(Self.title(item.metric)), last \(Self.span(months, report))",
                    description: Self.describe(points), points: points
                ).render()
            return Card(
                label: headline.label, value: headline.value, change: Self.shortChange(item), fullChange: headline.change,
                direction: headline.direction,
                hasChange: headline.hasChange, sparkline: sparkline, hasTrend: !points.isEmpty)
        }
        self.sentences = sentences.map(Sentence.init)
        hasSentences = !sentences.isEmpty
        hasTrend = summary.headlines.contains { $0.trend != nil }
        columns = summary.headlines.map { Self.title($0.metric) }
        let periods = summary.headlines.first?.trend?.map(\.period) ?? []
        trendRows = periods.enumerated().map { index, period in
            TrendRow(
                from: period.from.description, label: Self.label(period, months: months), isCurrent: index == periods.count - 1,
                cells: summary.headlines.map { headline in
                    guard let trend = headline.trend, index < trend.count, let value = trend[index].value else { return "–" }
                    return Self.text(headline.metric, value)
                })
        }
    }

    /// The band's numbers as page headlines: value and change against the previous period (a
    /// shorter median response is the good direction).
    static func headlines(_ summary: SummaryMetrics) -> [Headline] {
        summary.headlines.map { headline in
            let text = headline.value.map { Self.text(headline.metric, $0) } ?? "–"
            var change: ChangeText?
            if let value = headline.value, let previous = headline.previous {
                change =
                    headline.metric.isCount
                    ? ChangeText(current: Int(value), previous: Int(previous)) : ChangeText(waitNow: value, before: previous)
            }
            return Headline(label: label(headline.metric), text: text, change: change)
        }
    }

    /// A card's change, short: `▲ +7.5 % · was 520`, `= no change`, `new · was 0`.
    static func shortChange(_ headline: SummaryHeadline) -> String {
        guard let value = headline.value, let previous = headline.previous else { return "" }
        let was = "was \(text(headline.metric, previous))"
        switch Change(current: value, previous: previous) {
        case .unchanged: return "= no change"
        case .new: return "new · \(was)"
        case .up(let fraction): return "▲ +\(Format.percent(fraction)) · \(was)"
        case .down(let fraction): return "▼ −\(Format.percent(fraction)) · \(was)"
        }
    }

    /// The label under a band number.
    static func label(_ metric: HeadlineMetric) -> String {
        switch metric {
        case .activeUsers: "active users"
        case .newUsers: "new users"
        case .reachedUsers: "users reached"
        case .messagesReceived: "messages received"
        case .messagesSent: "messages sent"
        case .goalCompletions: "people who completed a goal"
        case .journeyCompletions: "Journey runs completed"
        case .medianFirstResponseMinutes: "median first coach response"
        case .conversationsClosed: "conversations closed"
        }
    }

    /// The metric as a heading: `Active users`.
    static func title(_ metric: HeadlineMetric) -> String {
        let text = label(metric)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A value as the band shows it: `1,234`, `14.3 minutes`.
    static func text(_ metric: HeadlineMetric, _ value: Double) -> String {
        metric.isCount ? Format.integer(Int(value)) : ResponseTimesView.minutes(value)
    }

    /// A trend period: `October 2026` for calendar months, else its days.
    static func label(_ period: TrendPeriod, months: Bool) -> String {
        if months { return Format.monthName(period.from) }
        guard let days = ReportPeriod(from: period.from, to: period.to) else { return "\(period.from) – \(period.to)" }
        return Format.period(days)
    }

    private static func span(_ months: Bool, _ report: Report) -> String {
        months
            ? "\(ReportPeriod.trendLength) months"
            : "\(ReportPeriod.trendLength) periods of \(Format.integer(report.period.dayCount)) days"
    }

    private static func describe(_ points: [Sparkline.Point]) -> String {
        points.map { "\($0.label): \($0.text)" }.joined(separator: "; ") + "."
    }
}

extension ReportCSV {
    /// The `summary-trends` file: one row per headline and trend period (the report's period
    /// last), with the report's value and previous value on every row of its headline; without
    /// a trend, one row per headline for the report's period.
    static func summaryTable(_ report: Report) -> (header: [String], rows: [[String]]) {
        (
            ["metric", "from", "to", "value", "current", "previous"],
            report.summary.headlines.flatMap { headline in
                (headline.trend ?? [TrendPoint(period: TrendPeriod(report.period), value: headline.value)]).map { point in
                    [
                        headline.metric.rawValue, point.period.from.description, point.period.to.description,
                        csvValue(headline.metric, point.value), csvValue(headline.metric, headline.value),
                        csvValue(headline.metric, headline.previous),
                    ]
                }
            }
        )
    }

    private static func csvValue(_ metric: HeadlineMetric, _ value: Double?) -> String {
        guard let value else { return "" }
        return metric.isCount ? String(Int(value)) : number(value)
    }
}
