/// "Is our audience growing?" (reach): whether the period's outbound messages reached and were
/// read by the people they were sent to (METRICS.md, "Reach, delivery and consent" and section 6).
///
/// Each outbound message sent in the period is counted once, in its ``DeliveryState`` (the
/// furthest status stored for it, at any time, whatever the order of the statuses). Without any
/// status stored only `reachedUsers` is nil: the counts (all `no_status`) are still given and
/// the rates are nil.
public struct ReachMetrics: Equatable, Sendable {
    /// `reached_users`: distinct contacts with a `delivered` or `read` outbound message of the
    /// period; nil when the service stored no status at all.
    public let reachedUsers: Int?
    /// `reached_users` of the previous period (for the change); nil as above.
    public let previousReachedUsers: Int?
    /// `delivery`: the period's outbound messages by state (they add up to `messages_sent`).
    public let delivery: DeliveryCounts
    /// `median_minutes_to_read`: median over the read messages of (earliest `read` status −
    /// the message's timestamp) in exact minutes, negatives as 0; nil when none was read.
    public let medianMinutesToRead: Double?
    /// `daily`: one entry per day of the period, zeros included.
    public let daily: [DailyDelivery]
    /// `by_author_type`: the six author types in authorship order, zeros included.
    public let byAuthorType: [AuthorTypeDelivery]
    /// `failures`: failed messages by the error of their newest failed status (`(none)` when
    /// empty), the 5 most frequent, ties by error (code point order). Emit as
    /// `[{error: label, messages: count}]`; the rest is not listed.
    public let failures: [LabelCount]

    /// The most errors listed.
    public static let failureLimit = 5

    /// Computes the block from a period's tally.
    /// - Parameters:
    ///   - tally: the period's outbound messages.
    ///   - statusesStored: whether the store holds any status row (under a segment: any status
    ///     of the segment's messages); a tally that saw a status implies it.
    ///   - previousReachedUsers: the previous period's `reached_users`
    ///     (`DeliveryTally.reachedUsers(statusesStored:)` of its tally).
    public init(tally: DeliveryTally, statusesStored: Bool, previousReachedUsers: Int?) {
        self.reachedUsers = tally.reachedUsers(statusesStored: statusesStored)
        self.previousReachedUsers = previousReachedUsers
        self.delivery = tally.counts
        self.medianMinutesToRead = median(tally.readDelays)
        self.daily = tally.daily.enumerated().map { index, counts in
            DailyDelivery(date: tally.period.from.adding(days: index), counts: counts)
        }
        self.byAuthorType = zip(AuthorType.allCases, tally.byAuthorType).map {
            AuthorTypeDelivery(authorType: $0, counts: $1)
        }
        self.failures = TopList(counts: tally.failures, limit: Self.failureLimit).top
    }

    /// Creates the block from its values.
    public init(
        reachedUsers: Int?, previousReachedUsers: Int?, delivery: DeliveryCounts, medianMinutesToRead: Double?,
        daily: [DailyDelivery], byAuthorType: [AuthorTypeDelivery], failures: [LabelCount]
    ) {
        self.reachedUsers = reachedUsers
        self.previousReachedUsers = previousReachedUsers
        self.delivery = delivery
        self.medianMinutesToRead = medianMinutesToRead
        self.daily = daily
        self.byAuthorType = byAuthorType
        self.failures = failures
    }

    /// `messages_sent` as the delivery counts add it up.
    public var messagesSent: Int { delivery.messages }
    /// `delivery_rate`: `(read + delivered) / (messages_sent − no_status)`; nil when 0.
    public var deliveryRate: Double? { delivery.deliveryRate }
    /// `read_rate`: `read / (read + delivered)`; nil when 0.
    public var readRate: Double? { delivery.readRate }
}

/// One day of the reach block (an element of `daily`).
public struct DailyDelivery: Equatable, Sendable {
    /// `date`: the local date.
    public let date: LocalDate
    /// The day's outbound messages by state: `read`, `delivered`, `failed` are emitted as they
    /// are, `other` is `counts.other` (`sent + no_status`).
    public let counts: DeliveryCounts

    /// Creates a day.
    public init(date: LocalDate, counts: DeliveryCounts) {
        self.date = date
        self.counts = counts
    }
}

/// One author type of the reach block (an element of `by_author_type`).
public struct AuthorTypeDelivery: Equatable, Sendable {
    /// `author_type`.
    public let authorType: AuthorType
    /// Its messages by state: `messages` is `counts.messages`, `read` is `counts.read`.
    public let counts: DeliveryCounts

    /// `read_rate`: `read / (read + delivered)` of this type; nil when none was delivered.
    public var readRate: Double? { counts.readRate }

    /// Creates an author type's numbers.
    public init(authorType: AuthorType, counts: DeliveryCounts) {
        self.authorType = authorType
        self.counts = counts
    }
}
