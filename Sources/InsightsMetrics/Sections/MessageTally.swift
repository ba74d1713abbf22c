/// One pass over a period's messages: the counts the audience, engagement and authorship
/// blocks are made of.
///
/// Feed it every stored message whose timestamp lies in the period (`add(_:)`), in any
/// order; rows outside the period's days are ignored. It keeps per-day sets of contact keys
/// (integers), never strings, so memory grows with distinct users per day, not messages.
public struct MessageTally: Sendable {
    /// The period counted.
    public let period: ReportPeriod
    /// The zone days and hours are local to.
    public let calendar: ReportCalendar
    /// Per day of the period: the contacts with an inbound message that day.
    public private(set) var dailyActive: [Set<ContactKey>]
    /// Per day: inbound (received) messages.
    public private(set) var dailyReceived: [Int]
    /// Per day: outbound (sent) messages.
    public private(set) var dailySent: [Int]
    /// Received messages by local weekday (Monday first) × hour.
    public private(set) var heatmap: [[Int]]
    /// Sent messages per author.
    public private(set) var authors: [AuthorKey: Int]

    /// Creates an empty tally for a period in a zone.
    public init(period: ReportPeriod, calendar: ReportCalendar) {
        self.period = period
        self.calendar = calendar
        let days = period.dayCount
        dailyActive = Array(repeating: [], count: days)
        dailyReceived = Array(repeating: 0, count: days)
        dailySent = Array(repeating: 0, count: days)
        heatmap = Array(repeating: Array(repeating: 0, count: 24), count: 7)
        authors = [:]
    }

    /// Counts one message.
    public mutating func add(_ row: MessageRow) {
        let local = calendar.localSeconds(at: row.timestamp)
        let day = LocalDate(dayNumber: floorDiv(local, 86_400))
        let index = Int(day.dayNumber - period.from.dayNumber)
        guard index >= 0, index < dailyActive.count else { return }
        if row.inbound {
            dailyActive[index].insert(row.contact)
            dailyReceived[index] += 1
            let hour = Int((local - day.dayNumber * 86_400) / 3600)
            heatmap[day.weekdayFromMonday][hour] += 1
        } else {
            dailySent[index] += 1
            let key = AuthorKey(type: row.authorType, id: row.authorID, name: row.authorName)
            authors[key, default: 0] += 1
        }
    }

    /// Adds every row of a sequence.
    public mutating func add<S: Sequence>(contentsOf rows: S) where S.Element == MessageRow {
        for row in rows { add(row) }
    }

    /// The distinct contacts with an inbound message in the period.
    public var activeContacts: Set<ContactKey> {
        dailyActive.reduce(into: Set<ContactKey>()) { $0.formUnion($1) }
    }

    /// Received messages in the period.
    public var received: Int { dailyReceived.reduce(0, +) }

    /// Sent messages in the period.
    public var sent: Int { dailySent.reduce(0, +) }
}

/// How sent messages are grouped into authors: by type, then by `author_id` when present,
/// else by `author_name`, else together as "(unnamed)".
public struct AuthorKey: Hashable, Sendable {
    /// The author type (nil only for malformed outbound rows, which import rejects).
    public let type: AuthorType?
    /// The author's id, when the message has one.
    public let id: String?
    /// The name that groups messages with no id (nil when they have an id).
    public let groupName: String?

    /// Creates the key of a message's author.
    public init(type: AuthorType?, id: String?, name: String?) {
        self.type = type
        self.id = id
        self.groupName = id == nil ? name : nil
    }
}
