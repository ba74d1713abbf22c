import Foundation
import InsightsMetrics

/// One value of a contact field as `archive --per FIELD` lists it: the spelling most of its
/// contacts use (trimmed; ties: the smallest in code point order) and how many hold it.
public struct WarehouseFieldValue: Equatable, Sendable {
    /// The value as most of its contacts spell it, trimmed.
    public let value: String
    /// How many contacts hold it (any spelling).
    public let contacts: Int

    /// Creates a value with its count.
    public init(value: String, contacts: Int) {
        self.value = value
        self.contacts = contacts
    }
}

extension WarehouseSource {
    /// The values of `field` over all data (segment or not), most contacts first (ties by
    /// value, code point order), grouped ignoring case and surrounding spaces, as the SQLite
    /// path's `Store.fieldValueCounts(_:)`; for `country`, the regions contacts are placed in
    /// (`ZZ`: unknown, contacts without a contacts row included). One query.
    public func fieldValueCounts(_ field: String) throws(WarehouseError) -> [WarehouseFieldValue] {
        let tables = try tables()
        var queries = queries(tables)
        queries.segment = nil
        if field == SegmentCondition.countryField {
            let sql = queries.regionCounts
            let values = WarehouseQueries.regionParameters.filter { ViewConnection<Connection>.names(sql, $0.key) }
            var counts: [WarehouseFieldValue] = []
            for row in try connection.rows(sql, parameters: values) {
                counts.append(WarehouseFieldValue(value: try text(row, 0), contacts: Int(try integer(row, 1))))
            }
            return Self.ranked(counts)
        }
        guard tables.has("contacts", column: "fields") else { return [] }
        var groups: [String: [String: Int]] = [:]
        for row in try connection.rows(
            queries.fieldValueCounts, parameters: ["field_key": .string(try connection.dialect.jsonKey(field))])
        {
            guard let value = optionalText(row, 0) else { continue }
            let folded = FieldValue.folded(value)
            // A blank value is no value: import stores none.
            guard !folded.isEmpty else { continue }
            groups[folded, default: [:]][value.trimmingCharacters(in: .whitespacesAndNewlines), default: 0] += Int(
                try integer(row, 1))
        }
        return Self.ranked(
            groups.values.map { spellings in
                let best = spellings.min { $0.value != $1.value ? $0.value > $1.value : codePointPrecedes($0.key, $1.key) }
                return WarehouseFieldValue(value: best?.key ?? "", contacts: spellings.values.reduce(0, +))
            })
    }

    private static func ranked(_ values: [WarehouseFieldValue]) -> [WarehouseFieldValue] {
        values.sorted { $0.contacts != $1.contacts ? $0.contacts > $1.contacts : codePointPrecedes($0.value, $1.value) }
    }
}
