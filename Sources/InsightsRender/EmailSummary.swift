import InsightsMetrics

/// The summary band of `email.html`: mail clients show no SVG, so each headline's trend is a
/// row of 12 small bars made of table cells (heights from 0 to the largest value of the
/// trend; 0 is a thin line; a period without data a dotted one, and says so in its tooltip),
/// beside the number and
/// its change. The sentences come first: they are what a reader who stops there takes away.
struct EmailSummary {
    struct Column {
        let title: String
        let height: String
        let rest: String
        let hasBar: Bool
        /// A value of 0 (a thin solid line), unlike a period without data (a dotted one).
        let isZero: Bool
        let color: String
    }
    struct Row {
        let label: String
        let value: String
        let change: String
        let hasChange: Bool
        let columns: [Column]
        let hasTrend: Bool
    }
    struct Sentence {
        let text: String
    }

    let rows: [Row]
    let sentences: [Sentence]
    let hasSentences: Bool
    let hasTrend: Bool
    /// `12 months` or `12 periods of 7 days`.
    let trendSpan: String

    static let barHeight = 24.0
    static let current = "#1d4ed8"
    static let earlier = "#93a8d8"

    init(_ report: Report, sentences: [String]) {
        let summary = report.summary
        let months = report.period.isCalendarMonth
        trendSpan =
            months
            ? "\(ReportPeriod.trendLength) months"
            : "\(ReportPeriod.trendLength) periods of \(Format.integer(report.period.dayCount)) days"
        rows = zip(summary.headlines, SummaryView.headlines(summary)).map { item, headline in
            let trend = item.trend ?? []
            let top = trend.compactMap(\.value).max() ?? 0
            let columns = trend.enumerated().map { index, point in
                let label = SummaryView.label(point.period, months: months)
                guard let value = point.value else {
                    return Column(title: "\(label): no data", height: "0", rest: "24", hasBar: false, isZero: false, color: "")
                }
                let height = top > 0 ? max(value > 0 ? 1 : 0, (value / top * Self.barHeight).rounded()) : 0
                return Column(
                    title: "\(label): \(SummaryView.text(item.metric, value))", height: String(Int(height)),
                    rest: String(Int(Self.barHeight - height)), hasBar: height > 0, isZero: height == 0,
                    color: index == trend.count - 1 ? Self.current : Self.earlier)
            }
            return Row(
                label: headline.label, value: headline.value, change: headline.change, hasChange: headline.hasChange,
                columns: columns, hasTrend: !columns.isEmpty)
        }
        self.sentences = sentences.map(Sentence.init)
        hasSentences = !sentences.isEmpty
        hasTrend = summary.headlines.contains { $0.trend != nil }
    }
}
