/// "How are we guiding our users?" (part one): the state of each contact's conversation.
///
/// A contact has one conversation. It opens when an inbound message arrives while it is
/// closed (or was never open), closes on a `closed` event while open, and opens on a
/// `reopened` or `opened` event while closed; an event that would not change the state
/// (closing a closed conversation, opening an open one) is no transition and counts for
/// nothing. Steps at the same instant apply inbound messages first, then events in import
/// order. The whole history up to the end of the period is replayed.
public struct ConversationMetrics: Equatable, Sendable {
    /// Conversations open at some moment of the period (open at its start, or opened in it).
    public let active: Int
    /// Of the active ones, those open at the end of the period.
    public let openAtEnd: Int
    /// Of the active ones, those closed at the end of the period.
    public let closedAtEnd: Int
    /// Transitions to open during the period.
    public let opened: Int
    /// Of those, the ones that follow an earlier close of the same conversation.
    public let reopened: Int
    /// Transitions to closed during the period.
    public let closed: Int
    /// Median over the period's closes of (close − the open it ends), in hours; nil when none.
    public let medianTimeToCloseHours: Double?

    /// Replays the history (the definition; the store keeps its result, the spans, up to
    /// date at import and uses `init(period:spans:)`).
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - inbound: every inbound message before `period.upperBound` as (contact, instant).
    ///   - events: every conversation event before `period.upperBound`.
    public init(period: Range<Instant>, inbound: [(ContactKey, Instant)], events: [ConversationEventRow]) {
        var steps: [ContactKey: [ConversationStep]] = [:]
        for (contact, instant) in inbound where instant < period.upperBound {
            steps[contact, default: []].append(.inbound(at: instant))
        }
        for event in events where event.timestamp < period.upperBound {
            steps[event.contact, default: []].append(.event(event.kind, at: event.timestamp, sequence: event.sequence))
        }
        var spans: [ConversationSpan] = []
        for (contact, contactSteps) in steps {
            var replay = ConversationReplay(contact: contact)
            replay.apply(contactSteps)
            spans += replay.spans
        }
        self.init(period: period, spans: spans)
    }

    /// Computes the block from the conversations' open spans: every span that ends in or
    /// after the period (or has not ended) and began before its end; others may be passed
    /// and are ignored.
    ///
    /// A contact is active when one of its spans overlaps the period (it was open at the
    /// start, or opened in it), and open at the end when one began before the end and had
    /// not closed before it.
    public init<S: Sequence>(period: Range<Instant>, spans: S) where S.Element == ConversationSpan {
        self.init(counts: ConversationCounts(period: period, spans: spans))
    }

    /// Builds the block from a period's conversation counts (the median from the one or two
    /// middle durations).
    public init(counts: ConversationCounts) {
        self.active = counts.active
        self.openAtEnd = counts.openAtEnd
        self.closedAtEnd = counts.active - counts.openAtEnd
        self.opened = counts.opened
        self.reopened = counts.reopened
        self.closed = counts.closed
        self.medianTimeToCloseHours = median(counts.middleDurations.map(Double.init)).map { $0 / 3_600_000_000 }
    }

    /// Creates the block from its values.
    public init(
        active: Int, openAtEnd: Int, closedAtEnd: Int, opened: Int, reopened: Int, closed: Int,
        medianTimeToCloseHours: Double?
    ) {
        self.active = active
        self.openAtEnd = openAtEnd
        self.closedAtEnd = closedAtEnd
        self.opened = opened
        self.reopened = reopened
        self.closed = closed
        self.medianTimeToCloseHours = medianTimeToCloseHours
    }
}

/// One time a conversation was open: from the transition to open until the close that
/// ended it (nil while it is still open).
public struct ConversationSpan: Equatable, Hashable, Sendable {
    /// Whose conversation.
    public var contact: ContactKey
    /// The instant of the transition to open (an inbound message or an open event).
    public var openedAt: Instant
    /// The instant of the close that ended it; nil while open.
    public var closedAt: Instant?
    /// True when an earlier span of the same conversation had closed (a reopen).
    public var isReopen: Bool
    /// True when an inbound message opened it (false: a `reopened` or `opened` event). Only
    /// conversations opened by users wait for a response (METRICS.md, "Response times").
    public var openedByInbound: Bool

    /// Creates a span.
    public init(contact: ContactKey, openedAt: Instant, closedAt: Instant?, isReopen: Bool, openedByInbound: Bool = false) {
        self.contact = contact
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.isReopen = isReopen
        self.openedByInbound = openedByInbound
    }
}

/// Something that may change a conversation's state: an inbound message or an event.
public struct ConversationStep: Comparable, Sendable {
    /// When.
    public let instant: Instant
    /// -1 for inbound messages (first at an instant), else the event's import sequence.
    public let order: Int64
    /// True for an inbound message, `reopened` and `opened`; false for `closed`.
    public let opens: Bool

    /// An inbound message.
    public static func inbound(at instant: Instant) -> ConversationStep {
        ConversationStep(instant: instant, order: -1, opens: true)
    }

    /// A conversation event.
    public static func event(_ kind: ConversationEventKind, at instant: Instant, sequence: Int64) -> ConversationStep {
        ConversationStep(instant: instant, order: sequence, opens: kind != .closed)
    }

    /// Replay order: by instant, then inbound messages before events, events by sequence.
    public static func < (lhs: ConversationStep, rhs: ConversationStep) -> Bool {
        (lhs.instant, lhs.order) < (rhs.instant, rhs.order)
    }
}

/// Replays one contact's steps into its spans, from the beginning or from a known state
/// (so an import that adds later steps replays only those).
public struct ConversationReplay: Sendable {
    /// Whose conversation.
    public let contact: ContactKey
    /// The spans so far, oldest first; the last one has no `closedAt` while open.
    public private(set) var spans: [ConversationSpan]

    /// Starts a conversation that was never open.
    public init(contact: ContactKey) {
        self.contact = contact
        self.spans = []
    }

    /// Continues from spans already known (in order), as they stood before later steps.
    public init(contact: ContactKey, spans: [ConversationSpan]) {
        self.contact = contact
        self.spans = spans
    }

    /// Whether the conversation is open now.
    public var isOpen: Bool { spans.last.map { $0.closedAt == nil } ?? false }

    /// Applies steps (in any order: they are sorted by instant, inbound messages first at an
    /// instant, then events in import order). A step that would not change the state
    /// (closing a closed conversation, opening an open one) does nothing.
    public mutating func apply(_ steps: [ConversationStep]) {
        for step in steps.sorted() {
            if step.opens, !isOpen {
                let everClosed = !spans.isEmpty
                spans.append(
                    ConversationSpan(
                        contact: contact, openedAt: step.instant, closedAt: nil, isReopen: everClosed,
                        openedByInbound: step.order == -1))
            } else if !step.opens, isOpen {
                spans[spans.count - 1].closedAt = step.instant
            }
        }
    }
}

/// The median of a list of numbers (mean of the middle two for an even count); nil if empty.
public func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
