/// The reach and consent blocks of a source that stores no statuses or no consent times.
extension ReachMetrics {
    /// The block when no status was read: every message sent is `no_status` (per day as
    /// `engagement.daily` counts them, per author type as `authorship.byType` does),
    /// `reached_users` and every rate are nil, nothing failed.
    public init(unmeasured engagement: EngagementMetrics, authorship: AuthorshipMetrics) {
        let perType = Dictionary(authorship.byType.map { ($0.authorType, $0.messages) }, uniquingKeysWith: +)
        let daily = engagement.daily.map {
            DailyDelivery(date: $0.date, counts: DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: $0.sent))
        }
        self.init(
            reachedUsers: nil, previousReachedUsers: nil,
            delivery: DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: engagement.messagesSent),
            medianMinutesToRead: nil, daily: daily,
            byAuthorType: AuthorType.allCases.map {
                AuthorTypeDelivery(
                    authorType: $0, counts: DeliveryCounts(read: 0, delivered: 0, failed: 0, sent: 0, noStatus: perType[$0] ?? 0))
            },
            failures: [])
    }

    /// Whether any status is behind the numbers (`reached_users` is not null).
    public var isMeasured: Bool { reachedUsers != nil }
}

extension ConsentMetrics {
    /// Consent when no contact has a consent time: every number nil.
    public static let unmeasured = ConsentMetrics(optIns: nil, optOuts: nil, optedInAtEnd: nil)

    /// Counts the contacts' consent times, knowing whether the source holds any at all.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - rows: every contact with a consent time (of the report's contacts).
    ///   - timesStored: whether any contact of the source has a consent time. With rows this
    ///     changes nothing; without rows it gives zeros (the source has consent times, none of
    ///     these contacts has one) instead of nulls.
    public init(period: Range<Instant>, rows: [ConsentRow], timesStored: Bool) {
        let counted = ConsentMetrics(period: period, rows: rows)
        if counted.optIns == nil, timesStored {
            self.init(optIns: 0, optOuts: 0, optedInAtEnd: 0)
        } else {
            self = counted
        }
    }

    /// Whether any consent time is behind the numbers.
    public var isMeasured: Bool { optIns != nil }
}
