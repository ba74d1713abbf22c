import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsStore

/// `message_delivery` is derived at import: after any sequence of imports (statuses before
/// their messages, messages replaced by later rows) it must list exactly the stored outbound
/// messages with a status, `reached` when one is `delivered` or `read`.
@Suite(.temporaryFolders) struct MessageDeliveryTests {
    static let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
    static let statusHeader = "message_id,status,timestamp\n"

    /// A listed message as stored: its id, its instant, its contact and whether it reached.
    struct Listed: Equatable, CustomStringConvertible {
        let message: String
        let timestamp: Instant
        let contact: String
        let reached: Bool

        init(_ message: String, _ time: String, _ contact: String, reached: Bool) {
            self.init(message: message, timestamp: utc("2026-10-05T\(time)"), contact: contact, reached: reached)
        }

        init(message: String, timestamp: Instant, contact: String, reached: Bool) {
            (self.message, self.timestamp, self.contact, self.reached) = (message, timestamp, contact, reached)
        }

        var description: String { "\(message)@\(timestamp)/\(contact)\(reached ? " reached" : "")" }
    }

    @Test func handWorkedRowsFollowEachImport() throws {
        let db = try TestDatabase()
        // m1 to c1 is delivered, m2 to c2 only sent and then failed, m3 from c1 (inbound) read;
        // m9's delivery comes before m9 itself.
        try db.importText(
            "messages.csv",
            Self.header
                + "m1,c1,outbound,2026-10-05T09:00:00Z,stack,s1,Onboarding\n"
                + "m2,c2,outbound,2026-10-05T09:05:00Z,coach,k1,Kim\nm3,c1,inbound,2026-10-05T09:10:00Z,,,\n")
        #expect(try listed(db) == [])
        try db.importText(
            "message_statuses.csv",
            Self.statusHeader
                + "m1,delivered,2026-10-05T09:01:00Z\nm2,sent,2026-10-05T09:06:00Z\nm2,failed,2026-10-05T09:07:00Z\n"
                + "m3,read,2026-10-05T09:11:00Z\nm9,delivered,2026-10-05T10:01:00Z\n")
        let m1 = Listed("m1", "09:00", "c1", reached: true)
        #expect(try listed(db) == [m1, Listed("m2", "09:05", "c2", reached: false)])
        // m9 arrives: its stored delivery reaches c3.
        try db.importText("messages-2.csv", Self.header + "m9,c3,outbound,2026-10-05T10:00:00Z,api,a1,API\n")
        #expect(
            try listed(db) == [m1, Listed("m2", "09:05", "c2", reached: false), Listed("m9", "10:00", "c3", reached: true)])
        // m2 is read at last; m9 moves to 08:00 and to c4; m1 turns out to be inbound.
        try db.importText("message_statuses-2.csv", Self.statusHeader + "m2,read,2026-10-05T09:30:00Z\n")
        try db.importText(
            "messages-3.csv",
            Self.header + "m9,c4,outbound,2026-10-05T08:00:00Z,api,a1,API\nm1,c1,inbound,2026-10-05T09:00:00Z,,,\n")
        let now = [Listed("m9", "08:00", "c4", reached: true), Listed("m2", "09:05", "c2", reached: true)]
        #expect(try listed(db) == now)
        // A delivery stored again (the same row) or a second one changes nothing.
        try db.importText(
            "message_statuses-3.csv",
            Self.statusHeader + "m2,read,2026-10-05T09:30:00Z\nm2,delivered,2026-10-05T09:29:00Z\n")
        #expect(try listed(db) == now)
        // m9 imported again as it is, and m2 with another author only: both stay listed.
        try db.importText(
            "messages-4.csv",
            Self.header + "m9,c4,outbound,2026-10-05T08:00:00Z,api,a1,API\nm2,c2,outbound,2026-10-05T09:05:00Z,stack,s1,Flow\n")
        #expect(try listed(db) == now)
        try expectRowsEqualAFullDerivation(db)
    }

    @Test func theReportCountsReachedUsersAlongTheTable() throws {
        let db = try TestDatabase()
        // c1 is reached twice at 09:00 and 11:00, c2 once at 10:00; c3's message only failed.
        try db.importText(
            "messages.csv",
            Self.header
                + "m1,c1,outbound,2026-10-05T09:00:00Z,stack,s1,Onboarding\nm2,c2,outbound,2026-10-05T10:00:00Z,api,a1,API\n"
                + "m3,c1,outbound,2026-10-05T11:00:00Z,api,a1,API\nm4,c3,outbound,2026-10-05T11:30:00Z,api,a1,API\n")
        try db.importText(
            "message_statuses.csv",
            Self.statusHeader
                + "m1,read,2026-10-05T09:02:00Z\nm2,delivered,2026-10-05T10:01:00Z\nm3,delivered,2026-10-05T11:01:00Z\n"
                + "m4,failed,2026-10-05T11:31:00Z\n")
        var visits: [String] = []
        try db.store.queue.read { database in
            try Store.forEachReachedMessage(database, in: utc("2026-10-05T09:00")..<utc("2026-10-05T11:00")) {
                contact, timestamp in visits.append("\(contact)@\(timestamp)")
            }
        }
        // The range's end is excluded: m3 at 11:00 is not read.
        #expect(visits == ["1@\(utc("2026-10-05T09:00"))", "2@\(utc("2026-10-05T10:00"))"])
    }

    @Test func importsInAnyOrderGiveTheRowsOfAFullDerivation() throws {
        var random = SplitMix(seed: 11)
        var messages: [String] = []
        var statuses: [String] = []
        for _ in 0..<300 {
            // Some ids repeat: the later row moves the message (time, contact, direction).
            let id = "m\(random.below(120))"
            if random.below(2) == 0 {
                let time = "2026-10-0\(5 + random.below(3))T1\(random.below(10)):00:00Z"
                let direction = random.below(3) == 0 ? "inbound,\(time),,," : "outbound,\(time),api,a1,API"
                messages.append("\(id),c\(random.below(6)),\(direction)")
            } else {
                let status = ["sent", "delivered", "read", "failed"][random.below(4)]
                statuses.append("\(id),\(status),2026-10-0\(5 + random.below(3))T1\(random.below(10)):30:00Z")
            }
        }
        let db = try TestDatabase()
        for chunk in 0..<6 {
            let m = messages.enumerated().filter { $0.offset % 6 == chunk }.map(\.element)
            let s = statuses.enumerated().filter { $0.offset % 6 == (chunk + 3) % 6 }.map(\.element)
            try db.importText("message_statuses-\(chunk).csv", Self.statusHeader + s.joined(separator: "\n") + "\n")
            try db.importText("messages-\(chunk).csv", Self.header + m.joined(separator: "\n") + "\n")
            try expectRowsEqualAFullDerivation(db)
        }
        let rows = try listed(db)
        #expect(rows.contains { $0.reached } && rows.contains { !$0.reached }, "the data has both kinds")
    }

    @Test func migratingAVersion5DatabaseDerivesTheRows() throws {
        let folder = try TestPaths.temporaryDirectory("migrate-v5")
        let path = folder.appendingPathComponent("v5.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO contacts(id, contact_id) VALUES (1, 'c1'), (2, 'c2');
                    INSERT INTO messages(message_id, contact, inbound, ts) VALUES
                        ('m1', 1, 0, 1000), ('m2', 2, 0, 2000), ('m3', 1, 1, 3000), ('m4', 2, 0, 4000);
                    INSERT INTO message_statuses(message_id, status, ts) VALUES
                        ('m1', 'delivered', 1100), ('m1', 'read', 1200), ('m2', 'failed', 2100),
                        ('m3', 'read', 3100), ('m4', 'read', 4100), ('m5', 'delivered', 5100);
                    """)
        }
        try queue.close()
        let store = try Store(path: path)
        let rows = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT message, ts, contact, reached FROM message_delivery ORDER BY message").map {
                [$0[0], $0[1], $0[2], $0[3]] as [Int64]
            }
        }
        // m3 is inbound; m5's status names no stored message.
        #expect(rows == [[1, 1000, 1, 1], [2, 2000, 2, 0], [4, 4000, 2, 1]])
    }

    // MARK: - Helpers

    private func listed(_ db: TestDatabase) throws -> [Listed] {
        try db.store.queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.message_id, d.ts, c.contact_id, d.reached FROM message_delivery d
                    JOIN messages m ON m.id = d.message JOIN contacts c ON c.id = d.contact ORDER BY d.ts, m.message_id
                    """
            ).map { Listed(message: $0[0], timestamp: $0[1], contact: $0[2], reached: $0[3]) }
        }
    }

    /// The table equals what the stored messages and statuses give from scratch (each row
    /// naming its message's current instant and contact).
    private func expectRowsEqualAFullDerivation(_ db: TestDatabase, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let expected = try db.store.queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT m.message_id, m.ts, c.contact_id,
                        m.message_id IN (SELECT message_id FROM message_statuses WHERE status = 'delivered' OR status = 'read')
                    FROM messages m JOIN contacts c ON c.id = m.contact
                    WHERE m.inbound = 0 AND m.message_id IN (SELECT message_id FROM message_statuses)
                    ORDER BY m.ts, m.message_id
                    """
            ).map { Listed(message: $0[0], timestamp: $0[1], contact: $0[2], reached: $0[3]) }
        }
        #expect(try listed(db) == expected, sourceLocation: sourceLocation)
    }
}
