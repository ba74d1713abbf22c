/// A headline number of the summary band (metrics.json `summary.trends` keys).
public enum HeadlineMetric: String, CaseIterable, Sendable {
    /// `active_users`.
    case activeUsers = "active_users"
    /// `new_users`.
    case newUsers = "new_users"
    /// `reached_users` (null without statuses).
    case reachedUsers = "reached_users"
    /// `messages_received`.
    case messagesReceived = "messages_received"
    /// `messages_sent`.
    case messagesSent = "messages_sent"
    /// `goal_completions`: distinct contacts with any goal completed (services without Journeys).
    case goalCompletions = "goal_completions"
    /// `journey_completions`: completed runs started in the period (services with Journeys).
    case journeyCompletions = "journey_completions"
    /// `median_first_response_minutes`.
    case medianFirstResponseMinutes = "median_first_response_minutes"
    /// `conversations_closed`: transitions to closed in the period.
    case conversationsClosed = "conversations_closed"

    /// Whether its values are counts (integers); the median is in exact minutes.
    public var isCount: Bool { self != .medianFirstResponseMinutes }
}

/// One period of a headline's trend: its days and the value that period's own report shows
/// (nil when it ends before the first stored data, or when the report shows null).
public struct TrendPoint: Equatable, Sendable {
    /// The period.
    public let period: TrendPeriod
    /// Its value.
    public let value: Double?

    /// Creates a point.
    public init(period: TrendPeriod, value: Double?) {
        self.period = period
        self.value = value
    }
}

/// A headline number of the summary band: its value, the previous period's, and its trend.
public struct SummaryHeadline: Equatable, Sendable {
    /// Which number.
    public let metric: HeadlineMetric
    /// The report's value (nil when the report shows null).
    public let value: Double?
    /// The previous period's value (nil when unknown or null).
    public let previous: Double?
    /// The ``ReportPeriod/trendLength`` periods ending with the report's, oldest first; nil
    /// when the source read no trend (`PeriodData.trend` nil).
    public let trend: [TrendPoint]?

    /// Creates a headline.
    public init(metric: HeadlineMetric, value: Double?, previous: Double?, trend: [TrendPoint]?) {
        self.metric = metric
        self.value = value
        self.previous = previous
        self.trend = trend
    }

    /// The change against the previous period; nil when either value is unknown.
    public var change: Change? {
        guard let value, let previous else { return nil }
        return Change(current: value, previous: previous)
    }
}

/// The period at a glance (METRICS.md "Summary"): the headline numbers with their change and
/// a year of trend, and the facts the summary's sentences are made of.
public struct SummaryMetrics: Equatable, Sendable {
    /// The band's numbers, in band order: active, new and reached users, messages received
    /// and sent, goal or Journey completions, median first response, conversations closed.
    public let headlines: [SummaryHeadline]
    /// The outcomes of the sentence rules (`SummaryFact.facts`), in sentence order.
    public let facts: [SummaryFact]

    /// Creates the summary from its parts.
    public init(headlines: [SummaryHeadline], facts: [SummaryFact]) {
        self.headlines = headlines
        self.facts = facts
    }

    /// No headline and no fact.
    public static let empty = SummaryMetrics(headlines: [], facts: [])

    /// A headline by metric.
    public func headline(_ metric: HeadlineMetric) -> SummaryHeadline? {
        headlines.first { $0.metric == metric }
    }

    /// Which completions a report leads with: Journey completions when the service has any
    /// Journey run stored, else goal completions.
    public static func completionsMetric(journeysImported: Bool) -> HeadlineMetric {
        journeysImported ? .journeyCompletions : .goalCompletions
    }

    /// The summary of a report built from its sections alone: no trend, and no previous value
    /// where the sections hold none (completions, conversations closed); goal completions
    /// (distinct contacts) are unknown without the goal events.
    public init(report: Report) {
        self.init(report: report, figures: Figures(report: report), trend: nil)
    }

    /// The summary of a report from the period data it was built from: the previous values the
    /// sections do not hold, and the trend of `data.trend` (the earlier periods' counts and the
    /// rows their median first response and closes come from; `businessHours` apply to them as
    /// to the report).
    public init(report: Report, data: PeriodData, businessHours: BusinessHours?) {
        var aggregate = SummaryAggregate(data: data)
        if let input = data.trend {
            aggregate.trend?.firstResponseMedians = TrendAggregate.firstResponseMedians(
                of: data.period, input: input, calendar: data.calendar, businessHours: businessHours)
        }
        self.init(report: report, aggregate: aggregate, period: data.period, calendar: data.calendar)
    }

    /// The summary of a report from its summary aggregate: the previous values the sections do
    /// not hold, and the trend of `aggregate.trend` (a trend without `firstResponseMedians`
    /// has null medians).
    public init(report: Report, aggregate: SummaryAggregate, period: ReportPeriod, calendar: ReportCalendar) {
        var figures = Figures(report: report)
        figures.goalCompletions = Double(aggregate.goalCompleters)
        figures.previous[.conversationsClosed] = Double(aggregate.previousConversationsClosed)
        let previousCounts = aggregate.trend?.counts(of: TrendPeriod(period.previous))
        figures.previous[.goalCompletions] = previousCounts.map { Double($0.goalCompletions) }
        figures.previous[.journeyCompletions] = previousCounts.map { Double($0.journeyCompletions) }
        let trend = aggregate.trend.map { Self.trend(of: period, aggregate: $0, calendar: calendar) }
        figures.currentHasData = aggregate.trend?.firstDataAt.map { period.instants(in: calendar).upperBound > $0 } ?? false
        self.init(report: report, figures: figures, trend: trend)
    }

    private init(report: Report, figures: Figures, trend: [HeadlineMetric: [TrendPoint]]?) {
        let completions = Self.completionsMetric(journeysImported: report.journeysImported)
        let metrics: [HeadlineMetric] = [
            .activeUsers, .newUsers, .reachedUsers, .messagesReceived, .messagesSent, completions,
            .medianFirstResponseMinutes, .conversationsClosed,
        ]
        let headlines = metrics.map { metric in
            let value = figures.value(metric)
            return SummaryHeadline(
                metric: metric, value: value, previous: figures.previous[metric] ?? nil,
                trend: trend.map {
                    ($0[metric] ?? []) + [
                        TrendPoint(period: TrendPeriod(report.period), value: figures.currentHasData ? value : nil)
                    ]
                })
        }
        self.init(
            headlines: headlines,
            facts: SummaryFact.facts(
                headlines: headlines, journeys: report.journeys, busiest: report.engagement.busiestSlot))
    }

    /// The earlier periods' points of each metric (the current period is added by the caller).
    static func trend(
        of period: ReportPeriod, aggregate: TrendAggregate, calendar: ReportCalendar
    ) -> [HeadlineMetric: [TrendPoint]] {
        var points: [HeadlineMetric: [TrendPoint]] = [:]
        for trendPeriod in period.trendPeriods.dropLast() {
            let range = trendPeriod.instants(in: calendar)
            let hasData = aggregate.firstDataAt.map { range.upperBound > $0 } ?? false
            let counts = hasData ? aggregate.counts(of: trendPeriod) : nil
            var values: [HeadlineMetric: Double?] = [:]
            if let counts {
                values[.activeUsers] = Double(counts.activeUsers)
                values[.newUsers] = Double(counts.newUsers)
                values[.reachedUsers] = counts.reachedUsers.map(Double.init)
                values[.messagesReceived] = Double(counts.messagesReceived)
                values[.messagesSent] = Double(counts.messagesSent)
                values[.goalCompletions] = Double(counts.goalCompletions)
                values[.journeyCompletions] = Double(counts.journeyCompletions)
            }
            if hasData {
                values[.medianFirstResponseMinutes] = aggregate.firstResponseMedians?[trendPeriod]
                values[.conversationsClosed] = aggregate.conversationsClosed[trendPeriod].map(Double.init)
            }
            for metric in HeadlineMetric.allCases {
                points[metric, default: []].append(TrendPoint(period: trendPeriod, value: values[metric] ?? nil))
            }
        }
        return points
    }
}

/// The report's own values (and previous values) of the headline metrics.
private struct Figures {
    var values: [HeadlineMetric: Double?] = [:]
    var previous: [HeadlineMetric: Double?] = [:]
    var goalCompletions: Double?
    /// Whether the report's period ends after the first stored data (its trend point is null
    /// otherwise, like any other period's).
    var currentHasData = false

    init(report: Report) {
        values[.activeUsers] = Double(report.audience.activeUsers)
        previous[.activeUsers] = Double(report.audience.previous.activeUsers)
        values[.newUsers] = Double(report.audience.newUsers)
        previous[.newUsers] = Double(report.audience.previous.newUsers)
        values[.reachedUsers] = report.reach.reachedUsers.map(Double.init)
        previous[.reachedUsers] = report.reach.previousReachedUsers.map(Double.init)
        values[.messagesReceived] = Double(report.engagement.messagesReceived)
        previous[.messagesReceived] = Double(report.engagement.previous.messagesReceived)
        values[.messagesSent] = Double(report.engagement.messagesSent)
        previous[.messagesSent] = Double(report.engagement.previous.messagesSent)
        values[.journeyCompletions] = Double(report.journeys.totalCompleted)
        values[.medianFirstResponseMinutes] = report.responseTimes.medianFirstResponseMinutes
        previous[.medianFirstResponseMinutes] = report.previousResponseTimes.medianFirstResponseMinutes
        values[.conversationsClosed] = Double(report.conversations.closed)
    }

    func value(_ metric: HeadlineMetric) -> Double? {
        metric == .goalCompletions ? goalCompletions : (values[metric] ?? nil)
    }
}
