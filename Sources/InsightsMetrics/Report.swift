/// Every number of one report: the four sections for a period, with the previous period's
/// headline numbers.
public struct Report: Equatable, Sendable {
    /// The helpline's name shown in the header.
    public let serviceName: String
    /// The version of Insights that computed it.
    public let generatorVersion: String
    /// The period covered.
    public let period: ReportPeriod
    /// The IANA name of the zone days and hours are local to.
    public let timeZoneIdentifier: String
    /// "Are we making an impact?"
    public let impact: ImpactMetrics
    /// "Are we making an impact?": Journeys.
    public let journeys: JourneyMetrics
    /// Whether the service has any Journey run stored (in any period); when not, the page
    /// says what to import instead of showing the Journeys block.
    public let journeysImported: Bool
    /// The Journey results given in the period, whatever run they belong to (an answer in
    /// a run begun before the period is activity too, though no Journey lists it).
    public let journeyResultsInPeriod: Int
    /// "Is our audience growing?"
    public let audience: AudienceMetrics
    /// "How are our users engaging?"
    public let engagement: EngagementMetrics
    /// "How are we guiding our users?": conversations.
    public let conversations: ConversationMetrics
    /// "How are we guiding our users?": authorship.
    public let authorship: AuthorshipMetrics
    /// "Is our audience growing?": reach and delivery of the messages sent.
    public let reach: ReachMetrics
    /// "Is our audience growing?": opt-ins and opt-outs.
    public let consent: ConsentMetrics
    /// "How are we guiding our users?": response times and the coaches' work.
    public let responseTimes: ResponseTimeMetrics
    /// The previous period's response times, computed the same way (the headline change).
    public let previousResponseTimes: ResponseTimeMetrics
    /// The period at a glance: the headline numbers with their change and trend, and the
    /// facts of the summary's sentences (`SummaryMetrics(report:)` unless built from period
    /// data, which adds the trend).
    public internal(set) var summary: SummaryMetrics = .empty

    /// The segment the report is restricted to (`--segment`), empty for the whole report.
    public var segment: Segment = []
    /// The `--breakdown` tables, in the order given.
    public var breakdowns: [Breakdown] = []
    /// `--min-cell N`: counts from 1 to N − 1 in breakdowns and on a segment's page are
    /// hidden (shown as "< N"); nil when off. A setting of the rendering, not a number.
    public var minCell: Int?

    /// The period the headline numbers are compared with.
    public var previousPeriod: ReportPeriod { period.previous }

    /// Creates a report from its sections. Without `reach`, every message sent counts as
    /// `no_status` (no status stored); without `consent`, consent is null.
    public init(
        serviceName: String, generatorVersion: String, period: ReportPeriod, timeZoneIdentifier: String,
        impact: ImpactMetrics, audience: AudienceMetrics, engagement: EngagementMetrics,
        conversations: ConversationMetrics, authorship: AuthorshipMetrics, reach: ReachMetrics? = nil,
        consent: ConsentMetrics = .unmeasured, journeys: JourneyMetrics = JourneyMetrics(journeys: []),
        journeysImported: Bool? = nil, journeyResultsInPeriod: Int = 0,
        responseTimes: ResponseTimeMetrics = .empty, previousResponseTimes: ResponseTimeMetrics = .empty
    ) {
        self.serviceName = serviceName
        self.generatorVersion = generatorVersion
        self.period = period
        self.timeZoneIdentifier = timeZoneIdentifier
        self.impact = impact
        self.audience = audience
        self.engagement = engagement
        self.conversations = conversations
        self.authorship = authorship
        self.reach = reach ?? ReachMetrics(unmeasured: engagement, authorship: authorship)
        self.consent = consent
        self.journeys = journeys
        self.journeysImported = journeysImported ?? !journeys.journeys.isEmpty
        self.journeyResultsInPeriod = journeyResultsInPeriod
        self.responseTimes = responseTimes
        self.previousResponseTimes = previousResponseTimes
        self.summary = SummaryMetrics(report: self)
    }

    /// Whether nothing happened in the period: no message, no goal event, no conversation
    /// opened or closed (a conversation merely left open from before does not count), no
    /// Journey run started and no Journey result given.
    public var isEmpty: Bool {
        engagement.messagesReceived == 0 && engagement.messagesSent == 0 && impact.totalStarted == 0
            && impact.totalCompleted == 0 && conversations.opened == 0 && conversations.closed == 0
            && impact.goals.allSatisfy { $0.behaviours.allSatisfy { $0.actions == 0 } }
            && journeys.journeys.isEmpty && journeyResultsInPeriod == 0
    }
}

/// The change of a headline number against the previous period.
public enum Change: Equatable, Sendable {
    /// Both zero, or equal.
    case unchanged
    /// Up from a non-zero value, by this fraction (0.25 = +25 %).
    case up(Double)
    /// Down by this fraction (0.25 = −25 %).
    case down(Double)
    /// The previous value was zero and this one is not.
    case new

    /// Compares a value with the previous period's.
    public init(current: Double, previous: Double) {
        if current == previous {
            self = .unchanged
        } else if previous == 0 {
            self = .new
        } else if current > previous {
            self = .up((current - previous) / previous)
        } else {
            self = .down((previous - current) / previous)
        }
    }
}
