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
    /// The period's outbound messages by delivery state (each counted once, with every status
    /// stored for it). Nil when the source read none, as when it stores no status at all: the
    /// reach block then counts every message sent as `no_status`.
    public var delivery: DeliveryTally? = nil
    /// `reached_users` of the previous period (`DeliveryTally.reachedUsers(statusesStored:)` of
    /// its tally); nil without statuses.
    public var previousReachedUsers: Int? = nil
    /// Whether the source stores any message status at all (without one, `reached_users` is
    /// null, not 0).
    public var statusesStored = false
    /// Every contact with an `opted_in_at` or an `opted_out_at` (the consent block's rows).
    public var consent: [ConsentRow] = []
    /// Whether any contact of the source has a consent time; without one, consent is null.
    public var consentTimesStored = false
    /// The Journey runs whose `started_at` lies in the period, with their end as stored.
    public var journeyRuns: [JourneyRunRow] = []
    /// The Journey results whose timestamp lies in the period.
    public var journeyResults: [JourneyResultRow] = []
    /// The name of each Journey of `journeyRuns` that has one, resolved over all data (the
    /// `journey_name` of its newest named run).
    public var journeyNames: [String: String] = [:]
    /// Whether any Journey run is stored at all (in any period): when none is, the page says
    /// what to import instead of showing an empty Journeys block.
    public var journeysImported = false
    /// The period's `coach` outbound messages (`Store.coachMessages(in:)`): response times.
    public var coachMessages: [CoachMessageRow] = []
    /// The period's `closed` conversation events (`Store.closeEvents(in:)`): response times.
    public var closeEvents: [CloseEventRow] = []
    /// The newest name of each coach author id of `coachMessages` and
    /// `previousCoachMessages` (`Store.authorNames(for:)`).
    public var coachNames: [String: String] = [:]
    /// The conversation spans of the previous period that its closes and median response
    /// time come from: those closed in or after it that began before its end, and those
    /// still open that began in it (one that began earlier and is still open takes part in
    /// neither; more may be given, they are ignored).
    public var previousConversationSpans: [ConversationSpan] = []
    /// The previous period's `coach` outbound messages.
    public var previousCoachMessages: [CoachMessageRow] = []
    /// The previous period's `closed` conversation events.
    public var previousCloseEvents: [CloseEventRow] = []
    /// The summary's trend: the earlier periods' headline counts and rows (nil when the
    /// source reads none: the band then shows no trend).
    public var trend: TrendInput? = nil

    /// The segment the data is restricted to (`--segment`), empty for the whole report: the
    /// source read only its contacts; the report only shows it.
    public var segment: Segment = []
    /// What the source read for each `--breakdown FIELD`, in the order given.
    public var breakdownInputs: [BreakdownInput] = []
    /// With breakdowns: each active contact's inbound messages in the period.
    public var receivedByContact: [ContactKey: Int] = [:]
    /// With breakdowns: the contacts whose first inbound message ever lies in the period.
    public var newContacts = ContactSet()

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
