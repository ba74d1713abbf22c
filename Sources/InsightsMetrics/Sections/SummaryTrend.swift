/// One period of a summary trend: whole local days `from` … `to` (both included).
///
/// Unlike `ReportPeriod` it is not bounded: a trend of a report near 1970 reaches back
/// before the first day a report may cover (such a period lies before any data and its
/// values are null).
public struct TrendPeriod: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The first day.
    public let from: LocalDate
    /// The last day (included).
    public let to: LocalDate

    /// Creates a period of the days `from` … `to`.
    public init(from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
    }

    /// The same days as a report period.
    public init(_ period: ReportPeriod) {
        self.init(from: period.from, to: period.to)
    }

    /// The half-open range of instants `[start of from, start of the day after to)` in a zone.
    public func instants(in calendar: ReportCalendar) -> Range<Instant> {
        calendar.startOfDay(from)..<calendar.startOfDay(to.adding(days: 1))
    }

    /// `2026-10-01…2026-10-31`.
    public var description: String { "\(from)…\(to)" }
}

extension ReportPeriod {
    /// How many periods a summary trend has (the report's own period is the last).
    public static let trendLength = 12

    /// Whether the period is exactly one calendar month (`--month`, or `--from` the first
    /// and `--to` the last day of a month): its trend is then made of calendar months.
    public var isCalendarMonth: Bool {
        let (year, month, day) = from.components
        return day == 1 && dayCount == LocalDate.daysIn(month: month, year: year)
    }

    /// The ``trendLength`` periods of the same length ending with this one, oldest first:
    /// calendar months for a period that is a calendar month (``isCalendarMonth``), else
    /// periods of this one's number of days laid end to end before it.
    public var trendPeriods: [TrendPeriod] {
        let count = Self.trendLength
        if isCalendarMonth {
            let (year, month, _) = from.components
            return (0..<count).map { index in
                let back = count - 1 - index
                let total = year * 12 + (month - 1) - back
                let y = Int(floorDiv(Int64(total), 12))
                let m = total - y * 12 + 1
                let first = LocalDate(dayNumber: LocalDate.daysFromCivil(year: Int64(y), month: Int64(m), day: 1))
                return TrendPeriod(from: first, to: first.adding(days: LocalDate.daysIn(month: m, year: y) - 1))
            }
        }
        let days = dayCount
        return (0..<count).map { index in
            let shift = -(count - 1 - index) * days
            return TrendPeriod(from: from.adding(days: shift), to: to.adding(days: shift))
        }
    }

    /// The periods a source counts for the summary (`TrendInput.periods`): the trend's
    /// periods before this one, and the previous period when it is not one of them (a month's
    /// previous period is its number of days, not the calendar month before).
    public var summaryCountPeriods: [TrendPeriod] {
        var periods = Array(trendPeriods.dropLast())
        let previous = TrendPeriod(self.previous)
        if !periods.contains(previous) { periods.append(previous) }
        return periods
    }
}

/// The headline counts of one earlier period (what that period's own report shows), as a
/// source counts them for the summary trend.
public struct TrendCounts: Equatable, Sendable {
    /// `active_users`: distinct contacts with an inbound message.
    public var activeUsers: Int
    /// `new_users`: contacts whose first inbound message ever lies in the period.
    public var newUsers: Int
    /// `reached_users`: distinct contacts with an outbound message of the period that was
    /// delivered or read; nil when the source stores no status at all.
    public var reachedUsers: Int?
    /// `messages_received`.
    public var messagesReceived: Int
    /// `messages_sent`.
    public var messagesSent: Int
    /// `goal_completions`: distinct contacts with any goal completed in the period.
    public var goalCompletions: Int
    /// `journey_completions`: runs started in the period that were completed before its end.
    public var journeyCompletions: Int

    /// Creates the counts.
    public init(
        activeUsers: Int, newUsers: Int, reachedUsers: Int?, messagesReceived: Int, messagesSent: Int,
        goalCompletions: Int, journeyCompletions: Int
    ) {
        self.activeUsers = activeUsers
        self.newUsers = newUsers
        self.reachedUsers = reachedUsers
        self.messagesReceived = messagesReceived
        self.messagesSent = messagesSent
        self.goalCompletions = goalCompletions
        self.journeyCompletions = journeyCompletions
    }
}

/// What a source reads for the summary's trend (`PeriodData.trend`): the headline counts of
/// the earlier periods, and the rows the median first response and the conversations closed
/// of each are computed from (conversation spans and coach messages: closes only credit
/// coaches, which the summary does not show).
///
/// The SQLite store counts rows into a `TrendTally` in one pass per table over the span of
/// the periods; a warehouse can fill `counts` from one grouped query. Under a segment
/// (issue 21) the source restricts what it reads to the segment's contacts
/// (`TrendTally(periods:calendar:contacts:)` and the rows below), as it does for the period.
public struct TrendInput: Equatable, Sendable {
    /// The periods counted: `ReportPeriod.summaryCountPeriods`.
    public var periods: [TrendPeriod]
    /// One entry per period of `periods`.
    public var counts: [TrendCounts]
    /// The earliest instant of any stored message, conversation event, goal event or Journey
    /// run; nil when nothing is stored. A period that ends at or before it has null values.
    public var firstDataAt: Instant?
    /// The conversation spans of `[start of the first period, start of the report's period)`
    /// that the periods' closes and first responses come from: those closed in or after it
    /// that began before its end, and those still open that began in it (as
    /// `PeriodData.previousConversationSpans`; more may be given, they are ignored).
    public var conversationSpans: [ConversationSpan]
    /// The `coach` outbound messages of that span, in any order (only when they were sent
    /// matters: the trend shows waits, not who answered).
    public var coachMessages: [CoachMessageInstant]

    /// Creates the input.
    public init(
        periods: [TrendPeriod], counts: [TrendCounts], firstDataAt: Instant?, conversationSpans: [ConversationSpan] = [],
        coachMessages: [CoachMessageInstant] = []
    ) {
        self.periods = periods
        self.counts = counts
        self.firstDataAt = firstDataAt
        self.conversationSpans = conversationSpans
        self.coachMessages = coachMessages
    }

    /// The counts of a period, if it was counted.
    public func counts(of period: TrendPeriod) -> TrendCounts? {
        periods.firstIndex(of: period).map { counts[$0] }
    }
}

/// Counts rows into the headline counts of several periods at once (`TrendInput.counts`): one
/// pass over each table across the span of all the periods, every row counted in each period
/// that holds its instant (periods may overlap). Rows outside every period are ignored.
public struct TrendTally: Sendable {
    /// The periods counted.
    public let periods: [TrendPeriod]
    /// Their instants, in the same order.
    public let ranges: [Range<Instant>]
    // The bounds of `ranges`, compared directly per row (cheaper than `Range.contains` in an
    // unoptimised build, where a year of rows is felt).
    private let lowers: [Instant]
    private let uppers: [Instant]
    private let contacts: ContactSet?
    private var active: [ContactSet]
    private var reached: [ContactSet]
    private var completers: [ContactSet]
    private var received: [Int]
    private var sent: [Int]
    private var newUsers: [Int]
    private var journeyCompletions: [Int]

    /// Creates an empty tally.
    /// - Parameter contacts: when given, only rows of these contacts count (a segment).
    public init(periods: [TrendPeriod], calendar: ReportCalendar, contacts: ContactSet? = nil) {
        self.periods = periods
        self.ranges = periods.map { $0.instants(in: calendar) }
        lowers = ranges.map(\.lowerBound)
        uppers = ranges.map(\.upperBound)
        self.contacts = contacts
        let count = periods.count
        active = Array(repeating: ContactSet(), count: count)
        reached = active
        completers = active
        received = Array(repeating: 0, count: count)
        sent = received
        newUsers = received
        journeyCompletions = received
    }

    /// `[start of the earliest period, end of the latest)`: what a source reads.
    public var span: Range<Instant> {
        (ranges.map(\.lowerBound).min() ?? 0)..<(ranges.map(\.upperBound).max() ?? 0)
    }

    /// An inbound message.
    public mutating func addInbound(contact: ContactKey, at instant: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= instant && instant < uppers[index] {
            received[index] += 1
            active[index].insert(contact)
        }
    }

    /// An outbound message.
    public mutating func addOutbound(contact: ContactKey, at instant: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= instant && instant < uppers[index] { sent[index] += 1 }
    }

    /// A contact's first inbound message ever.
    public mutating func addFirstInbound(contact: ContactKey, at instant: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= instant && instant < uppers[index] { newUsers[index] += 1 }
    }

    /// An outbound message with a `delivered` or `read` status.
    public mutating func addReached(contact: ContactKey, at instant: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= instant && instant < uppers[index] { reached[index].insert(contact) }
    }

    /// A `completed` goal event.
    public mutating func addGoalCompletion(contact: ContactKey, at instant: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= instant && instant < uppers[index] {
            completers[index].insert(contact)
        }
    }

    /// A Journey run whose outcome is `completed`, ended at `endedAt`: it counts in a period
    /// it started in when it ended before the period's end.
    public mutating func addCompletedRun(contact: ContactKey, startedAt: Instant, endedAt: Instant) {
        if let contacts, !contacts.contains(contact) { return }
        for index in 0..<lowers.count where lowers[index] <= startedAt && startedAt < uppers[index] && endedAt < uppers[index] {
            journeyCompletions[index] += 1
        }
    }

    /// The counts, one per period; `reached_users` is nil for all when no status is stored.
    public func counts(statusesStored: Bool) -> [TrendCounts] {
        periods.indices.map { index in
            TrendCounts(
                activeUsers: active[index].count, newUsers: newUsers[index],
                reachedUsers: statusesStored ? reached[index].count : nil, messagesReceived: received[index],
                messagesSent: sent[index], goalCompletions: completers[index].count,
                journeyCompletions: journeyCompletions[index])
        }
    }

}
