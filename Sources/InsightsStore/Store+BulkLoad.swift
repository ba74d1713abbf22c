import GRDB
import InsightsImport

/// The secondary indexes of a kind's tables, set aside while a file that is large next to what
/// the tables hold is written, and built again from the rows once they are all in.
///
/// Keeping an index up to date row by row is a b-tree insert at a random place for each row
/// (the contact and author indexes of messages follow no order the files come in); building it
/// from rows already stored is one sort. Both happen inside the import's transaction, so an
/// import that fails or is refused rolls the drop back with its rows: nothing is half-written,
/// and every index is there again after each file, exactly as its migration defined it (the
/// statement is read back from `sqlite_master`).
///
/// Only indexes that are not `UNIQUE` are set aside: the unique ones find the duplicates while
/// rows are written, and the import's reads (a message's stored row, a contact's key) use them.
struct DeferredIndexes {
    /// The indexes set aside: name and `CREATE INDEX` statement, in the order they were made.
    private(set) var definitions: [(name: String, sql: String)] = []

    /// The tables each kind writes its rows to (contact stubs of other kinds are few).
    static func tables(of kind: RecordKind) -> [String] {
        switch kind {
        case .messages: ["messages"]
        case .conversationEvents: ["conversation_events"]
        case .goalEvents: ["goal_events"]
        case .contacts: ["contacts", "contact_fields"]
        case .messageStatuses: ["message_statuses"]
        case .journeyRuns: ["journey_runs"]
        case .journeyResults: ["journey_results"]
        default: []
        }
    }

    /// Whether a load of about `incoming` rows should set the tables' indexes aside: when the
    /// first table holds fewer rows (an empty database's first import, or a file large next to
    /// what is stored). Building an index sorts every row of the table, so for a month appended
    /// to a long history the row-by-row inserts cost less. (Measured on the benchmark's 1M
    /// messages, whose guess is 1.7 times their rows: setting aside was 19–26% faster with up
    /// to 1.4 stored rows per incoming one, even at 1.9 and slower beyond.)
    static func worthSettingAside(db: Database, kind: RecordKind, incoming: Int) throws -> Bool {
        guard let table = tables(of: kind).first, incoming > 0 else { return false }
        // The largest row id, not COUNT(*): one seek, and never less than the rows stored.
        let stored = try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(rowid), 0) FROM \(table)") ?? 0
        return stored < incoming
    }

    /// Drops the tables' non-unique indexes, remembering how to make them again.
    mutating func setAside(db: Database, tables: [String]) throws {
        for table in tables {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master
                    WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
                    ORDER BY rowid
                    """, arguments: [table])
            for row in rows {
                let name: String = row[0]
                let sql: String = row[1]
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                definitions.append((name, sql))
            }
        }
    }

    /// Builds every index set aside again (before anything reads through them).
    mutating func rebuild(db: Database) throws {
        for definition in definitions { try db.execute(sql: definition.sql) }
        definitions = []
    }
}
