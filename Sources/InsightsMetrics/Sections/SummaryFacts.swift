/// One Journey's completion rate, as a summary sentence names it.
public struct JourneyRate: Equatable, Sendable {
    /// `journey_id`.
    public let journeyID: String
    /// Its name.
    public let name: String
    /// `completed`.
    public let completed: Int
    /// `runs_started`.
    public let runsStarted: Int

    /// `completion_rate`: `completed / runs_started`.
    public var rate: Double { runsStarted == 0 ? 0 : Double(completed) / Double(runsStarted) }

    /// Creates a rate.
    public init(journeyID: String, name: String, completed: Int, runsStarted: Int) {
        self.journeyID = journeyID
        self.name = name
        self.completed = completed
        self.runsStarted = runsStarted
    }
}

/// The outcome of one summary sentence rule: which rule, which metric, which numbers. The
/// page's templates turn it into words (`templates/summary/sentence.mustache`), so a
/// programme can reword or translate the sentences; every number is one of the report.
public enum SummaryFact: Equatable, Sendable {
    /// A headline moved against the previous period: `fraction` is the signed relative
    /// change, `(value − previous) / previous` (previous > 0).
    case change(HeadlineMetric, value: Double, previous: Double, fraction: Double)
    /// A headline was 0 in the previous period and is `value` (> 0) now.
    case fromZero(HeadlineMetric, value: Double)
    /// A headline has the same value as in the previous period.
    case unchanged(HeadlineMetric, value: Double)
    /// A headline has a value now but none in the previous period (a median of nothing).
    case noPrevious(HeadlineMetric, value: Double)
    /// A headline has no value in the period (no status stored, nothing answered).
    case noData(HeadlineMetric)
    /// The Journeys with the highest and the lowest completion rate (two different Journeys,
    /// different rates).
    case journeys(best: JourneyRate, worst: JourneyRate)
    /// Every Journey started had the same completion rate (two or more Journeys).
    case journeysAlike(rate: Double, journeys: Int)
    /// Only one Journey had runs started.
    case onlyJourney(JourneyRate)
    /// The weekday hour with most messages received.
    case busiestHour(HeatmapSlot)

    /// The most sentences the headline rules give when the Journeys and the busiest hour
    /// give theirs.
    public static let changeSentences = 2
    /// The fewest sentences in all.
    public static let minimumSentences = 3

    /// The sentence rules (README "The period at a glance"), applied in this order:
    ///
    /// 1. Headlines: each headline falls in one class, ranked: a change (both values known,
    ///    previous > 0, value different), by the size of the change in percent rounded to one
    ///    decimal, largest first; then from 0; then no previous value; then unchanged; then no
    ///    data. Ties keep the band's order. The first ``changeSentences`` are taken, more when
    ///    the rules below give too few for ``minimumSentences`` in all.
    /// 2. Journeys (those with runs started): the best and the worst completion rate (ties:
    ///    more runs started first, then the Journeys' listing order), or that all had the same
    ///    rate, or the only one's rate; nothing without Journeys.
    /// 3. The busiest weekday hour for messages received (`EngagementMetrics.busiestSlot`),
    ///    when any message was received.
    public static func facts(headlines: [SummaryHeadline], journeys: JourneyMetrics, busiest: HeatmapSlot?) -> [SummaryFact] {
        var others: [SummaryFact] = []
        if let fact = journeyFact(journeys) { others.append(fact) }
        if let busiest, busiest.count > 0 { others.append(.busiestHour(busiest)) }
        let ranked = headlines.enumerated().map { index, headline in (rank: rank(headline), index: index, headline) }
            .sorted { ($0.rank.class, -$0.rank.size, $0.index) < ($1.rank.class, -$1.rank.size, $1.index) }
            .map { headlineFact($0.2) }
        let take = max(changeSentences, minimumSentences - others.count)
        return Array(ranked.prefix(take)) + others
    }

    /// A headline's class (0 change, 1 from zero, 2 no previous, 3 unchanged, 4 no data) and
    /// the size of a change in tenths of a percent.
    private static func rank(_ headline: SummaryHeadline) -> (class: Int, size: Int) {
        guard let value = headline.value else { return (4, 0) }
        guard let previous = headline.previous else { return (2, 0) }
        if value == previous { return (3, 0) }
        if previous == 0 { return (1, 0) }
        return (0, Int((abs(value - previous) / previous * 1000).rounded()))
    }

    private static func headlineFact(_ headline: SummaryHeadline) -> SummaryFact {
        guard let value = headline.value else { return .noData(headline.metric) }
        guard let previous = headline.previous else { return .noPrevious(headline.metric, value: value) }
        if value == previous { return .unchanged(headline.metric, value: value) }
        if previous == 0 { return .fromZero(headline.metric, value: value) }
        return .change(headline.metric, value: value, previous: previous, fraction: (value - previous) / previous)
    }

    private static func journeyFact(_ metrics: JourneyMetrics) -> SummaryFact? {
        let rates = metrics.journeys.filter { $0.runsStarted > 0 }.map {
            JourneyRate(journeyID: $0.journeyID, name: $0.name, completed: $0.completed, runsStarted: $0.runsStarted)
        }
        guard let first = rates.first else { return nil }
        guard rates.count > 1 else { return .onlyJourney(first) }
        // Listing order is the last tie-break: positions in `rates`.
        let ordered = rates.enumerated().sorted { a, b in
            a.element.rate != b.element.rate
                ? a.element.rate > b.element.rate
                : (a.element.runsStarted, b.offset) > (b.element.runsStarted, a.offset)
        }
        guard let best = ordered.first?.element, let lowest = ordered.last?.element.rate else { return nil }
        if best.rate == lowest { return .journeysAlike(rate: best.rate, journeys: rates.count) }
        let worst = ordered.filter { $0.element.rate == lowest }.sorted { a, b in
            (a.element.runsStarted, b.offset) > (b.element.runsStarted, a.offset)
        }
        guard let chosen = worst.first?.element else { return nil }
        return .journeys(best: best, worst: chosen)
    }
}
