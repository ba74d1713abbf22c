/// The plain data of one report period, as a data source reads it: counts and rows, no
/// presentation. `Report(data:serviceName:generatorVersion:)` turns it into every metric.
///
/// It is what a `ReportSource` produces: the SQLite store fills it from its period scans, and
/// a warehouse can fill it from aggregates (a `MessageTally` made with
/// `MessageTally(period:calendar:dailyActive:dailyReceived:dailySent:heatmap:authors:)`,
/// counts per region, one row per goal event) without returning message rows.
///
/// New report blocks add their input as new stored properties with a default (an empty
/// array or nil), so a source that does not read them yet still compiles and gives the
/// block's empty form.
public struct PeriodData: Sendable {
    /// The period the report covers.
    public var period: ReportPeriod
    /// The zone days and hours are local to.
    public var calendar: ReportCalendar
    /// The period's messages, counted per day, weekday × hour and author.
    public var tally: MessageTally
    /// The previous period's headline counts, compared with.
    public var previous: PreviousPeriodCounts
    /// The first inbound instant ever of each contact whose first inbound message falls in
    /// the period (one per new contact).
    public var firstInbound: [Instant]
    /// The period's active contacts per ISO region code (`ZZ` when unknown); the counts add
    /// up to `tally.activeContacts.count`.
    public var countries: [String: Int]
    /// The newest stored name of each author id in `tally.authorKeys` that has one.
    public var latestNames: [String: String]
    /// The conversation spans that overlap the period or are still open at its end: those
    /// closed at or after its start and opened before its end, and those not closed and
    /// opened before its end.
    public var conversationSpans: [ConversationSpan]
    /// Every goal with its behaviours, in stored order.
    public var goals: [GoalDefinition]
    /// The goal events whose instant lies in the period.
    public var goalEvents: [GoalEventRow]
    /// The period's `coach` outbound messages (`Store.coachMessages(in:)`): response times.
    public var coachMessages: [CoachMessageRow] = []
    /// The period's `closed` conversation events (`Store.closeEvents(in:)`): response times.
    public var closeEvents: [CloseEventRow] = []
    /// The newest name of each coach author id of `coachMessages` and
    /// `previousCoachMessages` (`Store.authorNames(for:)`).
    public var coachNames: [String: String] = [:]
    /// The conversation spans that overlap the previous period or are still open at its end
    /// (as `conversationSpans`, for the previous period): the previous median response time.
    public var previousConversationSpans: [ConversationSpan] = []
    /// The previous period's `coach` outbound messages.
    public var previousCoachMessages: [CoachMessageRow] = []
    /// The previous period's `closed` conversation events.
    public var previousCloseEvents: [CloseEventRow] = []

    /// Creates the data of a period from its parts.
    public init(
        period: ReportPeriod, calendar: ReportCalendar, tally: MessageTally, previous: PreviousPeriodCounts,
        firstInbound: [Instant], countries: [String: Int], latestNames: [String: String],
        conversationSpans: [ConversationSpan], goals: [GoalDefinition], goalEvents: [GoalEventRow]
    ) {
        self.period = period
        self.calendar = calendar
        self.tally = tally
        self.previous = previous
        self.firstInbound = firstInbound
        self.countries = countries
        self.latestNames = latestNames
        self.conversationSpans = conversationSpans
        self.goals = goals
        self.goalEvents = goalEvents
    }

    /// The period's instants in its zone: `[start of the first day, start of the day after
    /// the last)`.
    public var instants: Range<Instant> { period.instants(in: calendar) }
}

/// The previous period's headline counts: what the report's changes compare with.
public struct PreviousPeriodCounts: Equatable, Sendable {
    /// Inbound messages.
    public var received: Int
    /// Outbound messages.
    public var sent: Int
    /// Distinct contacts with an inbound message.
    public var activeUsers: Int
    /// Contacts whose first inbound message ever lies in the previous period.
    public var newUsers: Int

    /// Creates the counts.
    public init(received: Int, sent: Int, activeUsers: Int, newUsers: Int) {
        self.received = received
        self.sent = sent
        self.activeUsers = activeUsers
        self.newUsers = newUsers
    }
}
