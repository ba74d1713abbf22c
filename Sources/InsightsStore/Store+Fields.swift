import GRDB
import InsightsMetrics

/// One contact field as `insights fields` lists it: how many contacts have it and its most
/// common values.
public struct FieldSummary: Equatable, Sendable {
    /// One value of the field (grouped ignoring case and surrounding spaces).
    public struct Value: Equatable, Sendable {
        /// The spelling most of its contacts use, trimmed (ties: the smallest, code point order).
        public let value: String
        /// How many contacts hold it.
        public let contacts: Int

        /// Creates a value with its count.
        public init(value: String, contacts: Int) {
            self.value = value
            self.contacts = contacts
        }
    }

    /// The field's name.
    public let field: String
    /// How many contacts have a value for it.
    public let contacts: Int
    /// How many distinct values it has (grouped).
    public let distinctValues: Int
    /// Its values, most contacts first (ties by value, code point order).
    public let values: [Value]
}

extension Store {
    /// Every contact field, by name (code point order), with its values most common first
    /// (all of them; callers show the first few). One pass over `contact_fields`.
    public func fieldSummaries() throws(StoreError) -> [FieldSummary] {
        try wrap {
            try queue.read { db in
                var counts: [String: [String: [String: Int]]] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT field, value_folded, value, COUNT(*) FROM contact_fields GROUP BY field, value_folded, value"
                )
                while let row = try rows.next() {
                    let field: String = row[0]
                    let folded: String = row[1]
                    let value: String = row[2]
                    let spelling = value.trimmingCharacters(in: .whitespacesAndNewlines)
                    counts[field, default: [:]][folded, default: [:]][spelling, default: 0] += row[3] as Int
                }
                return counts.keys.sorted(by: codePointPrecedes).map { field in
                    let groups = counts[field] ?? [:]
                    let values = groups.values.map { spellings -> FieldSummary.Value in
                        let best = spellings.min {
                            $0.value != $1.value ? $0.value > $1.value : codePointPrecedes($0.key, $1.key)
                        }
                        return FieldSummary.Value(value: best?.key ?? "", contacts: spellings.values.reduce(0, +))
                    }.sorted { $0.contacts != $1.contacts ? $0.contacts > $1.contacts : codePointPrecedes($0.value, $1.value) }
                    return FieldSummary(
                        field: field, contacts: values.reduce(0) { $0 + $1.contacts }, distinctValues: values.count,
                        values: values)
                }
            }
        }
    }
}

extension Store {
    /// The values of `field` with their contacts, most first (`fieldSummaries`' order); for
    /// `country`, the regions the report places contacts in (`ZZ`: unknown).
    public func fieldValueCounts(_ field: String) throws(StoreError) -> [FieldSummary.Value] {
        if field == SegmentCondition.countryField {
            return try wrap {
                try queue.read { db in
                    try Row.fetchAll(db, sql: "SELECT region, COUNT(*) FROM contacts GROUP BY region").map {
                        FieldSummary.Value(value: $0[0], contacts: $0[1])
                    }.sorted { $0.contacts != $1.contacts ? $0.contacts > $1.contacts : codePointPrecedes($0.value, $1.value) }
                }
            }
        }
        return try fieldSummaries().first { $0.field == field }?.values ?? []
    }
}
