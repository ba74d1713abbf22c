/// One `--breakdown FIELD` as counts: per value of the field as stored (not folded), the
/// contacts holding it and the numbers of those contacts; and the same numbers for the
/// contacts without the field. What a warehouse returns for a breakdown (one row per stored
/// value, whatever the number of contacts); `Breakdown(aggregate:statusesStored:)` folds the
/// values into groups, names them and ranks them.
///
/// Each contact holds one value (or none), so the contacts of a group of values are the sum
/// of those of its values: adding the distinct counts of the values is exact.
public struct BreakdownAggregate: Equatable, Sendable {
    /// The field, as typed.
    public var field: String
    /// Per value as stored (untrimmed, as given): its counts. A value held by no active user
    /// is here too (its holders give the spelling of its group).
    public var values: [String: BreakdownValueCounts]
    /// The contacts without the field (or whose value is blank): `(none)`. Its `holders` is
    /// not used.
    public var none: BreakdownValueCounts

    /// Creates the aggregate from its parts.
    public init(field: String, values: [String: BreakdownValueCounts], none: BreakdownValueCounts) {
        self.field = field
        self.values = values
        self.none = none
    }

    /// Counts a breakdown's rows (the SQLite path's reduction; the parameters are those of
    /// `Breakdown(input:received:newContacts:goalEvents:journeyRuns:periodEnd:reached:)`).
    public init(
        input: BreakdownInput, received: [ContactKey: Int], newContacts: ContactSet, goalEvents: [GoalEventRow],
        journeyRuns: [JourneyRunRow], periodEnd: Instant, reached: ContactSet?
    ) {
        var values: [String: BreakdownValueCounts] = [:]
        var none = BreakdownValueCounts()
        func add(_ contact: ContactKey, _ change: (inout BreakdownValueCounts) -> Void) {
            if let value = input.values[contact]?.value {
                change(&values[value, default: BreakdownValueCounts()])
            } else {
                change(&none)
            }
        }
        for value in input.values.values { values[value.value, default: BreakdownValueCounts()].holders += 1 }
        for (contact, count) in received {
            add(contact) {
                $0.activeUsers += 1
                $0.messagesReceived += count
            }
        }
        for contact in newContacts { add(contact) { $0.newUsers += 1 } }
        for contact in Set(goalEvents.filter { $0.kind == .completed }.map(\.contact)) {
            add(contact) { $0.goalCompletions += 1 }
        }
        for run in journeyRuns {
            guard run.outcome == .completed, let endedAt = run.endedAt, endedAt < periodEnd else { continue }
            add(run.contact) { $0.journeyCompletions += 1 }
        }
        for contact in reached ?? ContactSet() { add(contact) { $0.reachedUsers += 1 } }
        self.init(field: input.field, values: values, none: none)
    }

    /// The group a stored value belongs to: trimmed and lower-cased (`Store.foldedFieldValue`);
    /// nil (no value) when that is empty.
    static func group(of value: String) -> String? {
        let folded = FieldValue.folded(value)
        return folded.isEmpty ? nil : folded
    }
}

extension FieldValue {
    /// A value as segments and breakdowns compare it: surrounding white space trimmed,
    /// lower-cased (as `Store.foldedFieldValue` stores it).
    public static func folded(_ value: String) -> String {
        trimmedText(value).lowercased()
    }
}

/// The numbers of the contacts holding one value of a breakdown's field (see `BreakdownRow`).
public struct BreakdownValueCounts: Equatable, Sendable {
    /// Contacts holding the value, active or not (the spelling most of a group's contacts use
    /// is the one shown).
    public var holders = 0
    /// Of the contacts, those with an inbound message in the period.
    public var activeUsers = 0
    /// Those whose first inbound message ever lies in the period.
    public var newUsers = 0
    /// Their inbound messages in the period.
    public var messagesReceived = 0
    /// Those with any goal completed in the period.
    public var goalCompletions = 0
    /// Their completed Journey runs started in the period (completed before its end).
    public var journeyCompletions = 0
    /// Those with a message sent in the period that was delivered or read (0 without statuses).
    public var reachedUsers = 0

    /// Creates counts (all 0 by default).
    public init(
        holders: Int = 0, activeUsers: Int = 0, newUsers: Int = 0, messagesReceived: Int = 0, goalCompletions: Int = 0,
        journeyCompletions: Int = 0, reachedUsers: Int = 0
    ) {
        self.holders = holders
        self.activeUsers = activeUsers
        self.newUsers = newUsers
        self.messagesReceived = messagesReceived
        self.goalCompletions = goalCompletions
        self.journeyCompletions = journeyCompletions
        self.reachedUsers = reachedUsers
    }

    /// The sums of two counts.
    public static func + (left: Self, right: Self) -> Self {
        Self(
            holders: left.holders + right.holders, activeUsers: left.activeUsers + right.activeUsers,
            newUsers: left.newUsers + right.newUsers, messagesReceived: left.messagesReceived + right.messagesReceived,
            goalCompletions: left.goalCompletions + right.goalCompletions,
            journeyCompletions: left.journeyCompletions + right.journeyCompletions,
            reachedUsers: left.reachedUsers + right.reachedUsers)
    }
}

extension Breakdown {
    /// Builds the rows from counts: the stored values grouped ignoring case and surrounding
    /// spaces (a blank value counts as none), the groups held by active users ranked by
    /// `active_users` (ties by the shown value), the 20 largest then `other`.
    ///
    /// - parameter statusesStored: whether `reached_users` is measured (nil in every row
    ///   otherwise).
    public init(aggregate: BreakdownAggregate, statusesStored: Bool) {
        var groups: [String?: BreakdownValueCounts] = [:]
        var spellings: [String: [String: Int]] = [:]
        groups[nil] = aggregate.none
        for (value, counts) in aggregate.values {
            let group = BreakdownAggregate.group(of: value)
            groups[group] = (groups[group] ?? BreakdownValueCounts()) + counts
            if let group, counts.holders > 0 { spellings[group, default: [:]][trimmedText(value), default: 0] += counts.holders }
        }
        let labels = spellings.mapValues { counts in
            counts.min { $0.value != $1.value ? $0.value > $1.value : codePointPrecedes($0.key, $1.key) }?.key ?? ""
        }
        func row(_ key: String?, _ sum: BreakdownValueCounts, kind: BreakdownRow.Kind? = nil) -> BreakdownRow {
            BreakdownRow(
                kind: kind ?? (key == nil ? .none : .value),
                value: kind == .other ? Self.otherLabel : key.map { labels[$0] ?? $0 } ?? Self.noneLabel,
                activeUsers: sum.activeUsers, newUsers: sum.newUsers, messagesReceived: sum.messagesReceived,
                goalCompletions: sum.goalCompletions, journeyCompletions: sum.journeyCompletions,
                reachedUsers: statusesStored ? sum.reachedUsers : nil)
        }
        // Only the values held by active users are rows.
        let sorted = groups.filter { $0.value.activeUsers > 0 }.map { ($0.key, $0.value) }.map { row($0.0, $0.1) }.sorted {
            $0.activeUsers != $1.activeUsers ? $0.activeUsers > $1.activeUsers : codePointPrecedes($0.value, $1.value)
        }
        var rows = Array(sorted.prefix(Self.limit))
        let rest = sorted.dropFirst(Self.limit)
        if !rest.isEmpty {
            let total = rest.reduce(BreakdownValueCounts()) { total, item in
                total
                    + BreakdownValueCounts(
                        activeUsers: item.activeUsers, newUsers: item.newUsers, messagesReceived: item.messagesReceived,
                        goalCompletions: item.goalCompletions, journeyCompletions: item.journeyCompletions,
                        reachedUsers: item.reachedUsers ?? 0)
            }
            rows.append(row(nil, total, kind: .other))
        }
        self.init(field: aggregate.field, rows: rows)
        otherValueCount = rest.count
    }
}
