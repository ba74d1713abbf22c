import Foundation
import GRDB
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

@testable import InsightsStore

/// `conversation_spans` is derived at import: after any sequence of imports (later data,
/// earlier data, messages moved in time or to another contact) it must equal a replay of
/// every stored step from scratch.
@Suite(.temporaryFolders) struct ConversationSpanTests {
    static let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
    static let eventHeader = "contact_id,event,timestamp,actor_id,actor_name\n"

    @Test func handWorkedSpansFollowEachImport() throws {
        let db = try TestDatabase()
        // c1 writes at 09:00, a coach closes at 10:00, c1 writes again at 11:00.
        try db.importText(
            "messages.csv",
            Self.header + "m1,c1,inbound,2026-10-05T09:00:00Z,,,\nm2,c1,inbound,2026-10-05T11:00:00Z,,,\n")
        #expect(try spans(db) == [span(1, "09:00", nil, false)])
        try db.importText("conversation_events.csv", Self.eventHeader + "c1,closed,2026-10-05T10:00:00Z,,\n")
        #expect(try spans(db) == [span(1, "09:00", "10:00", false), span(1, "11:00", nil, true)])
        // An earlier message inside the first span changes nothing.
        try db.importText("messages-2.csv", Self.header + "m3,c1,inbound,2026-10-05T09:30:00Z,,,\n")
        #expect(try spans(db) == [span(1, "09:00", "10:00", false), span(1, "11:00", nil, true)])
        // m2 moves to 12:00 and m1 becomes outbound: c1 now opens at 09:30.
        try db.importText(
            "messages-3.csv",
            Self.header + "m1,c1,outbound,2026-10-05T09:00:00Z,coach,k1,Kim\nm2,c1,inbound,2026-10-05T12:00:00Z,,,\n")
        #expect(try spans(db) == [span(1, "09:30", "10:00", false), span(1, "12:00", nil, true)])
        // A close at exactly the reopening instant comes after the message: closed, zero length.
        try db.importText("events-2.csv", Self.eventHeader + "c1,closed,2026-10-05T12:00:00Z,,\n", kind: .conversationEvents)
        #expect(try spans(db) == [span(1, "09:30", "10:00", false), span(1, "12:00", "12:00", true)])
        // m3 moves to another contact: c1 has no inbound before 12:00 any more.
        try db.importText("messages-4.csv", Self.header + "m3,c2,inbound,2026-10-05T09:30:00Z,,,\n")
        #expect(
            try spans(db) == [span(1, "12:00", "12:00", false), span(2, "09:30", nil, false)])
        try expectSpansEqualAFullReplay(db)
    }

    @Test func aSpanRecordsWhetherAnInboundMessageOrAnEventOpenedIt() throws {
        let db = try TestDatabase()
        // c1 writes at 09:00; a coach closes at 10:00 and re-opens by hand at 10:30; c1 writes
        // at 10:45 (already open: no new span); the coach closes at 11:00; c1 writes at 12:00.
        try db.importText(
            "messages.csv",
            Self.header
                + "m1,c1,inbound,2026-10-05T09:00:00Z,,,\nm2,c1,inbound,2026-10-05T10:45:00Z,,,\n"
                + "m3,c1,inbound,2026-10-05T12:00:00Z,,,\n")
        try db.importText(
            "conversation_events.csv",
            Self.eventHeader
                + "c1,closed,2026-10-05T10:00:00Z,,\nc1,reopened,2026-10-05T10:30:00Z,,\n"
                + "c1,closed,2026-10-05T11:00:00Z,,\n")
        #expect(
            try spans(db) == [
                span(1, "09:00", "10:00", false), span(1, "10:30", "11:00", true, byInbound: false),
                span(1, "12:00", nil, true),
            ])
        try expectSpansEqualAFullReplay(db)
    }

    @Test func importsInAnyOrderGiveTheSpansOfAFullReplay() throws {
        var random = SplitMix(seed: 7)
        // Four contacts, steps within two days at a handful of instants (so many coincide).
        var messages: [String] = []
        var events: [String] = []
        for index in 0..<240 {
            let contact = "c\(random.below(4))"
            let time = "2026-10-0\(5 + random.below(2))T\(10 + random.below(6)):\(["00", "30"][random.below(2)]):00Z"
            if random.below(3) == 0 {
                let kind = ["closed", "closed", "reopened", "opened"][random.below(4)]
                events.append("\(contact),\(kind),\(time),,")
            } else {
                // Some ids repeat: the later row moves the message (time, contact, direction).
                let id = "m\(random.below(150))"
                let direction = random.below(4) == 0 ? "outbound,2026-10-05T10:00:00Z,api,a1,API" : "inbound,\(time),,,"
                messages.append("\(id),\(contact),\(direction)")
            }
            _ = index
        }
        let db = try TestDatabase()
        // Five imports, alternating kinds, in no time order.
        for chunk in 0..<5 {
            let m = messages.enumerated().filter { $0.offset % 5 == chunk }.map(\.element)
            let e = events.enumerated().filter { $0.offset % 5 == (chunk + 2) % 5 }.map(\.element)
            try db.importText("messages-\(chunk).csv", Self.header + m.joined(separator: "\n") + "\n")
            try db.importText(
                "events-\(chunk).csv", Self.eventHeader + e.joined(separator: "\n") + "\n", kind: .conversationEvents)
            try expectSpansEqualAFullReplay(db)
        }
        #expect(try spans(db).contains { $0.isReopen }, "the data exercises reopens")
    }

    @Test func migratingAVersion1DatabaseDerivesTheSpans() throws {
        let folder = try TestPaths.temporaryDirectory("migrate-v1")
        let path = folder.appendingPathComponent("v1.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO contacts(id, contact_id) VALUES (1, 'c1'), (2, 'c2');
                    INSERT INTO messages(message_id, contact, inbound, ts) VALUES
                        ('m1', 1, 1, 1000), ('m2', 1, 1, 3000), ('m3', 2, 1, 500);
                    INSERT INTO conversation_events(contact, event, ts) VALUES (1, 'closed', 2000), (2, 'closed', 400);
                    """)
        }
        try queue.close()
        let store = try Store(path: path)
        let spans = try store.queue.read { db in try Self.storedSpans(db) }
        #expect(
            spans == [
                ConversationSpan(contact: 1, openedAt: 1000, closedAt: 2000, isReopen: false, openedByInbound: true),
                ConversationSpan(contact: 1, openedAt: 3000, closedAt: nil, isReopen: true, openedByInbound: true),
                ConversationSpan(contact: 2, openedAt: 500, closedAt: nil, isReopen: false, openedByInbound: true),
            ])
    }

    // MARK: - Helpers

    private func span(
        _ contact: ContactKey, _ opened: String, _ closed: String?, _ reopen: Bool, byInbound: Bool = true
    ) -> ConversationSpan {
        ConversationSpan(
            contact: contact, openedAt: utc("2026-10-05T\(opened)"), closedAt: closed.map { utc("2026-10-05T\($0)") },
            isReopen: reopen, openedByInbound: byInbound)
    }

    private func spans(_ db: TestDatabase) throws -> [ConversationSpan] {
        try db.store.queue.read { db in try Self.storedSpans(db) }
    }

    static func storedSpans(_ db: Database) throws -> [ConversationSpan] {
        try Row.fetchAll(
            db,
            sql:
                "SELECT contact, opened_at, closed_at, reopen, by_inbound FROM conversation_spans ORDER BY contact, opened_at, id"
        ).map {
            ConversationSpan(contact: $0[0], openedAt: $0[1], closedAt: $0[2], isReopen: $0[3], openedByInbound: $0[4])
        }
    }

    /// The stored spans equal a replay of every stored step from the beginning.
    private func expectSpansEqualAFullReplay(_ db: TestDatabase) throws {
        let (stored, replayed) = try db.store.queue.read { db -> ([ConversationSpan], [ConversationSpan]) in
            var steps: [ContactKey: [ConversationStep]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT contact, ts FROM messages WHERE inbound = 1") {
                steps[row[0], default: []].append(.inbound(at: row[1]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT contact, event, ts, id FROM conversation_events") {
                steps[row[0], default: []].append(
                    .event(ConversationEventKind(rawValue: row[1])!, at: row[2], sequence: row[3]))
            }
            var replayed: [ConversationSpan] = []
            for (contact, contactSteps) in steps.sorted(by: { $0.key < $1.key }) {
                var replay = ConversationReplay(contact: contact)
                replay.apply(contactSteps)
                replayed += replay.spans
            }
            return (try Self.storedSpans(db), replayed)
        }
        #expect(stored == replayed)
    }
}
