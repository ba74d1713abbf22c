/// The furthest status stored for an outbound message, at any time (METRICS.md, "Reach,
/// delivery and consent"): `read`, else `delivered`, else `failed`, else `sent`, else
/// `noStatus`. A `read` implies delivered; a `failed` with a later `delivered` is delivered.
public enum DeliveryState: String, CaseIterable, Codable, Sendable {
    /// A `read` status is stored.
    case read
    /// `delivered` and no `read`.
    case delivered
    /// `failed` and nothing better.
    case failed
    /// Only `sent`.
    case sent
    /// No status row at all (metrics.json `no_status`).
    case noStatus = "no_status"

    /// The state of a message with these statuses.
    public init<S: Sequence>(statuses: S) where S.Element == DeliveryStatus {
        var best = DeliveryState.noStatus
        for status in statuses {
            let state = DeliveryState(status)
            if state.rank < best.rank { best = state }
        }
        self = best
    }

    init(_ status: DeliveryStatus) {
        switch status {
        case .read: self = .read
        case .delivered: self = .delivered
        case .failed: self = .failed
        case .sent: self = .sent
        }
    }

    /// 0 for the furthest state.
    private var rank: Int {
        switch self {
        case .read: 0
        case .delivered: 1
        case .failed: 2
        case .sent: 3
        case .noStatus: 4
        }
    }

    /// Delivered to the phone (`read` or `delivered`): the message reached its contact.
    public var reached: Bool { self == .read || self == .delivered }
}

/// Outbound messages counted by delivery state (metrics.json `delivery`, a day of `daily`,
/// an author type of `by_author_type`).
public struct DeliveryCounts: Equatable, Sendable {
    /// `read`.
    public var read = 0
    /// `delivered` (and not read).
    public var delivered = 0
    /// `failed` (and nothing better).
    public var failed = 0
    /// `sent` (only).
    public var sent = 0
    /// `no_status`.
    public var noStatus = 0

    /// No messages.
    public init() {}

    /// Creates counts from their values.
    public init(read: Int, delivered: Int, failed: Int, sent: Int, noStatus: Int) {
        self.read = read
        self.delivered = delivered
        self.failed = failed
        self.sent = sent
        self.noStatus = noStatus
    }

    /// Adds `count` messages in a state.
    public mutating func add(_ state: DeliveryState, count: Int = 1) {
        switch state {
        case .read: read += count
        case .delivered: delivered += count
        case .failed: failed += count
        case .sent: sent += count
        case .noStatus: noStatus += count
        }
    }

    /// Adds other counts.
    public mutating func merge(_ other: DeliveryCounts) {
        read += other.read
        delivered += other.delivered
        failed += other.failed
        sent += other.sent
        noStatus += other.noStatus
    }

    /// All messages (`messages_sent` for the period's counts; `messages` of an author type).
    public var messages: Int { read + delivered + failed + sent + noStatus }
    /// `other` of a day: `sent + noStatus`.
    public var other: Int { sent + noStatus }
    /// `(read + delivered) / (messages − noStatus)`; nil when no message has a status.
    public var deliveryRate: Double? { ratio(read + delivered, messages - noStatus) }
    /// `read / (read + delivered)`; nil when none was delivered.
    public var readRate: Double? { ratio(read, read + delivered) }
}

/// One pass over a period's outbound messages with their statuses: everything the reach block
/// is made of, without keeping the rows.
///
/// Fill it with `add(_:)` per message (rows outside the period's days are ignored), or — from
/// grouped results, as a warehouse would — with `add(date:authorType:state:count:)`,
/// `addReached(_:)`, `addReadDelays(minutes:)` and `addFailures(error:count:)`. Tallies of parts
/// of the period `merge` into the tally of the whole.
public struct DeliveryTally: Sendable {
    /// The period counted.
    public let period: ReportPeriod
    /// The zone days are local to.
    public let calendar: ReportCalendar
    /// Per day of the period, its messages by state.
    public private(set) var daily: [DeliveryCounts]
    /// Per author type (indexed like `AuthorType.allCases`), its messages by state.
    public private(set) var byAuthorType: [DeliveryCounts]
    /// Contacts with a `delivered` or `read` message.
    public private(set) var reached = ContactSet()
    /// Minutes from each read message to its earliest `read` status (negatives as 0).
    public private(set) var readDelays: [Double] = []
    /// Failed messages by the trimmed error of their newest `failed` status (`(none)` when
    /// empty or missing).
    public private(set) var failures: [String: Int] = [:]
    /// Whether a counted message had at least one status.
    public private(set) var sawStatus = false

    /// Creates an empty tally for a period in a zone.
    public init(period: ReportPeriod, calendar: ReportCalendar) {
        self.period = period
        self.calendar = calendar
        daily = Array(repeating: DeliveryCounts(), count: period.dayCount)
        byAuthorType = Array(repeating: DeliveryCounts(), count: AuthorType.allCases.count)
    }

    /// Counts one outbound message with its statuses.
    public mutating func add(_ row: OutboundDeliveryRow) {
        let date = calendar.localDate(at: row.timestamp)
        guard period.contains(date) else { return }
        let state = DeliveryState(statuses: row.statuses.map(\.status))
        add(date: date, authorType: row.authorType, state: state)
        if state.reached { addReached(row.contact) }
        switch state {
        case .read:
            let earliest = row.statuses.lazy.filter { $0.status == .read }.map(\.timestamp).min() ?? row.timestamp
            addReadDelays(minutes: [Double(max(0, earliest - row.timestamp)) / 60_000_000])
        case .failed:
            let newest = row.statuses.filter { $0.status == .failed }.max {
                ($0.timestamp, $0.error ?? "") < ($1.timestamp, $1.error ?? "")
            }
            addFailures(error: newest?.error)
        case .delivered, .sent, .noStatus:
            break
        }
    }

    /// Adds every row of a sequence.
    public mutating func add<S: Sequence>(contentsOf rows: S) where S.Element == OutboundDeliveryRow {
        for row in rows { add(row) }
    }

    /// Counts `count` messages of a local day (ignored outside the period), an author type and a
    /// state. Any state but `noStatus` notes that statuses exist.
    public mutating func add(date: LocalDate, authorType: AuthorType, state: DeliveryState, count: Int = 1) {
        guard period.contains(date) else { return }
        daily[Int(date.dayNumber - period.from.dayNumber)].add(state, count: count)
        byAuthorType[authorIndex(authorType)].add(state, count: count)
        if state != .noStatus { sawStatus = true }
    }

    /// Notes a contact with a delivered or read message.
    public mutating func addReached(_ contact: ContactKey) {
        reached.insert(contact)
    }

    /// Adds the minutes to read of read messages (negatives count as 0).
    public mutating func addReadDelays(minutes: [Double]) {
        readDelays += minutes.map { max(0, $0) }
    }

    /// Adds `count` failed messages whose newest failed status has this error.
    public mutating func addFailures(error: String?, count: Int = 1) {
        failures[trimmedLabel(error, empty: "(none)"), default: 0] += count
    }

    /// Adds the counts of another tally of the same period (other messages).
    public mutating func merge(_ other: DeliveryTally) {
        precondition(other.period == period, "tallies of different periods")
        for index in daily.indices { daily[index].merge(other.daily[index]) }
        for index in byAuthorType.indices { byAuthorType[index].merge(other.byAuthorType[index]) }
        reached.formUnion(other.reached)
        readDelays += other.readDelays
        for (error, count) in other.failures { failures[error, default: 0] += count }
        sawStatus = sawStatus || other.sawStatus
    }

    /// Counts as `noStatus` the period's sent messages not counted yet, for a source that
    /// reads only the messages with a status (`add(_:)`) and knows how many were sent: per day
    /// of the period `sentPerDay` (one count per day) and per author type `sentPerAuthorType`
    /// (one per `AuthorType.allCases`), less the messages counted so far.
    public mutating func addMessagesWithoutStatus(sentPerDay: [Int], sentPerAuthorType: [Int]) {
        precondition(sentPerDay.count == daily.count && sentPerAuthorType.count == byAuthorType.count, "one count each")
        for index in daily.indices {
            precondition(sentPerDay[index] >= daily[index].messages, "fewer messages sent than counted")
            daily[index].noStatus += sentPerDay[index] - daily[index].messages
        }
        for index in byAuthorType.indices {
            precondition(sentPerAuthorType[index] >= byAuthorType[index].messages, "fewer messages sent than counted")
            byAuthorType[index].noStatus += sentPerAuthorType[index] - byAuthorType[index].messages
        }
    }

    /// The period's messages by state.
    public var counts: DeliveryCounts {
        daily.reduce(into: DeliveryCounts()) { $0.merge($1) }
    }

    /// `reached_users` of this tally: nil when neither it saw a status nor `statusesStored`
    /// says the store holds one.
    public func reachedUsers(statusesStored: Bool) -> Int? {
        statusesStored || sawStatus ? reached.count : nil
    }
}

private func authorIndex(_ type: AuthorType) -> Int {
    AuthorType.allCases.firstIndex(of: type) ?? 0
}

/// `numerator / denominator`, nil when the denominator is 0.
func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator)
}
