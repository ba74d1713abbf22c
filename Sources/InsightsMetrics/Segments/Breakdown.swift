/// A contact field's value as stored: as given, and folded (trimmed, lower-cased) for
/// grouping (`contact_fields.value` and `value_folded`).
public struct FieldValue: Equatable, Hashable, Sendable {
    /// The value as given.
    public let value: String
    /// The value trimmed and lower-cased: values equal so are one group.
    public let folded: String

    /// Creates a value from both spellings.
    public init(value: String, folded: String) {
        self.value = value
        self.folded = folded
    }
}

/// What a source reads for one `--breakdown FIELD`: the value of every contact (of the
/// segment, if any) that has one. `country` gives every contact's region.
public struct BreakdownInput: Equatable, Sendable {
    /// The field, as typed.
    public let field: String
    /// Each contact's value; a contact not here has none (`(none)`).
    public let values: [ContactKey: FieldValue]

    /// Creates the input of a breakdown.
    public init(field: String, values: [ContactKey: FieldValue]) {
        self.field = field
        self.values = values
    }
}

/// One row of a breakdown: the numbers of the contacts holding one value.
public struct BreakdownRow: Equatable, Sendable {
    /// What the row is.
    public enum Kind: Equatable, Sendable {
        /// The contacts with this value (grouped ignoring case and surrounding spaces).
        case value
        /// The contacts without the field: `(none)`.
        case none
        /// The rows after the 20th, summed: `other`.
        case other
    }

    /// `value`, `(none)` or `other`.
    public let kind: Kind
    /// The value shown: the spelling most of the group's contacts use (ties: the smallest in
    /// code point order); `(none)` or `other` for those rows.
    public let value: String
    /// Contacts of the row with an inbound message in the period.
    public let activeUsers: Int
    /// Contacts of the row whose first inbound message ever lies in the period.
    public let newUsers: Int
    /// Inbound messages of the row's contacts in the period.
    public let messagesReceived: Int
    /// Distinct contacts of the row with any goal completed in the period.
    public let goalCompletions: Int
    /// Completed Journey runs of the row's contacts started in the period (completed before
    /// its end).
    public let journeyCompletions: Int
    /// Contacts of the row with a message sent in the period that was delivered or read; nil
    /// without statuses.
    public let reachedUsers: Int?

    /// Creates a row from its numbers.
    public init(
        kind: Kind, value: String, activeUsers: Int, newUsers: Int, messagesReceived: Int, goalCompletions: Int,
        journeyCompletions: Int, reachedUsers: Int?
    ) {
        self.kind = kind
        self.value = value
        self.activeUsers = activeUsers
        self.newUsers = newUsers
        self.messagesReceived = messagesReceived
        self.goalCompletions = goalCompletions
        self.journeyCompletions = journeyCompletions
        self.reachedUsers = reachedUsers
    }
}

/// `--breakdown FIELD`: the report's numbers split by the values of a contact field.
///
/// The rows are the values held by the period's active users (grouped ignoring case and
/// surrounding spaces; `(none)` for active users without the field); each row's numbers are
/// over all contacts with that value, active or not (what the segment report for that value
/// shows). The 20 largest by `active_users` are listed (ties by the shown value, code point
/// order), then `other` summing the rest, only when something is left over.
public struct Breakdown: Equatable, Sendable {
    /// The field, as typed.
    public let field: String
    /// The rows, largest first, `other` last.
    public let rows: [BreakdownRow]
    /// How many values the `other` row adds up (0 without one).
    public var otherValueCount = 0

    /// How many values are listed before `other`.
    public static let limit = 20
    /// The label of the contacts without the field.
    public static let noneLabel = "(none)"
    /// The label of the rows after the 20th.
    public static let otherLabel = "other"

    /// Creates a breakdown from its rows.
    public init(field: String, rows: [BreakdownRow]) {
        self.field = field
        self.rows = rows
    }

    /// Computes the rows.
    ///
    /// - parameters:
    ///   - input: each contact's value of the field.
    ///   - received: each active contact's inbound messages in the period (its keys are the
    ///     active users).
    ///   - newContacts: the contacts whose first inbound message ever lies in the period.
    ///   - goalEvents: the period's goal events.
    ///   - journeyRuns: the runs started in the period.
    ///   - periodEnd: the end of the period (a run ending after it is still in progress).
    ///   - reached: the contacts reached in the period; nil without statuses.
    public init(
        input: BreakdownInput, received: [ContactKey: Int], newContacts: ContactSet, goalEvents: [GoalEventRow],
        journeyRuns: [JourneyRunRow], periodEnd: Instant, reached: ContactSet?
    ) {
        self.init(
            aggregate: BreakdownAggregate(
                input: input, received: received, newContacts: newContacts, goalEvents: goalEvents,
                journeyRuns: journeyRuns, periodEnd: periodEnd, reached: reached),
            statusesStored: reached != nil)
    }
}
