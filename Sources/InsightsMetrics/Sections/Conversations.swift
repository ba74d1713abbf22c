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

    /// Replays the history.
    /// - Parameters:
    ///   - period: the period's instants, `[start, end)`.
    ///   - inbound: every inbound message before `period.upperBound` as (contact, instant).
    ///   - events: every conversation event before `period.upperBound`.
    public init(period: Range<Instant>, inbound: [(ContactKey, Instant)], events: [ConversationEventRow]) {
        var steps: [ContactKey: [Step]] = [:]
        for (contact, instant) in inbound where instant < period.upperBound {
            steps[contact, default: []].append(Step(instant: instant, order: -1, opens: true))
        }
        for event in events where event.timestamp < period.upperBound {
            let step = Step(instant: event.timestamp, order: event.sequence, opens: event.kind != .closed)
            steps[event.contact, default: []].append(step)
        }
        var counts = Counts()
        for contactSteps in steps.values {
            counts.replay(contactSteps.sorted(), in: period)
        }
        self.active = counts.active
        self.openAtEnd = counts.openAtEnd
        self.closedAtEnd = counts.active - counts.openAtEnd
        self.opened = counts.opened
        self.reopened = counts.reopened
        self.closed = counts.durations.count
        self.medianTimeToCloseHours = median(counts.durations).map { $0 / 3_600_000_000 }
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

private struct Step: Comparable {
    let instant: Instant
    /// -1 for inbound messages (first at an instant), else the event's import sequence.
    let order: Int64
    let opens: Bool

    static func < (lhs: Step, rhs: Step) -> Bool {
        (lhs.instant, lhs.order) < (rhs.instant, rhs.order)
    }
}

private struct Counts {
    var active = 0
    var openAtEnd = 0
    var opened = 0
    var reopened = 0
    var durations: [Double] = []

    mutating func replay(_ steps: [Step], in period: Range<Instant>) {
        var isOpen = false
        var everClosed = false
        var openedAt: Instant = 0
        var wasActive = false
        var startChecked = false
        for step in steps {
            if !startChecked, step.instant >= period.lowerBound {
                startChecked = true
                wasActive = isOpen
            }
            let inPeriod = step.instant >= period.lowerBound
            if step.opens, !isOpen {
                isOpen = true
                openedAt = step.instant
                if inPeriod {
                    opened += 1
                    wasActive = true
                    if everClosed { reopened += 1 }
                }
            } else if !step.opens, isOpen {
                isOpen = false
                everClosed = true
                if inPeriod { durations.append(Double(step.instant - openedAt)) }
            }
        }
        if !startChecked { wasActive = isOpen }
        if wasActive {
            active += 1
            if isOpen { openAtEnd += 1 }
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
