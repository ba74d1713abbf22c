import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// A fresh database in a temporary folder, and a helper to write input files beside it.
struct TestDatabase {
    let folder: URL
    let store: Store

    init() throws {
        folder = try TestPaths.temporaryDirectory("store")
        store = try Store(path: folder.appendingPathComponent("test.sqlite").path)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @discardableResult
    func importText(
        _ name: String, _ text: String, kind: RecordKind? = nil, skipInvalid: Bool = false
    ) throws -> ImportSummary {
        try store.importFile(
            ImportFile(path: file(name, text), kind: kind), timestamps: TimestampParser(),
            options: ImportOptions(skipInvalid: skipInvalid))
    }
}

@Suite(.temporaryFolders) struct StoreImportTests {
    static let goals = "goal_id,name\ng1,Attend visits\ng2,Quit smoking\n"
    static let behaviours = "behaviour_id,goal_id,name\nb1,g1,Booked\nb2,g2,Quit date\n"
    static let messages = """
        message_id,contact_id,direction,timestamp,author_type,author_id,author_name
        m1,c1,inbound,2026-10-05T09:00:00Z,,,
        m2,c1,outbound,2026-10-05T09:01:00Z,stack,s1,Onboarding
        m3,c2,inbound,2026-10-06T10:00:00Z,,,

        """

    @Test func reimportingTheSameFileReplacesRows() throws {
        let db = try TestDatabase()
        let first = try db.importText("messages.csv", Self.messages)
        #expect((first.read, first.new, first.replaced) == (3, 3, 0))
        let second = try db.importText("messages.csv", Self.messages)
        #expect((second.read, second.new, second.replaced) == (3, 0, 3))
        #expect(try db.store.counts()["messages"] == 3)
        // Messages made contacts that had no contacts row.
        #expect(try db.store.counts()["contacts"] == 2)
    }

    @Test func aBadRowLeavesTheDatabaseAsItWas() throws {
        let db = try TestDatabase()
        try db.importText("messages.csv", Self.messages)
        let before = try db.store.counts()
        let bad =
            Self.messages.replacingOccurrences(of: "m3,c2,inbound", with: "m3,c2,upward")
            + "m4,c3,inbound,2026-10-06T11:00:00Z,,,\n"
        #expect {
            try db.importText("messages.csv", bad)
        } throws: { error in
            guard let error = error as? ImportError, case .invalidRows(let issues, let total) = error.reason else {
                return false
            }
            return total == 1
                && issues == [
                    RowIssue(
                        line: 4,
                        reason: "column \"direction\": \"upward\" is not a direction (use inbound/outbound, in/out or I/O)")
                ]
        }
        #expect(try db.store.counts() == before)
    }

    @Test func skipInvalidStoresTheGoodRowsAndReturnsTheRest() throws {
        let db = try TestDatabase()
        let bad = Self.messages.replacingOccurrences(of: "m3,c2,inbound", with: "m3,c2,upward")
        let summary = try db.importText("messages.csv", bad, skipInvalid: true)
        #expect((summary.read, summary.new, summary.rejected.count) == (3, 2, 1))
        #expect(summary.rejected.first?.issue.line == 4)
        #expect(summary.rejected.first?.fields == ["m3", "c2", "upward", "2026-10-06T10:00:00Z", "", "", ""])
        #expect(try db.store.counts()["messages"] == 2)
    }

    @Test func goalReferencesMustResolve() throws {
        let db = try TestDatabase()
        try db.importText("goals.csv", Self.goals)
        let before = try db.store.counts()
        #expect {
            try db.importText("behaviours.csv", "behaviour_id,goal_id,name\nb1,g1,Booked\nb9,g9,Unknown\n")
        } throws: { error in
            (error as? ImportError)?.reason
                == .invalidRows(
                    [RowIssue(line: 3, reason: "column \"goal_id\": unknown goal \"g9\" (import goals first)")], total: 1)
        }
        #expect(try db.store.counts() == before)
        try db.importText("behaviours.csv", Self.behaviours)
        #expect {
            try db.importText(
                "goal_events.csv",
                """
                contact_id,goal_id,behaviour_id,event,timestamp
                c1,g1,b1,actioned,2026-10-05T09:00:00Z
                c1,g1,b2,actioned,2026-10-05T09:00:00Z
                c1,g7,,started,2026-10-05T09:00:00Z
                c1,g1,b8,actioned,2026-10-05T09:00:00Z
                c1,g2,b2,actioned,2026-10-05T09:00:00Z
                c1,g1,b2,actioned,2026-10-05T09:01:00Z
                c1,g7,,started,2026-10-05T09:01:00Z

                """)
        } throws: { error in
            (error as? ImportError)?.reason
                == .invalidRows(
                    [
                        RowIssue(line: 3, reason: "column \"behaviour_id\": behaviour \"b2\" belongs to goal \"g2\", not \"g1\""),
                        RowIssue(line: 4, reason: "column \"goal_id\": unknown goal \"g7\" (import goals first)"),
                        RowIssue(line: 5, reason: "column \"behaviour_id\": unknown behaviour \"b8\" (import behaviours first)"),
                        // The same answers once the goals and behaviours are remembered.
                        RowIssue(line: 7, reason: "column \"behaviour_id\": behaviour \"b2\" belongs to goal \"g2\", not \"g1\""),
                        RowIssue(line: 8, reason: "column \"goal_id\": unknown goal \"g7\" (import goals first)"),
                    ], total: 5)
        }
        #expect(try db.store.counts()["goal_events"] == 0)
    }

    @Test func eventsWithoutIdsAreIdenticalWhenEveryFieldIs() throws {
        let db = try TestDatabase()
        try db.importText("goals.csv", Self.goals)
        try db.importText("behaviours.csv", Self.behaviours)
        let events = """
            contact_id,goal_id,behaviour_id,event,timestamp
            c1,g1,,started,2026-10-05T09:00:00Z
            c1,g1,b1,actioned,2026-10-05T09:00:00Z
            c1,g1,b1,actioned,2026-10-06T09:00:00Z

            """
        let first = try db.importText("goal_events.csv", events)
        let second = try db.importText("goal_events.csv", events)
        #expect((first.new, second.new, second.replaced) == (3, 0, 3))
        #expect(try db.store.counts()["goal_events"] == 3)
        let closes = "contact_id,event,timestamp,actor_name\nc1,closed,2026-10-05T10:00:00Z,Thandi\n"
        try db.importText("conversation_events.csv", closes)
        let again = try db.importText("conversation_events.csv", closes.replacingOccurrences(of: "Thandi", with: "Joseph"))
        #expect((again.new, again.replaced) == (0, 1))
        #expect(try db.store.counts()["conversation_events"] == 1)
    }

    @Test func newerSchemaIsRefused() throws {
        let db = try TestDatabase()
        let path = db.store.path
        // Simulate a database written by a future version with a migration we do not know.
        try db.store.setMeta("probe", "1")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v999-future')\"); c.commit()",
            path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(throws: StoreError.schemaTooNew(path: path, unknownMigrations: ["v999-future"])) {
            try Store(path: path)
        }
    }

    @Test func missingDatabaseIsNotCreatedForReports() {
        #expect(throws: StoreError.databaseNotFound("/nonexistent/x.sqlite")) {
            try Store(path: "/nonexistent/x.sqlite", create: false)
        }
    }
}

/// The archive's stamp of the stored data.
@Suite(.temporaryFolders) struct DataStampTests {
    @Test func aRestoredCopyWithOtherDataHasAnotherStamp() throws {
        // Two databases with one id and one import each: what a restored copy of an empty
        // database becomes when each gets a different file. Both count 1 import.
        let original = try TestDatabase()
        let copy = try TestDatabase()
        try original.store.setMeta(.databaseID, "same-id")
        try copy.store.setMeta(.databaseID, "same-id")
        let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        try original.importText("messages.csv", header + "m1,c1,inbound,2026-10-01T09:00:00Z,,,\n")
        try copy.importText("messages.csv", header + "m2,c2,inbound,2026-10-02T09:00:00Z,,,\n")
        #expect(try original.store.meta(.dataVersion) == "1")
        #expect(try copy.store.meta(.dataVersion) == "1")
        #expect(try original.store.dataStamp() != copy.store.dataStamp())
    }

    @Test func theStampChangesWithTheDataOnly() throws {
        let db = try TestDatabase()
        let header = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        try db.importText("messages.csv", header + "m1,c1,inbound,2026-10-01T09:00:00Z,,,\n")
        let first = try db.store.dataStamp()
        #expect(try db.store.dataStamp() == first)
        // A file with no rows changes nothing; a new row does.
        try db.importText("messages.csv", header)
        #expect(try db.store.dataStamp() == first)
        try db.importText("messages.csv", header + "m2,c1,inbound,2026-10-02T09:00:00Z,,,\n")
        #expect(try db.store.dataStamp() != first)
    }
}
