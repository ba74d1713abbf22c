/// A period's response times as counts (see `ResponseTimeMetrics`): what the block needs,
/// a few values per coach whatever the number of conversations.
///
/// Waits are exact microseconds (business microseconds with business hours); the block turns
/// them into minutes (÷ 60 000 000) exactly as the row path does, so both give the same bits.
/// The SQLite path reduces its rows to it (`init(period:spans:coachMessages:closes:…)`); a
/// warehouse computes it in SQL.
public struct ResponseTimeAggregate: Equatable, Sendable {
    /// Conversations opened by an inbound message in the period.
    public var openedByUsers: Int
    /// Of those, the ones with a first coach response.
    public var answered: Int
    /// Answered conversations per bucket, in `ResponseTimeBucket.allCases` order (six counts).
    public var buckets: [Int]
    /// The middle wait (odd `answered`) or the two middle waits (even), ascending; empty when
    /// none was answered.
    public var middleWaits: [Int64]
    /// The ⌈0.9·n⌉-th smallest wait (nearest rank); nil when none was answered.
    public var p90Wait: Int64?
    /// Every coach author with a message in the period (keys of type `coach`).
    public var coaches: [AuthorKey: CoachResponseCounts]
    /// The newest stored name of each coach id of `coaches` that has one.
    public var names: [String: String]
    /// The `--business-hours` text the waits were measured with; nil without business hours.
    public var businessHours: String?

    /// Creates the aggregate from its parts.
    public init(
        openedByUsers: Int, answered: Int, buckets: [Int], middleWaits: [Int64], p90Wait: Int64?,
        coaches: [AuthorKey: CoachResponseCounts], names: [String: String], businessHours: String?
    ) {
        self.openedByUsers = openedByUsers
        self.answered = answered
        self.buckets = buckets
        self.middleWaits = middleWaits
        self.p90Wait = p90Wait
        self.coaches = coaches
        self.names = names
        self.businessHours = businessHours
    }

    /// A period without any conversation opened by a user and without coach messages.
    public static func empty(businessHours: String? = nil) -> ResponseTimeAggregate {
        ResponseTimeAggregate(
            openedByUsers: 0, answered: 0, buckets: Array(repeating: 0, count: ResponseTimeBucket.allCases.count),
            middleWaits: [], p90Wait: nil, coaches: [:], names: [:], businessHours: businessHours)
    }

    /// The median first response in minutes (what the summary's trend shows per period); nil
    /// when none was answered.
    public var medianFirstResponseMinutes: Double? { medianMinutes(middleWaits) }

    /// Reduces a period's rows with the rules of
    /// `ResponseTimeMetrics(period:spans:coachMessages:closes:coachNames:businessHours:calendar:)`
    /// (same parameters): the SQLite path's aggregate.
    public init<S: Sequence>(
        period: Range<Instant>, spans: S, coachMessages: [CoachMessageRow], closes: [CloseEventRow],
        coachNames: [String: String], businessHours: BusinessHours? = nil, calendar: ReportCalendar
    ) where S.Element == ConversationSpan {
        let clock = businessHours.map { BusinessClock(hours: $0, calendar: calendar, window: period) }
        // Users per coach in a hash set: a bitset per coach costs an eighth of the largest
        // contact key each (300 coaches of a million contacts: 37 MB).
        var tallies: [AuthorKey: (replies: Int, users: Set<ContactKey>, waits: [Int64], closes: Int)] = [:]
        for message in coachMessages where period.contains(message.timestamp) {
            let key = AuthorKey(type: .coach, id: message.authorID, name: message.authorName)
            tallies[key, default: (0, [], [], 0)].replies += 1
            tallies[key]?.users.insert(message.contact)
        }
        var opened = 0
        var waits: [Int64] = []
        var buckets = Array(repeating: 0, count: ResponseTimeBucket.allCases.count)
        let match = FirstResponseMatch(period: period, spans: spans)
        match.forEachOpened(coachMessages: coachMessages, clock: clock) { _, response, waited in
            opened += 1
            guard let response, let waited else { return }
            waits.append(waited)
            buckets[ResponseTimeBucket(microseconds: waited).index] += 1
            let key = AuthorKey(type: .coach, id: response.authorID, name: response.authorName)
            tallies[key]?.waits.append(waited)
        }
        for (key, count) in match.effectiveCloses(closes) {
            tallies[key]?.closes += count
        }
        waits.sort()
        let ids = Set(tallies.keys.compactMap(\.id))
        self.init(
            openedByUsers: opened, answered: waits.count, buckets: buckets, middleWaits: middleValues(ofSorted: waits),
            p90Wait: waits.isEmpty ? nil : waits[(9 * waits.count + 9) / 10 - 1],
            coaches: tallies.mapValues { tally in
                CoachResponseCounts(
                    replies: tally.replies, users: tally.users.count, firstResponses: tally.waits.count,
                    middleWaits: middleValues(ofSorted: tally.waits.sorted()), closes: tally.closes)
            },
            names: coachNames.filter { ids.contains($0.key) }, businessHours: businessHours?.text)
    }
}

/// One coach's counts in a period (see `CoachResponses`).
public struct CoachResponseCounts: Equatable, Sendable {
    /// Their coach messages in the period.
    public var replies: Int
    /// Distinct contacts they wrote to in the period.
    public var users: Int
    /// Conversations whose first coach response was theirs.
    public var firstResponses: Int
    /// The one or two middle waits (microseconds, ascending) of those; empty when none.
    public var middleWaits: [Int64]
    /// `closed` events of the period with their id as actor that closed an open conversation.
    public var closes: Int

    /// Creates the counts.
    public init(replies: Int, users: Int, firstResponses: Int, middleWaits: [Int64], closes: Int) {
        self.replies = replies
        self.users = users
        self.firstResponses = firstResponses
        self.middleWaits = middleWaits
        self.closes = closes
    }
}

/// Waits in microseconds as exact minutes (÷ 60 000 000), as the row path converts them.
private func minutes(_ wait: Int64) -> Double {
    Double(wait) / Double(60 * microsecondsPerSecond)
}

/// The median of the one or two middle waits, in minutes (the mean of two middle values in
/// minutes, as `median` computes it); nil for none.
private func medianMinutes(_ middle: [Int64]) -> Double? {
    switch middle.count {
    case 0: nil
    case 1: minutes(middle[0])
    default: (minutes(middle[0]) + minutes(middle[1])) / 2
    }
}

extension ResponseTimeMetrics {
    /// Builds the block from a period's aggregate (the same numbers as the row-based init
    /// gives for the rows the aggregate was reduced from).
    public init(aggregate: ResponseTimeAggregate) {
        let coaches = aggregate.coaches.map { key, counts in
            CoachResponses(
                authorID: key.id, name: key.id.map { aggregate.names[$0] ?? $0 } ?? key.groupName ?? "(unnamed)",
                replies: counts.replies, users: counts.users, firstResponses: counts.firstResponses,
                medianFirstResponseMinutes: medianMinutes(counts.middleWaits), closes: counts.closes)
        }
        self.init(
            openedByUsers: aggregate.openedByUsers, answeredByCoach: aggregate.answered,
            unanswered: aggregate.openedByUsers - aggregate.answered,
            medianFirstResponseMinutes: medianMinutes(aggregate.middleWaits),
            p90FirstResponseMinutes: aggregate.p90Wait.map(minutes), businessHours: aggregate.businessHours,
            buckets: zip(ResponseTimeBucket.allCases, aggregate.buckets).map {
                ResponseTimeBucketCount(bucket: $0, conversations: $1)
            },
            coaches: coaches.sorted(by: CoachResponses.ranking))
    }
}

extension PeriodData {
    /// The response-time aggregates of the period and of the previous period, from the rows
    /// (`coachNames` resolves the coaches of both).
    func responseTimeAggregates(
        businessHours: BusinessHours?
    ) -> (current: ResponseTimeAggregate, previous: ResponseTimeAggregate) {
        (
            ResponseTimeAggregate(
                period: instants, spans: conversationSpans, coachMessages: coachMessages, closes: closeEvents,
                coachNames: coachNames, businessHours: businessHours, calendar: calendar),
            ResponseTimeAggregate(
                period: period.previous.instants(in: calendar), spans: previousConversationSpans,
                coachMessages: previousCoachMessages, closes: previousCloseEvents, coachNames: coachNames,
                businessHours: businessHours, calendar: calendar)
        )
    }
}
