import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsStore

/// Messages, conversation events and goal events are written 64 rows to an `INSERT`
/// (`InsertBatch`). Whatever a file repeats (a row of the same batch, of a later batch, of a
/// stored row, twice at the end of the last partial batch), the result must be what writing
/// the rows one by one leaves: here each row imported as a file of its own, into a second
/// database, is that reference. Both databases must then hold the same rows, the same
/// derived data (first inbound messages, conversation spans, the messages reached) and have
/// counted the same rows new and replaced.
@Suite(.temporaryFolders) struct ImportBatchTests {
    /// 2026-10-03T10:00:00Z in seconds.
    static let base = 1_791_021_600

    @Test func messagesInBatchesLeaveWhatRowByRowLeaves() throws {
        // m0 … m69: contact c(i mod 3), inbound when i is even, else a coach's; minute i.
        var rows = (0..<70).map { i in
            "m\(i),c\(i % 3),\(i % 2 == 0 ? "inbound" : "outbound"),\(Self.base + 60 * i)"
                + (i % 2 == 0 ? ",,," : ",coach,k\(i % 4),Coach \(i % 4)")
        }
        // m5 (outbound, c2) again in the same batch: inbound, to a new contact c9, later.
        rows.insert("m5,c9,inbound,\(Self.base + 60 * 200),,,", at: 10)
        // m3 again in the second batch, identical: replaced, nothing moves.
        rows.insert(rows[3], at: 66)
        // m0 moved later, and m69 twice in the last, partial batch (the second wins).
        rows += [
            "m0,c0,inbound,\(Self.base + 60 * 300),,,", "m69,c0,outbound,\(Self.base + 60 * 69),api,,",
            "m69,c1,inbound,\(Self.base + 60 * 70),,,",
        ]
        // Statuses imported before their messages: m3 (outbound throughout) is reached; m5, m0
        // and m69 end inbound, with no delivery row.
        let statuses = [
            "m3,delivered,\(Self.base + 60 * 4),", "m5,read,\(Self.base + 60 * 201),", "m0,delivered,\(Self.base),",
            "m69,sent,\(Self.base + 60 * 71),",
        ]
        let (batched, byRow) = (try TestDatabase(), try TestDatabase())
        for db in [batched, byRow] {
            try db.importText("message_statuses.csv", "message_id,status,timestamp,error\n" + statuses.joined(separator: "\n"))
        }
        let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        let counts = try importBothWays(header: header, rows, kind: .messages, into: batched, byRow)
        // 75 rows name 70 ids: m5, m3, m0 and m69 (twice) are the 5 replacements.
        #expect(counts.batched == [75, 70, 5] && counts.byRow == counts.batched)
        try expectSameData(batched, byRow)
        // The last values given are stored.
        let stored = try batched.store.queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.message_id, c.contact_id, m.inbound, m.ts, m.author_type FROM messages m
                    JOIN contacts c ON c.id = m.contact WHERE m.message_id IN ('m0', 'm5', 'm69') ORDER BY m.message_id
                    """
            ).map { Array($0.databaseValues.map(\.description)) }
        }
        let micros = { (minute: Int) in String((Self.base + 60 * minute) * 1_000_000) }
        #expect(
            stored == [
                ["\"m0\"", "\"c0\"", "1", micros(300), "NULL"], ["\"m5\"", "\"c9\"", "1", micros(200), "NULL"],
                ["\"m69\"", "\"c1\"", "1", micros(70), "NULL"],
            ])
        // Again, with one of them changed: every row replaces a stored one.
        let again = try batched.importText("messages-again.csv", header + rows[0] + "\n" + rows[1].replacing("k1", with: "k2"))
        #expect([again.read, again.new, again.replaced] as [Int] == [2, 0, 2])
    }

    @Test func conversationEventsInBatchesLeaveWhatRowByRowLeaves() throws {
        // Inbound messages every minute from c0 … c2 for the events to close and reopen.
        let messages = (0..<70).map { "m\($0),c\($0 % 3),inbound,\(Self.base + 60 * $0),,," }
        // e0 … e69: c(i mod 3) closes (even i) or reopens (odd i) half a minute after message i.
        let original = (0..<70).map { i in
            "c\(i % 3),\(i % 2 == 0 ? "closed" : "reopened"),\(Self.base + 60 * i + 30),a\(i),,"
        }
        // e3 again in the same batch, e2 in the second, e0 and e69 (twice, its own last) at the end.
        var rows = original
        rows.insert("c0,reopened,\(Self.base + 60 * 3 + 30),same-batch,Kim,", at: 10)
        rows.insert("c2,closed,\(Self.base + 60 * 2 + 30),next-batch,,1", at: 66)
        rows += [
            "c0,closed,\(Self.base + 30),last-batch,,", "c0,reopened,\(Self.base + 60 * 69 + 30),first-of-two,,", original[69],
        ]
        let (batched, byRow) = (try TestDatabase(), try TestDatabase())
        let messageHeader = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        for db in [batched, byRow] { try db.importText("messages.csv", messageHeader + messages.joined(separator: "\n")) }
        let header = "contact_id,event,timestamp,actor_id,actor_name,seq\n"
        let counts = try importBothWays(header: header, rows, kind: .conversationEvents, into: batched, byRow)
        #expect(counts.batched == [75, 70, 5] && counts.byRow == counts.batched)
        try expectSameData(batched, byRow)
        let actors = try batched.store.queue.read { db in
            try [String: String](
                Row.fetchAll(db, sql: "SELECT ts, actor_id FROM conversation_events WHERE actor_id NOT LIKE 'a%'").map {
                    (String(($0[0] as Int) / 1_000_000 - Self.base), $0[1])
                }, uniquingKeysWith: { $1 })
        }
        #expect(actors == ["210": "same-batch", "150": "next-batch", "30": "last-batch"])
        // Events leave the contacts' first inbound messages as the messages made them: m0,
        // m1 and m2 (an events file does not work them out again).
        let firstInbound = try batched.store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT contact_id, first_inbound_at FROM contacts ORDER BY contact_id").map {
                "\($0[0] as String) \(($0[1] as Int) / 1_000_000 - Self.base)"
            }
        }
        #expect(firstInbound == ["c0 0", "c1 60", "c2 120"])
    }

    @Test func goalEventsInBatchesCountRepeatsOnce() throws {
        var rows = (0..<70).map { i in "c\(i % 3),g1,\(i % 2 == 0 ? "b1" : ""),started,\(Self.base + i)" }
        rows.insert(rows[5], at: 10)
        rows.insert(rows[3], at: 66)
        rows += [rows[0], rows[69], rows[69]]
        let (batched, byRow) = (try TestDatabase(), try TestDatabase())
        for db in [batched, byRow] {
            try db.importText("goals.csv", "goal_id,name\ng1,Attend visits\n")
            try db.importText("behaviours.csv", "behaviour_id,goal_id,name\nb1,g1,Booked\n")
        }
        let header = "contact_id,goal_id,behaviour_id,event,timestamp\n"
        let counts = try importBothWays(header: header, rows, kind: .goalEvents, into: batched, byRow)
        #expect(counts.batched == [75, 70, 5] && counts.byRow == counts.batched)
        try expectSameData(batched, byRow)
    }

    // MARK: - Helpers

    /// Imports `rows` as one file into `batched` and one file per row into `byRow`; returns
    /// each database's rows read, new and replaced.
    private func importBothWays(
        header: String, _ rows: [String], kind: RecordKind, into batched: TestDatabase, _ byRow: TestDatabase
    ) throws -> (batched: [Int], byRow: [Int]) {
        let whole = try batched.importText("\(kind.rawValue).csv", header + rows.joined(separator: "\n") + "\n")
        var counts = [0, 0, 0]
        for (index, row) in rows.enumerated() {
            let one = try byRow.importText("\(kind.rawValue)-\(index).csv", header + row + "\n", kind: kind)
            counts = [counts[0] + one.read, counts[1] + one.new, counts[2] + one.replaced]
        }
        return ([whole.read, whole.new, whole.replaced], counts)
    }

    /// Both databases hold the same rows and the same derived data, named by their ids.
    private func expectSameData(_ first: TestDatabase, _ second: TestDatabase) throws {
        let queries = [
            """
            SELECT m.message_id, c.contact_id, m.inbound, m.ts, m.author_type, m.author_id, m.author_name
            FROM messages m JOIN contacts c ON c.id = m.contact ORDER BY m.message_id
            """,
            "SELECT contact_id, first_inbound_at, phone, region FROM contacts ORDER BY contact_id",
            """
            SELECT c.contact_id, s.opened_at, s.closed_at, s.reopen, s.by_inbound FROM conversation_spans s
            JOIN contacts c ON c.id = s.contact ORDER BY c.contact_id, s.opened_at
            """,
            """
            SELECT m.message_id, d.ts, c.contact_id, d.reached FROM message_delivery d
            JOIN messages m ON m.id = d.message JOIN contacts c ON c.id = d.contact ORDER BY m.message_id
            """,
            """
            SELECT c.contact_id, e.event, e.ts, e.actor_id, e.actor_name, e.seq FROM conversation_events e
            JOIN contacts c ON c.id = e.contact ORDER BY c.contact_id, e.ts, e.event
            """,
            """
            SELECT c.contact_id, e.goal_id, e.behaviour_id, e.event, e.ts FROM goal_events e
            JOIN contacts c ON c.id = e.contact ORDER BY c.contact_id, e.ts, e.goal_id, e.behaviour_id
            """,
        ]
        for sql in queries {
            let dumps = try [first, second].map { db in
                try db.store.queue.read { db in try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues.map(\.description)) }
                }
            }
            #expect(dumps[0] == dumps[1], "\(sql)")
        }
    }
}
