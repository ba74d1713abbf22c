/// The aggregates a report's blocks are built from: counts per day, per weekday × hour, per
/// author, per region, per goal and behaviour, and the one or two middle values of each
/// median. A few hundred values whatever the size of the data.
///
/// The SQLite path reduces its rows to them in Swift (`PeriodData.aggregates`); a warehouse
/// computes them in SQL. `Report(data:aggregates:…)` builds the blocks from them with the same
/// code for both, so the two paths agree to the byte.
public struct PeriodAggregates: Equatable, Sendable {
    /// The period's messages counted per day, weekday × hour and author.
    public var messages: MessageCounts
    /// The previous period's headline counts.
    public var previous: PreviousPeriodCounts
    /// Per day of the period: contacts whose first inbound message ever lies on that local day.
    public var newUsersPerDay: [Int]
    /// The period's active contacts per ISO region code (`ZZ` when unknown).
    public var countries: [String: Int]
    /// The newest stored name of each author id of `messages.authors` that has one.
    public var latestNames: [String: String]
    /// Every goal with its behaviours, in listing order.
    public var goals: [GoalDefinition]
    /// The period's goal events counted per goal and behaviour.
    public var goalCounts: GoalCounts
    /// The period's conversation counts and the middle values of the time-to-close median.
    public var conversations: ConversationCounts
    /// The consent times counted for the period.
    public var consent = ConsentCounts(contactsWithTimes: 0, optIns: 0, optOuts: 0, optedInAtEnd: 0)
    /// Whether any contact of the source has a consent time (without one, consent is null).
    public var consentTimesStored = false
    /// The period's outbound messages by delivery state; nil when the source read none (no
    /// status stored at all: the reach block then counts every message sent as `no_status`).
    public var delivery: DeliveryAggregate? = nil
    /// `reached_users` of the previous period; nil without statuses.
    public var previousReachedUsers: Int? = nil
    /// Whether the source stores any message status at all.
    public var statusesStored = false
    /// The period's response times (measured with the report's business hours, if any).
    public var responseTimes = ResponseTimeAggregate.empty()
    /// The previous period's response times (its median is the headline's comparison).
    public var previousResponseTimes = ResponseTimeAggregate.empty()
    /// One per `--breakdown FIELD`, in the order given.
    public var breakdowns: [BreakdownAggregate] = []
    /// What the summary band needs beyond the blocks.
    public var summary = SummaryAggregate.empty
    /// The period's Journey runs and results as counts (the Journeys block).
    public var journeys = JourneyAggregate.none

    /// Creates the aggregates from their parts.
    public init(
        messages: MessageCounts, previous: PreviousPeriodCounts, newUsersPerDay: [Int], countries: [String: Int],
        latestNames: [String: String], goals: [GoalDefinition], goalCounts: GoalCounts, conversations: ConversationCounts
    ) {
        self.messages = messages
        self.previous = previous
        self.newUsersPerDay = newUsersPerDay
        self.countries = countries
        self.latestNames = latestNames
        self.goals = goals
        self.goalCounts = goalCounts
        self.conversations = conversations
    }
}

/// A period's messages as counts: what the audience, engagement and authorship blocks read
/// of them. `MessageTally.counts` reduces a tally to it; a warehouse counts it in SQL.
public struct MessageCounts: Equatable, Sendable {
    /// Per day of the period: distinct contacts with an inbound message that day.
    public var dailyActiveUsers: [Int]
    /// Distinct contacts with an inbound message in the whole period (not the sum of days).
    public var activeUsers: Int
    /// Per day: inbound (received) messages.
    public var dailyReceived: [Int]
    /// Per day: outbound (sent) messages.
    public var dailySent: [Int]
    /// Received messages by local weekday (Monday first) × hour.
    public var heatmap: [[Int]]
    /// Sent messages per author.
    public var authors: [AuthorKey: Int]

    /// Creates the counts (one entry per day of the period, 7 × 24 for the heatmap).
    public init(
        dailyActiveUsers: [Int], activeUsers: Int, dailyReceived: [Int], dailySent: [Int], heatmap: [[Int]],
        authors: [AuthorKey: Int]
    ) {
        self.dailyActiveUsers = dailyActiveUsers
        self.activeUsers = activeUsers
        self.dailyReceived = dailyReceived
        self.dailySent = dailySent
        self.heatmap = heatmap
        self.authors = authors
    }

    /// Received messages in the period.
    public var received: Int { dailyReceived.reduce(0, +) }
    /// Sent messages in the period.
    public var sent: Int { dailySent.reduce(0, +) }
}

extension MessageTally {
    /// The tally as counts: per-day and whole-period distinct contacts instead of sets.
    public var counts: MessageCounts {
        MessageCounts(
            dailyActiveUsers: dailyActive.map(\.count), activeUsers: activeContacts.count, dailyReceived: dailyReceived,
            dailySent: dailySent, heatmap: heatmap, authors: authors)
    }
}

/// A period's goal events as counts: per goal the distinct contacts who started and who
/// completed it, per behaviour the distinct contacts who actioned it and the number of
/// `actioned` events. Keys are ids; a goal or behaviour with no events is absent.
public struct GoalCounts: Equatable, Sendable {
    /// Per goal id: distinct contacts with a `started` event.
    public var started: [String: Int]
    /// Per goal id: distinct contacts with a `completed` event.
    public var completed: [String: Int]
    /// Per goal and behaviour: distinct contacts with an `actioned` event, and those events.
    public var behaviours: [BehaviourKey: BehaviourCount]

    /// Creates the counts.
    public init(started: [String: Int], completed: [String: Int], behaviours: [BehaviourKey: BehaviourCount]) {
        self.started = started
        self.completed = completed
        self.behaviours = behaviours
    }

    /// Counts goal events (the SQLite path's reduction; `actioned` events without a
    /// behaviour count for nothing, as in `ImpactMetrics`).
    public init(events: [GoalEventRow]) {
        var started: [String: Set<ContactKey>] = [:]
        var completed: [String: Set<ContactKey>] = [:]
        var users: [BehaviourKey: Set<ContactKey>] = [:]
        var actions: [BehaviourKey: Int] = [:]
        for event in events {
            switch event.kind {
            case .started: started[event.goalID, default: []].insert(event.contact)
            case .completed: completed[event.goalID, default: []].insert(event.contact)
            case .actioned:
                guard let behaviour = event.behaviourID else { continue }
                let key = BehaviourKey(goalID: event.goalID, behaviourID: behaviour)
                users[key, default: []].insert(event.contact)
                actions[key, default: 0] += 1
            }
        }
        self.started = started.mapValues(\.count)
        self.completed = completed.mapValues(\.count)
        self.behaviours = users.reduce(into: [:]) { result, entry in
            result[entry.key] = BehaviourCount(users: entry.value.count, actions: actions[entry.key] ?? 0)
        }
    }
}

/// A behaviour of a goal, as a key.
public struct BehaviourKey: Hashable, Sendable {
    /// The goal's id.
    public var goalID: String
    /// The behaviour's id.
    public var behaviourID: String

    /// Creates a key.
    public init(goalID: String, behaviourID: String) {
        self.goalID = goalID
        self.behaviourID = behaviourID
    }
}

/// A behaviour's counts in a period.
public struct BehaviourCount: Equatable, Sendable {
    /// Distinct contacts with an `actioned` event for it.
    public var users: Int
    /// The `actioned` events.
    public var actions: Int

    /// Creates a count.
    public init(users: Int, actions: Int) {
        self.users = users
        self.actions = actions
    }
}

/// A period's conversations as counts (see `ConversationMetrics`), with the one or two
/// middle durations (close − open, microseconds) of the period's closes: enough for the
/// median.
public struct ConversationCounts: Equatable, Sendable {
    /// Contacts whose conversation was open at some moment of the period.
    public var active: Int
    /// Of those, the ones open at the end.
    public var openAtEnd: Int
    /// Transitions to open in the period.
    public var opened: Int
    /// Of those, reopens.
    public var reopened: Int
    /// Transitions to closed in the period.
    public var closed: Int
    /// The middle value (odd `closed`) or two middle values (even), in ascending order;
    /// empty when nothing closed.
    public var middleDurations: [Int64]

    /// Creates the counts.
    public init(active: Int, openAtEnd: Int, opened: Int, reopened: Int, closed: Int, middleDurations: [Int64]) {
        self.active = active
        self.openAtEnd = openAtEnd
        self.opened = opened
        self.reopened = reopened
        self.closed = closed
        self.middleDurations = middleDurations
    }

    /// Counts the spans of a period (the SQLite path's reduction, with the same rules as
    /// `ConversationMetrics(period:spans:)`).
    public init<S: Sequence>(period: Range<Instant>, spans: S) where S.Element == ConversationSpan {
        var active = ContactSet()
        var openAtEnd = 0
        var opened = 0
        var reopened = 0
        var durations: [Int64] = []
        for span in spans where span.openedAt < period.upperBound {
            let closedAt = span.closedAt ?? .max
            guard closedAt >= period.lowerBound else { continue }
            active.insert(span.contact)
            if closedAt >= period.upperBound { openAtEnd += 1 }
            if span.openedAt >= period.lowerBound {
                opened += 1
                if span.isReopen { reopened += 1 }
            }
            if closedAt < period.upperBound { durations.append(closedAt - span.openedAt) }
        }
        durations.sort()
        self.init(
            active: active.count, openAtEnd: openAtEnd, opened: opened, reopened: reopened, closed: durations.count,
            middleDurations: middleValues(ofSorted: durations))
    }
}

/// The one or two middle values of sorted values (what a median needs; empty for none): the
/// SQLite path's reduction of a list to what a warehouse returns for it.
func middleValues<Value>(ofSorted sorted: [Value]) -> [Value] {
    guard !sorted.isEmpty else { return [] }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? [sorted[middle]] : [sorted[middle - 1], sorted[middle]]
}

extension PeriodData {
    /// The period's rows reduced to the aggregates the blocks are built from (what a
    /// warehouse computes in SQL instead), response times without business hours.
    public var aggregates: PeriodAggregates { aggregates(businessHours: nil) }

    /// The period's rows reduced to the aggregates, response times measured with
    /// `businessHours` (a setting: only time inside them counts).
    public func aggregates(businessHours: BusinessHours?) -> PeriodAggregates {
        var aggregates = PeriodAggregates(
            messages: tally.counts, previous: previous,
            newUsersPerDay: AudienceMetrics.newUsersPerDay(firstInbound, period: period, calendar: calendar),
            countries: countries, latestNames: latestNames, goals: goals, goalCounts: GoalCounts(events: goalEvents),
            conversations: ConversationCounts(period: instants, spans: conversationSpans))
        aggregates.consent = ConsentCounts(period: instants, rows: consent)
        aggregates.consentTimesStored = consentTimesStored
        aggregates.delivery = delivery.map(DeliveryAggregate.init(tally:))
        aggregates.previousReachedUsers = previousReachedUsers
        aggregates.statusesStored = statusesStored
        (aggregates.responseTimes, aggregates.previousResponseTimes) = responseTimeAggregates(businessHours: businessHours)
        aggregates.breakdowns = breakdownInputs.map {
            BreakdownAggregate(
                input: $0, received: receivedByContact, newContacts: newContacts, goalEvents: goalEvents,
                journeyRuns: journeyRuns, periodEnd: instants.upperBound,
                reached: statusesStored ? delivery?.reached ?? ContactSet() : nil)
        }
        aggregates.summary = SummaryAggregate(data: self)
        aggregates.journeys = JourneyAggregate(
            period: instants, runs: journeyRuns, results: journeyResults, names: journeyNames, runsStored: journeysImported)
        return aggregates
    }
}

/// The consent times of a period's contacts as counts (see `ConsentMetrics`).
public struct ConsentCounts: Equatable, Sendable {
    /// Contacts with an `opted_in_at` or an `opted_out_at` among those counted.
    public var contactsWithTimes: Int
    /// Of those, the ones whose `opted_in_at` is in the period.
    public var optIns: Int
    /// The ones whose `opted_out_at` is in the period.
    public var optOuts: Int
    /// The ones opted in at the end of the period.
    public var optedInAtEnd: Int

    /// Creates the counts.
    public init(contactsWithTimes: Int, optIns: Int, optOuts: Int, optedInAtEnd: Int) {
        self.contactsWithTimes = contactsWithTimes
        self.optIns = optIns
        self.optOuts = optOuts
        self.optedInAtEnd = optedInAtEnd
    }

    /// Counts the contacts' consent times with `ConsentMetrics`'s rules (rows with neither
    /// time are ignored).
    public init<S: Sequence>(period: Range<Instant>, rows: S) where S.Element == ConsentRow {
        var counts = ConsentCounts(contactsWithTimes: 0, optIns: 0, optOuts: 0, optedInAtEnd: 0)
        for row in rows {
            guard row.optedInAt != nil || row.optedOutAt != nil else { continue }
            counts.contactsWithTimes += 1
            if let optIn = row.optedInAt, period.contains(optIn) { counts.optIns += 1 }
            if let optOut = row.optedOutAt, period.contains(optOut) { counts.optOuts += 1 }
            guard let optIn = row.optedInAt, optIn < period.upperBound else { continue }
            if let optOut = row.optedOutAt, optOut > optIn, optOut < period.upperBound { continue }
            counts.optedInAtEnd += 1
        }
        self = counts
    }
}

extension ConsentMetrics {
    /// Builds the block from counts: nil numbers when no contact counted has a time and the
    /// source holds none (`timesStored` false), zeros when the source has times but none of
    /// these contacts has one.
    public init(counts: ConsentCounts, timesStored: Bool) {
        if counts.contactsWithTimes > 0 {
            self.init(optIns: counts.optIns, optOuts: counts.optOuts, optedInAtEnd: counts.optedInAtEnd)
        } else if timesStored {
            self.init(optIns: 0, optOuts: 0, optedInAtEnd: 0)
        } else {
            self = .unmeasured
        }
    }
}
