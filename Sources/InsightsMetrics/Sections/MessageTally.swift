/// One pass over a period's messages: the counts the audience, engagement and authorship
/// blocks are made of.
///
/// Feed it every stored message whose timestamp lies in the period (`add(_:)`, or the
/// allocation-free `addInbound`/`addOutbound` with an interned author), in any order; rows
/// outside the period's days are ignored. Tallies of parts of the period (say, day ranges
/// counted on different threads) `merge` into the tally of the whole. It keeps per-day
/// bitsets of contact keys (`ContactSet`), never strings, so memory grows with the number of
/// contacts and days, not with messages.
public struct MessageTally: Sendable {
    /// The period counted.
    public let period: ReportPeriod
    /// The zone days and hours are local to.
    public let calendar: ReportCalendar
    /// Per day of the period: the contacts with an inbound message that day.
    public private(set) var dailyActive: [ContactSet]
    /// Per day: inbound (received) messages.
    public private(set) var dailyReceived: [Int]
    /// Per day: outbound (sent) messages.
    public private(set) var dailySent: [Int]
    /// Received messages by local weekday (Monday first) × hour.
    public private(set) var heatmap: [[Int]]
    /// The authors seen, in the order first seen; `author(_:)` gives their index.
    public private(set) var authorKeys: [AuthorKey] = []
    /// Sent messages per author, by index into `authorKeys`.
    public private(set) var authorCounts: [Int] = []
    private var authorIndex: [AuthorKey: Int] = [:]

    /// Creates an empty tally for a period in a zone.
    public init(period: ReportPeriod, calendar: ReportCalendar) {
        self.period = period
        self.calendar = calendar
        let days = period.dayCount
        dailyActive = Array(repeating: ContactSet(), count: days)
        dailyReceived = Array(repeating: 0, count: days)
        dailySent = Array(repeating: 0, count: days)
        heatmap = Array(repeating: Array(repeating: 0, count: 24), count: 7)
    }

    /// Creates a tally from counts made elsewhere (a warehouse's aggregates, say): per day of
    /// the period its active contacts, received and sent messages; received messages by local
    /// weekday (Monday first) × hour; and sent messages per author, in the order first seen.
    ///
    /// The arrays must have one entry per day (and 7 × 24 for the heatmap); an author listed
    /// twice has its counts added.
    public init(
        period: ReportPeriod, calendar: ReportCalendar, dailyActive: [ContactSet], dailyReceived: [Int],
        dailySent: [Int], heatmap: [[Int]], authors: [(key: AuthorKey, messages: Int)]
    ) {
        let days = period.dayCount
        precondition(dailyActive.count == days && dailyReceived.count == days && dailySent.count == days, "one entry per day")
        precondition(heatmap.count == 7 && heatmap.allSatisfy { $0.count == 24 }, "7 weekdays × 24 hours")
        self.period = period
        self.calendar = calendar
        self.dailyActive = dailyActive
        self.dailyReceived = dailyReceived
        self.dailySent = dailySent
        self.heatmap = heatmap
        for (key, messages) in authors { authorCounts[author(key)] += messages }
    }

    /// Sent messages per author.
    public var authors: [AuthorKey: Int] {
        Dictionary(uniqueKeysWithValues: zip(authorKeys, authorCounts))
    }

    /// The index of an author, added with no messages when new.
    public mutating func author(_ key: AuthorKey) -> Int {
        if let index = authorIndex[key] { return index }
        authorIndex[key] = authorKeys.count
        authorKeys.append(key)
        authorCounts.append(0)
        return authorKeys.count - 1
    }

    /// Counts one message.
    public mutating func add(_ row: MessageRow) {
        if row.inbound {
            addInbound(contact: row.contact, at: row.timestamp)
        } else {
            addOutbound(
                at: row.timestamp, author: author(AuthorKey(type: row.authorType, id: row.authorID, name: row.authorName)))
        }
    }

    /// Counts an inbound message.
    public mutating func addInbound(contact: ContactKey, at instant: Instant) {
        let local = calendar.localSeconds(at: instant)
        let dayNumber = floorDiv(local, 86_400)
        let index = Int(dayNumber - period.from.dayNumber)
        guard index >= 0, index < dailyReceived.count else { return }
        dailyActive[index].insert(contact)
        dailyReceived[index] += 1
        let hour = Int((local - dayNumber * 86_400) / 3600)
        heatmap[LocalDate(dayNumber: dayNumber).weekdayFromMonday][hour] += 1
    }

    /// Counts an outbound message of an author (an index from `author(_:)`).
    public mutating func addOutbound(at instant: Instant, author: Int) {
        let dayNumber = floorDiv(calendar.localSeconds(at: instant), 86_400)
        let index = Int(dayNumber - period.from.dayNumber)
        guard index >= 0, index < dailySent.count else { return }
        dailySent[index] += 1
        authorCounts[author] += 1
    }

    /// Adds every row of a sequence.
    public mutating func add<S: Sequence>(contentsOf rows: S) where S.Element == MessageRow {
        for row in rows { add(row) }
    }

    /// Adds the counts of another tally of the same period (messages it counted that this
    /// one did not: a tally of other days, say).
    public mutating func merge(_ other: MessageTally) {
        precondition(other.period == period, "tallies of different periods")
        for index in dailyActive.indices {
            dailyActive[index].formUnion(other.dailyActive[index])
            dailyReceived[index] += other.dailyReceived[index]
            dailySent[index] += other.dailySent[index]
        }
        for weekday in 0..<7 {
            for hour in 0..<24 { heatmap[weekday][hour] += other.heatmap[weekday][hour] }
        }
        for (key, count) in zip(other.authorKeys, other.authorCounts) {
            authorCounts[author(key)] += count
        }
    }

    /// The distinct contacts with an inbound message in the period.
    public var activeContacts: ContactSet {
        dailyActive.reduce(into: ContactSet()) { $0.formUnion($1) }
    }

    /// Received messages in the period.
    public var received: Int { dailyReceived.reduce(0, +) }

    /// Sent messages in the period.
    public var sent: Int { dailySent.reduce(0, +) }

    /// Sent messages in the period per author type, indexed like `AuthorType.allCases`
    /// (messages without a type, which import rejects, are left out).
    public var sentPerAuthorType: [Int] {
        var counts = Array(repeating: 0, count: AuthorType.allCases.count)
        for (key, count) in zip(authorKeys, authorCounts) {
            guard let type = key.type, let index = AuthorType.allCases.firstIndex(of: type) else { continue }
            counts[index] += count
        }
        return counts
    }
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
