import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// `Store.importRecords`: records of another source (a Turn or RapidPro export) stored by the
/// same rules, transactions and idempotency as a file of the kind.
@Suite(.temporaryFolders) struct StoreImportRecordsTests {
    /// 2026-10-05T09:00:00Z.
    static let nine: Instant = 1_791_190_800_000_000

    static func message(_ id: String, _ contact: String, inbound: Bool, minute: Int64, type: AuthorType? = nil)
        -> ImportRecord
    {
        .message(
            MessageRecord(
                messageID: id, contactID: contact, inbound: inbound, timestamp: nine + minute * 60_000_000,
                authorType: type, authorName: type == nil ? nil : ""))
    }

    static func sourced(_ records: [ImportRecord], file: String = "runs.json") -> [SourcedRecord] {
        records.enumerated().map { SourcedRecord($1, from: RecordOrigin(file: file, line: $0 + 2)) }
    }

    @Test func recordsAreStoredAndReplacedLikeAFile() throws {
        let db = try TestDatabase()
        let records = Self.sourced([
            Self.message("m1", "c1", inbound: true, minute: 0),
            Self.message("m2", "c1", inbound: false, minute: 1, type: .stack),
            Self.message("m3", "c2", inbound: true, minute: 60),
        ])
        let first = try db.store.importRecords(records, kind: .messages, source: "the test's messages")
        // Three new messages; the two contacts are made from their ids, as a file's messages make them.
        #expect((first.file, first.read, first.new, first.replaced) == ("the test's messages", 3, 3, 0))
        #expect(try db.store.counts()["messages"] == 3)
        #expect(try db.store.counts()["contacts"] == 2)
        let second = try db.store.importRecords(records, kind: .messages, source: "the test's messages")
        #expect((second.read, second.new, second.replaced) == (3, 0, 3))
        #expect(try db.store.counts()["messages"] == 3)
        // The empty author name is no value, as an empty CSV field is: the export shows none.
        var names: [String?] = []
        try db.store.withExportSnapshot { snapshot in
            try snapshot.forEachRecord(of: .messages) { record in
                if case .message(let message) = record { names.append(message.authorName) }
            }
        }
        #expect(names == [nil, nil, nil])
    }

    @Test func invalidRecordsStoreNothingAndNameTheirSourceRows() throws {
        let db = try TestDatabase()
        let records = Self.sourced([
            Self.message("m1", "c1", inbound: true, minute: 0),
            // An outbound message without an author type, a rule of the rows (DATA.md).
            Self.message("m2", "c1", inbound: false, minute: 1),
            // An inbound message with one.
            Self.message("m3", "c1", inbound: true, minute: 2, type: .coach),
        ])
        #expect {
            try db.store.importRecords(records, kind: .messages, source: "the test's messages")
        } throws: { error in
            // Lines 3 and 4 of runs.json: the records' origins (index + 2).
            (error as? ImportError)?.localizedDescription == """
                runs.json:3: column "author_type": an outbound message needs one of stack, coach, reminder, api, automation, thread
                runs.json:4: column "author_type": "coach" on an inbound message (must be empty: the user wrote it)
                nothing from the test's messages was imported (2 invalid rows); fix the rows, or pass --skip-invalid to import the valid rows and write the rest to a rejects file
                """
        }
        #expect(try db.store.counts()["messages"] == 0)
    }

    @Test func rulesThatNeedStoredDataApplyToo() throws {
        let db = try TestDatabase()
        let event = ImportRecord.goalEvent(
            GoalEventRecord(contactID: "c1", goalID: "g9", event: .started, timestamp: Self.nine))
        #expect {
            try db.store.importRecords(
                [SourcedRecord(event, from: RecordOrigin(file: "flow_results.ndjson", line: 7))], kind: .goalEvents,
                source: "the test's goal events")
        } throws: { error in
            (error as? ImportError)?.localizedDescription.hasPrefix(
                "flow_results.ndjson:7: column \"goal_id\": unknown goal \"g9\" (import goals first)\n") == true
        }
        #expect(try db.store.counts()["goal_events"] == 0)
    }

    @Test func aRecordOfAnotherKindIsRefused() throws {
        let db = try TestDatabase()
        let records = Self.sourced([Self.message("m1", "c1", inbound: true, minute: 0)])
        #expect {
            try db.store.importRecords(records, kind: .contacts, source: "the test's contacts")
        } throws: { error in
            (error as? ImportError)?.localizedDescription.hasPrefix(
                "runs.json:2: a messages record where contacts records were expected\n") == true
        }
    }
}
