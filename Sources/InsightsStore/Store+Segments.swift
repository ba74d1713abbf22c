import GRDB
import InsightsMetrics

/// The reads of segments and breakdowns over `contact_fields`. Each `Database` function runs
/// inside the caller's read; the `Store` functions of the same name open a read.
extension Store {
    /// The contacts whose field `field` (matched exactly) has a value equal to `value` after
    /// trimming both and ignoring case (`Store.foldedFieldValue`), in contact order: one
    /// range of the index `contact_fields_value`. A contact without a contacts row has no
    /// fields, so it is never among them.
    public func contacts(whereField field: String, equals value: String) throws(StoreError) -> [ContactKey] {
        try wrap { try queue.read { db in try Self.contacts(db, whereField: field, equals: value) } }
    }

    /// Every contact that has a value for `field`, with that value as given (not trimmed or
    /// folded: a breakdown groups ignoring case and shows the most common spelling).
    public func fieldValues(_ field: String) throws(StoreError) -> [ContactKey: String] {
        try wrap { try queue.read { db in try Self.fieldValues(db, field) } }
    }

    static func contacts(_ db: Database, whereField field: String, equals value: String) throws -> [ContactKey] {
        try Int64.fetchAll(
            db.cachedStatement(
                sql: "SELECT contact FROM contact_fields WHERE field = ? AND value_folded = ? ORDER BY contact"),
            arguments: [field, foldedFieldValue(value)])
    }

    static func fieldValues(_ db: Database, _ field: String) throws -> [ContactKey: String] {
        var values: [ContactKey: String] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT contact, value FROM contact_fields WHERE field = ?"), arguments: [field])
        while let row = try rows.next() { values[row[0]] = row[1] }
        return values
    }
}
