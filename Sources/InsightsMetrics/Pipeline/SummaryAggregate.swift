/// What the summary band needs beyond the report's own blocks, as counts: the period's goal
/// completers, the previous period's closes, and the earlier periods' headline counts. What a
/// warehouse returns for the summary; `SummaryMetrics(report:aggregate:period:calendar:)`
/// builds the band from it.
public struct SummaryAggregate: Equatable, Sendable {
    /// `goal_completions`: distinct contacts with a `completed` goal event in the period.
    public var goalCompleters: Int
    /// The previous period's `conversations_closed` (transitions to closed in it).
    public var previousConversationsClosed: Int
    /// The earlier periods' counts; nil when the source read no trend (the band then shows
    /// none).
    public var trend: TrendAggregate?

    /// Creates the aggregate from its parts.
    public init(goalCompleters: Int, previousConversationsClosed: Int, trend: TrendAggregate?) {
        self.goalCompleters = goalCompleters
        self.previousConversationsClosed = previousConversationsClosed
        self.trend = trend
    }

    /// No completer, no close, no trend.
    public static let empty = SummaryAggregate(goalCompleters: 0, previousConversationsClosed: 0, trend: nil)

    /// Counts the period data's rows (the SQLite path's reduction). The trend's
    /// `firstResponseMedians` is left nil: the medians depend on `--business-hours`, which
    /// is not data (`Report(data:aggregates:…)` computes them from `data.trend`'s rows).
    public init(data: PeriodData) {
        let instants = data.instants
        let completers = Set(data.goalEvents.filter { $0.kind == .completed && instants.contains($0.timestamp) }.map(\.contact))
        self.init(
            goalCompleters: completers.count,
            previousConversationsClosed: ConversationMetrics(
                period: data.period.previous.instants(in: data.calendar), spans: data.previousConversationSpans
            ).closed,
            trend: data.trend.map { TrendAggregate(input: $0, calendar: data.calendar) })
    }
}

/// The summary trend's earlier periods as counts: per period counted
/// (`ReportPeriod.summaryCountPeriods`) its headline counts and its closes, and the instant
/// of the first stored data.
public struct TrendAggregate: Equatable, Sendable {
    /// The periods counted: `ReportPeriod.summaryCountPeriods`.
    public var periods: [TrendPeriod]
    /// One entry per period of `periods`.
    public var counts: [TrendCounts]
    /// The earliest instant of any stored message, conversation event, goal event or Journey
    /// run, over all data (not only a segment's); nil when nothing is stored. A period that
    /// ends at or before it has null values.
    public var firstDataAt: Instant?
    /// Per period of `periods`: `conversations_closed`, transitions to closed in it.
    public var conversationsClosed: [TrendPeriod: Int]
    /// Per earlier trend period: `median_first_response_minutes` (absent when that period's
    /// report shows null).
    ///
    /// STILL FROM ROWS: nil means the source did not compute it, and
    /// `Report(data:aggregates:…)` computes it from `PeriodData.trend`'s conversation spans
    /// and coach messages (`firstResponseMedians(of:input:calendar:businessHours:)`). It is
    /// to be filled from the response-time aggregate once the engine computes one per period.
    public var firstResponseMedians: [TrendPeriod: Double]?

    /// Creates the aggregate from its parts.
    public init(
        periods: [TrendPeriod], counts: [TrendCounts], firstDataAt: Instant?, conversationsClosed: [TrendPeriod: Int],
        firstResponseMedians: [TrendPeriod: Double]? = nil
    ) {
        self.periods = periods
        self.counts = counts
        self.firstDataAt = firstDataAt
        self.conversationsClosed = conversationsClosed
        self.firstResponseMedians = firstResponseMedians
    }

    /// Counts a trend's rows (the SQLite path's reduction): the counts as read, and the
    /// closes of each period from the conversation spans that overlap it.
    public init(input: TrendInput, calendar: ReportCalendar) {
        var closed: [TrendPeriod: Int] = [:]
        for period in input.periods {
            let range = period.instants(in: calendar)
            // Lazily: a copy of the spans of each period held as many as the input (a million
            // on a large helpline).
            let spans = input.conversationSpans.lazy.filter {
                $0.openedAt < range.upperBound && ($0.closedAt ?? .max) >= range.lowerBound
            }
            closed[period] = ConversationMetrics(period: range, spans: spans).closed
        }
        self.init(periods: input.periods, counts: input.counts, firstDataAt: input.firstDataAt, conversationsClosed: closed)
    }

    /// The counts of a period, if it was counted.
    public func counts(of period: TrendPeriod) -> TrendCounts? {
        periods.firstIndex(of: period).map { counts[$0] }
    }

    /// The median first response of each earlier trend period of `period`, from rows (the
    /// spans that overlap it and its coach messages; closes only credit coaches, which the
    /// summary does not show), with the rules and the arithmetic of
    /// `ResponseTimeMetrics.medianFirstResponseMinutes`. Periods whose median is null are
    /// absent.
    public static func firstResponseMedians(
        of period: ReportPeriod, input: TrendInput, calendar: ReportCalendar, businessHours: BusinessHours?
    ) -> [TrendPeriod: Double] {
        var medians: [TrendPeriod: Double] = [:]
        for trendPeriod in period.trendPeriods.dropLast() {
            let range = trendPeriod.instants(in: calendar)
            let clock = businessHours.map { BusinessClock(hours: $0, calendar: calendar, window: range) }
            var minutes: [Double] = []
            FirstResponseMatch(period: range, spans: input.conversationSpans).forEachWait(
                coachMessages: input.coachMessages, clock: clock
            ) { waited in
                if let waited { minutes.append(Double(waited) / Double(60 * microsecondsPerSecond)) }
            }
            medians[trendPeriod] = median(minutes)
        }
        return medians
    }
}
