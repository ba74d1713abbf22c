/// "How are we guiding our users?" (part three): how fast a coach answers a user who writes in
/// (metrics.json `guidance.response_times`).
///
/// Only conversations **opened by an inbound message** in the period count; each such opening
/// is one conversation (a contact can have several; one a coach re-opened was waiting for no
/// one). Its **first coach response** is the first coach message to that contact at or after
/// the opening (at the very instant: 0 minutes) and not after the close that ended it (at the
/// same instant as the close still answers) and before the end of the period; coach messages
/// at the same instant are ordered by `message_id` (code-point order). Its response time is
/// the difference in exact minutes (seconds / 60); with business hours, only the time inside
/// them counts, for the median, the 90th percentile and the buckets alike.
public struct ResponseTimeMetrics: Equatable, Sendable {
    /// `opened_by_users`: conversations opened by an inbound message in the period.
    public let openedByUsers: Int
    /// `answered_by_coach`: of those, the ones with a first coach response.
    public let answeredByCoach: Int
    /// `unanswered`: the rest (handled by Journeys alone, or waiting).
    public let unanswered: Int
    /// `median_first_response_minutes`: median of the response times (mean of the middle two
    /// for an even count); nil when none was answered.
    public let medianFirstResponseMinutes: Double?
    /// `p90_first_response_minutes`: the ⌈0.9·n⌉-th smallest response time (nearest rank);
    /// nil when none was answered.
    public let p90FirstResponseMinutes: Double?
    /// `business_hours`: the option text as given; nil without business hours.
    public let businessHours: String?
    /// `buckets`: answered conversations by response time, all six buckets in order.
    public let buckets: [ResponseTimeBucketCount]
    /// `coaches`: every coach author with a message in the period, by `replies` (most first),
    /// then author id (code-point order; authors grouped by name, with no id, last), then name.
    public let coaches: [CoachResponses]

    /// Computes the block.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - spans: the conversations' open spans overlapping the period (the store's
    ///     `conversationMetrics` set: closed in or after the period, or still open, and opened
    ///     before its end); only those opened by an inbound message in the period count, and
    ///     others are ignored.
    ///   - coachMessages: the coach outbound messages of the period (rows outside it are
    ///     ignored).
    ///   - closes: the `closed` events of the period (rows outside it are ignored). A close
    ///     counts for its actor when it ended a span: a contact's spans closed at an instant
    ///     are matched to its close events at that instant in `sequence` order.
    ///   - coachNames: for each coach `author_id`, the newest name (as for top authors); an id
    ///     with none is shown by its id, messages with no id by their name, or "(unnamed)".
    ///   - businessHours: when given, only time inside them counts, local to `calendar`.
    ///   - calendar: the report's zone (read only with business hours).
    public init<S: Sequence>(
        period: Range<Instant>, spans: S, coachMessages: [CoachMessageRow], closes: [CloseEventRow],
        coachNames: [String: String], businessHours: BusinessHours? = nil, calendar: ReportCalendar
    ) where S.Element == ConversationSpan {
        let clock = businessHours.map { BusinessClock(hours: $0, calendar: calendar, window: period) }
        var coaches: [AuthorKey: CoachTally] = [:]
        for message in coachMessages where period.contains(message.timestamp) {
            coaches[Self.key(of: message), default: CoachTally()].add(message)
        }
        var opened = 0
        var times: [Double] = []
        var buckets = Array(repeating: 0, count: ResponseTimeBucket.allCases.count)
        let match = FirstResponseMatch(period: period, spans: spans)
        match.forEachOpened(coachMessages: coachMessages, clock: clock) { _, response, waited in
            opened += 1
            guard let response, let waited else { return }
            let minutes = Double(waited) / Double(60 * microsecondsPerSecond)
            times.append(minutes)
            buckets[ResponseTimeBucket(microseconds: waited).index] += 1
            coaches[Self.key(of: response), default: CoachTally()].firstResponses.append(minutes)
        }
        for (key, count) in match.effectiveCloses(closes) {
            coaches[key]?.closes += count
        }
        self.openedByUsers = opened
        self.answeredByCoach = times.count
        self.unanswered = opened - times.count
        self.medianFirstResponseMinutes = median(times)
        self.p90FirstResponseMinutes = nearestRankP90(times)
        self.businessHours = businessHours?.text
        self.buckets = zip(ResponseTimeBucket.allCases, buckets).map {
            ResponseTimeBucketCount(bucket: $0, conversations: $1)
        }
        self.coaches = coaches.map { key, tally in
            CoachResponses(
                authorID: key.id, name: key.id.map { coachNames[$0] ?? $0 } ?? key.groupName ?? "(unnamed)",
                replies: tally.replies, users: tally.users.count, firstResponses: tally.firstResponses.count,
                medianFirstResponseMinutes: median(tally.firstResponses), closes: tally.closes)
        }.sorted(by: CoachResponses.ranking)
    }

    /// Creates the block from its values.
    public init(
        openedByUsers: Int, answeredByCoach: Int, unanswered: Int, medianFirstResponseMinutes: Double?,
        p90FirstResponseMinutes: Double?, businessHours: String?, buckets: [ResponseTimeBucketCount],
        coaches: [CoachResponses]
    ) {
        self.openedByUsers = openedByUsers
        self.answeredByCoach = answeredByCoach
        self.unanswered = unanswered
        self.medianFirstResponseMinutes = medianFirstResponseMinutes
        self.p90FirstResponseMinutes = p90FirstResponseMinutes
        self.businessHours = businessHours
        self.buckets = buckets
        self.coaches = coaches
    }

    /// The headline change of the median first response against the previous period's block
    /// (computed the same way from that period's rows); nil when either median is nil. A
    /// shorter wait is `.down`.
    public func medianChange(against previous: ResponseTimeMetrics) -> Change? {
        guard let current = medianFirstResponseMinutes, let before = previous.medianFirstResponseMinutes else {
            return nil
        }
        return Change(current: current, previous: before)
    }

    private static func key(of message: CoachMessageRow) -> AuthorKey {
        AuthorKey(type: .coach, id: message.authorID, name: message.authorName)
    }
}

/// The ⌈0.9·n⌉-th smallest value (nearest rank); nil when empty.
func nearestRankP90(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let rank = (9 * values.count + 9) / 10  // ⌈9n / 10⌉
    return values.sorted()[rank - 1]
}

/// A response-time bucket; each lower bound inclusive.
public enum ResponseTimeBucket: String, CaseIterable, Sendable {
    /// Under 5 minutes.
    case under5Minutes = "<5m"
    /// 5 to 15 minutes.
    case from5To15Minutes = "5-15m"
    /// 15 to 60 minutes.
    case from15To60Minutes = "15-60m"
    /// 1 to 4 hours.
    case from1To4Hours = "1-4h"
    /// 4 to 24 hours.
    case from4To24Hours = "4-24h"
    /// 24 hours or more.
    case atLeast24Hours = ">=24h"

    /// The bucket of a response time in microseconds.
    public init(microseconds: Int64) {
        let minute = 60 * microsecondsPerSecond
        switch microseconds {
        case ..<(5 * minute): self = .under5Minutes
        case ..<(15 * minute): self = .from5To15Minutes
        case ..<(60 * minute): self = .from15To60Minutes
        case ..<(240 * minute): self = .from1To4Hours
        case ..<(1_440 * minute): self = .from4To24Hours
        default: self = .atLeast24Hours
        }
    }

    var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// One entry of `buckets`: `{"bucket", "conversations"}`.
public struct ResponseTimeBucketCount: Equatable, Sendable {
    /// `bucket`: its label (`rawValue`: `<5m` … `>=24h`).
    public let bucket: ResponseTimeBucket
    /// `conversations`: answered conversations whose response time falls in it.
    public let conversations: Int

    /// Creates an entry.
    public init(bucket: ResponseTimeBucket, conversations: Int) {
        self.bucket = bucket
        self.conversations = conversations
    }
}

/// One row of `coaches`.
public struct CoachResponses: Equatable, Sendable {
    /// `author_id`; nil for coach messages grouped by name (they had no id).
    public let authorID: String?
    /// `name`: as in top authors (newest name of the id, else the id; else the message's name,
    /// else "(unnamed)").
    public let name: String
    /// `replies`: their coach messages in the period.
    public let replies: Int
    /// `users`: distinct contacts they wrote to in the period.
    public let users: Int
    /// `first_responses`: conversations whose first coach response was theirs.
    public let firstResponses: Int
    /// `median_first_response_minutes`: over those; nil when none.
    public let medianFirstResponseMinutes: Double?
    /// `closes`: `closed` events of the period with their id as `actor_id` that closed an open
    /// conversation.
    public let closes: Int

    /// Creates a row.
    public init(
        authorID: String?, name: String, replies: Int, users: Int, firstResponses: Int,
        medianFirstResponseMinutes: Double?, closes: Int
    ) {
        self.authorID = authorID
        self.name = name
        self.replies = replies
        self.users = users
        self.firstResponses = firstResponses
        self.medianFirstResponseMinutes = medianFirstResponseMinutes
        self.closes = closes
    }

    /// Most replies first; ties by id (code-point order, ids before no id), then name.
    static func ranking(_ a: CoachResponses, _ b: CoachResponses) -> Bool {
        if a.replies != b.replies { return a.replies > b.replies }
        switch (a.authorID, b.authorID) {
        case let (x?, y?) where x != y: return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
        }
    }
}

/// A coach's counts while the block is computed.
private struct CoachTally {
    var replies = 0
    /// A hash set, not a `ContactSet`: a bitset per coach costs an eighth of the largest
    /// contact key each.
    var users: Set<ContactKey> = []
    var firstResponses: [Double] = []
    var closes = 0

    mutating func add(_ message: CoachMessageRow) {
        replies += 1
        users.insert(message.contact)
    }
}

extension ResponseTimeMetrics {
    /// The block of a period with no conversation opened by a user: zeros, nulls and the six
    /// empty buckets, without business hours.
    public static let empty = ResponseTimeMetrics(
        openedByUsers: 0, answeredByCoach: 0, unanswered: 0, medianFirstResponseMinutes: nil,
        p90FirstResponseMinutes: nil, businessHours: nil,
        buckets: ResponseTimeBucket.allCases.map { ResponseTimeBucketCount(bucket: $0, conversations: 0) }, coaches: [])

    /// `answered_by_coach / opened_by_users`; nil when no conversation was opened by a user.
    public var answeredShare: Double? {
        openedByUsers == 0 ? nil : Double(answeredByCoach) / Double(openedByUsers)
    }
}
