import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsStore

/// A file large next to its table is written with the table's non-unique indexes set aside and
/// built again after its rows (`DeferredIndexes`); a small one into a large table row by row.
/// Both ways must leave the same rows, derived data and schema, and a refused file nothing.
@Suite(.temporaryFolders) struct BulkLoadTests {
    static let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"

    /// The schema as `sqlite_master` has it (every table and index and its statement).
    func schema(_ store: Store) throws -> [String] {
        try store.queue.read { db in
            try String.fetchAll(
                db, sql: "SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master ORDER BY type, name")
        }
    }

    /// Every stored message and span, in a fixed order, without row ids.
    func content(_ store: Store) throws -> [String] {
        try store.queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.message_id || ' ' || c.contact_id || ' ' || m.inbound || ' ' || m.ts || ' '
                        || IFNULL(m.author_id, '-') FROM messages m JOIN contacts c ON c.id = m.contact
                    UNION ALL
                    SELECT 'span ' || c.contact_id || ' ' || s.opened_at || ' ' || IFNULL(s.closed_at, '-')
                        || ' ' || s.reopen || ' ' || s.by_inbound FROM conversation_spans s JOIN contacts c ON c.id = s.contact
                    UNION ALL
                    SELECT 'first ' || contact_id || ' ' || IFNULL(first_inbound_at, '-') FROM contacts
                    ORDER BY 1
                    """)
        }
    }

    @Test func whichLoadsSetTheIndexesAside() throws {
        let db = try TestDatabase()
        // An empty table: always (the first import). 0 rows guessed, or goals: never.
        #expect(try worth(db.store, .messages, 1))
        #expect(try !worth(db.store, .messages, 0))
        #expect(try !worth(db.store, .goals, 1_000))
        // 10 messages stored (row ids 1…10): set aside for 11 or more incoming, not 10.
        let rows = (1...10).map { "m\($0),c1,inbound,2026-10-05T09:\(String(format: "%02d", $0)):00Z,,,\n" }
        try db.importText("messages.csv", Self.header + rows.joined())
        #expect(try worth(db.store, .messages, 11))
        #expect(try !worth(db.store, .messages, 10))
    }

    @Test func setAsideAndRebuiltIndexesAreTheMigrationsOwn() throws {
        let db = try TestDatabase()
        let before = try schema(db.store)
        let (names, left): ([String], [String]) = try db.store.queue.write { db in
            var deferred = DeferredIndexes()
            try deferred.setAside(db: db, tables: ["messages"])
            // messages_ts, messages_contact_inbound_ts, messages_author_named and messages_coach;
            // the unique index of message_id stays (it finds duplicates while rows are written).
            let names = deferred.definitions.map(\.name).sorted()
            let left = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'messages' AND type = 'index'")
            try deferred.rebuild(db: db)
            return (names + deferred.definitions.map(\.name), left)
        }
        #expect(names == ["messages_author_named", "messages_coach", "messages_contact_inbound_ts", "messages_ts"])
        #expect(left == ["sqlite_autoindex_messages_1"])
        #expect(try schema(db.store) == before)
    }

    @Test func bulkAndRowByRowLoadsStoreTheSame() throws {
        // 40 history messages of c0, c1, c2 on 1–9 September, then an update where m1 comes
        // twice (the second replaces the first, moving it to c2) and h3 replaces a history row.
        let history = (0..<40).map { "h\($0),c\($0 % 3),inbound,2026-09-0\(1 + $0 % 9)T08:00:00Z,,,\n" }.joined()
        let update =
            "m1,c1,inbound,2026-10-05T09:00:00Z,,,\nm2,c1,outbound,2026-10-05T09:01:00Z,coach,k1,Kim\n"
            + "h3,c2,inbound,2026-10-05T09:02:00Z,,,\nm1,c2,inbound,2026-10-05T09:03:00Z,,,\n"
        // One database takes the history (an empty table: indexes set aside), then the update
        // row by row: 40 rows stored, not fewer than the rows its size guesses (5).
        let rowByRow = try TestDatabase()
        try rowByRow.importText("history.csv", Self.header + history, kind: .messages)
        let guess = (Self.header + update).utf8.count / Store.bytesPerRowGuess
        #expect(try !worth(rowByRow.store, .messages, guess))
        let updated = try rowByRow.importText("update.csv", Self.header + update, kind: .messages)
        // The other takes both as one file, into an empty table: indexes set aside.
        let bulk = try TestDatabase()
        let whole = try bulk.importText("all.csv", Self.header + history + update, kind: .messages)

        // The update: m1, m2 new; h3 and the second m1 replace. The whole file: 40 + 2 new.
        #expect((updated.read, updated.new, updated.replaced) == (4, 2, 2))
        #expect((whole.read, whole.new, whole.replaced) == (44, 42, 2))
        #expect(try content(rowByRow.store) == content(bulk.store))
        #expect(try schema(rowByRow.store) == schema(bulk.store))
        let stored = try content(bulk.store)
        #expect(stored.contains("m1 c2 1 \(try instant("2026-10-05T09:03:00Z")) -"))
        #expect(stored.contains("h3 c2 1 \(try instant("2026-10-05T09:02:00Z")) -"))
        // c1 has its own history (h1 on 2 September at 08:00) and m1's first place no more.
        #expect(stored.contains("first c1 \(try instant("2026-09-02T08:00:00Z"))"))
    }

    @Test func aRefusedBulkLoadLeavesTheIndexesAndRows() throws {
        let db = try TestDatabase()
        let before = try schema(db.store)
        // An empty table: set aside; the bad direction on line 3 refuses the file.
        #expect(throws: ImportError.self) {
            try db.importText(
                "messages.csv", Self.header + "m1,c1,inbound,2026-10-05T09:00:00Z,,,\nm2,c1,upward,2026-10-05T09:01:00Z,,,\n")
        }
        #expect(try schema(db.store) == before)
        #expect(try db.store.counts()["messages"] == 0)
    }

    func worth(_ store: Store, _ kind: RecordKind, _ incoming: Int) throws -> Bool {
        try store.queue.read { db in try DeferredIndexes.worthSettingAside(db: db, kind: kind, incoming: incoming) }
    }

    func instant(_ text: String) throws -> Instant {
        try TimestampParser().parse(text).get()
    }
}
