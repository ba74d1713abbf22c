/// A period's outbound messages by delivery state as counts (see `DeliveryTally`): what the
/// reach block is built from, with the one or two middle values of the minutes-to-read median.
/// `DeliveryAggregate(tally:)` reduces a tally; a warehouse counts it in SQL.
public struct DeliveryAggregate: Equatable, Sendable {
    /// Per day of the period, its messages by state.
    public var daily: [DeliveryCounts]
    /// Per author type (indexed like `AuthorType.allCases`), its messages by state.
    public var byAuthorType: [DeliveryCounts]
    /// Distinct contacts with a `delivered` or `read` message.
    public var reachedUsers: Int
    /// The read messages (those whose minutes to read make the median).
    public var readMessages: Int
    /// The one or two middle minutes-to-read values, ascending; empty when none was read.
    public var middleReadMinutes: [Double]
    /// Failed messages by the trimmed error of their newest `failed` status (`(none)` when
    /// empty or missing).
    public var failures: [String: Int]

    /// Creates the aggregate from its values.
    public init(
        daily: [DeliveryCounts], byAuthorType: [DeliveryCounts], reachedUsers: Int, readMessages: Int,
        middleReadMinutes: [Double], failures: [String: Int]
    ) {
        self.daily = daily
        self.byAuthorType = byAuthorType
        self.reachedUsers = reachedUsers
        self.readMessages = readMessages
        self.middleReadMinutes = middleReadMinutes
        self.failures = failures
    }

    /// Reduces a tally.
    public init(tally: DeliveryTally) {
        self.init(
            daily: tally.daily, byAuthorType: tally.byAuthorType, reachedUsers: tally.reached.count,
            readMessages: tally.readDelays.count, middleReadMinutes: middleValues(ofSorted: tally.readDelays.sorted()),
            failures: tally.failures)
    }

    /// Whether a counted message had at least one status.
    public var sawStatus: Bool {
        daily.contains { $0.messages != $0.noStatus }
    }

    /// Failed messages counted per raw error (as a warehouse groups them), trimmed as the
    /// tally trims them; errors that trim alike add up.
    public static func failures(byRawError raw: [(error: String?, count: Int)]) -> [String: Int] {
        raw.reduce(into: [:]) { result, entry in result[trimmedLabel(entry.error, empty: "(none)"), default: 0] += entry.count }
    }
}

extension ReachMetrics {
    /// Builds the block from a period's delivery aggregate (as `init(tally:statusesStored:
    /// previousReachedUsers:)` does from the tally).
    public init(aggregate: DeliveryAggregate, period: ReportPeriod, statusesStored: Bool, previousReachedUsers: Int?) {
        self.init(
            reachedUsers: statusesStored || aggregate.sawStatus ? aggregate.reachedUsers : nil,
            previousReachedUsers: previousReachedUsers,
            delivery: aggregate.daily.reduce(into: DeliveryCounts()) { $0.merge($1) },
            medianMinutesToRead: median(aggregate.middleReadMinutes),
            daily: aggregate.daily.enumerated().map { index, counts in
                DailyDelivery(date: period.from.adding(days: index), counts: counts)
            },
            byAuthorType: zip(AuthorType.allCases, aggregate.byAuthorType).map { AuthorTypeDelivery(authorType: $0, counts: $1) },
            failures: TopList(counts: aggregate.failures, limit: Self.failureLimit).top)
    }
}
