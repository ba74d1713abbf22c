import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// Importing message statuses, Journey runs and results: idempotent, atomic per file, and the
/// conformance case with every new kind.
@Suite(.temporaryFolders) struct StoreKindsImportTests {
    static let statuses = """
        message_id,status,timestamp,error
        m1,sent,2026-10-03T10:00:01Z,
        m1,read,2026-10-03T10:05:00Z,
        m1, SENT ,1791021601,
        m2,failed,2026-10-03T11:00:05Z,131026

        """

    @Test func reimportedStatusesAreStoredOnce() throws {
        let db = try TestDatabase()
        // Row 3 is row 1 again (" SENT " is sent; 1791036300 s is 14:05:00, so 1791021601 s,
        // 14,699 s earlier, is 10:00:01): it replaces it.
        let first = try db.importText("message_statuses.csv", Self.statuses)
        #expect(first.read == 4 && first.new == 3 && first.replaced == 1)
        let again = try db.importText("message_statuses.csv", Self.statuses)
        #expect(again.new == 0 && again.replaced == 4)
        #expect(try db.store.counts()["message_statuses"] == 3)
    }

    /// Statuses are written 64 to a statement: duplicates in one batch, across batches and of
    /// stored rows count as replaced, once each, and the last error given wins, as row by row.
    @Test func statusesInBatchesCountAndReplaceAsRowByRow() throws {
        let db = try TestDatabase()
        // 150 distinct statuses (m0 … m149, sent, one instant each) and five repeats: row 5
        // again at row 10 (same batch), row 3 at row 70 and row 0 at row 150 (later batches),
        // row 149 twice at the end (the last, partial batch), each with its own error.
        var rows = (0..<150).map { "m\($0),sent,\(1_791_021_600 + $0)," }
        rows.insert("m5,sent,1791021605,same-batch", at: 10)
        rows.insert("m3,sent,1791021603,next-batch", at: 70)
        rows += ["m0,sent,1791021600,last-batch", "m149,sent,1791021749,first-of-two", "m149,sent,1791021749,second"]
        let first = try db.importText(
            "message_statuses.csv", "message_id,status,timestamp,error\n" + rows.joined(separator: "\n") + "\n")
        #expect([first.read, first.new, first.replaced] as [Int] == [155, 150, 5])
        #expect(try errors(db) == ["m0": "last-batch", "m3": "next-batch", "m5": "same-batch", "m149": "second"])
        // Stored ones again, one with a new error: all replaced, the error updated.
        let again = try db.importText(
            "message_statuses.csv", "message_id,status,timestamp,error\nm5,sent,1791021605,again\nm6,sent,1791021606,\n")
        #expect([again.read, again.new, again.replaced] as [Int] == [2, 0, 2])
        #expect(try errors(db)["m5"] == "again")
        #expect(try db.store.counts()["message_statuses"] == 150)
    }

    /// The stored statuses' errors by message id (statuses without an error left out).
    private func errors(_ db: TestDatabase) throws -> [String: String] {
        var errors: [String: String] = [:]
        try db.store.withExportSnapshot { snapshot in
            try snapshot.forEachRecord(of: .messageStatuses) { record in
                if case .messageStatus(let status) = record, let error = status.error { errors[status.messageID] = error }
            }
        }
        return errors
    }

    @Test func aBadRowLeavesEveryNewKindAsItWas() throws {
        let db = try TestDatabase()
        try db.importText("message_statuses.csv", Self.statuses)
        let before = try db.store.counts()
        let bad: [(String, String)] = [
            ("message_statuses.csv", "message_id,status,timestamp\nm7,sent,1791036300\nm8,lost,1791036300\n"),
            (
                "journey_runs.csv",
                "run_id,contact_id,journey_id,started_at,ended_at,outcome\nr1,c1,j1,1791036300,,\nr2,c1,j1,1791036300,1791036400,\n"
            ),
            (
                "journey_results.csv",
                "contact_id,journey_id,question,answer,timestamp\nc1,j1,q,a,1791036300\nc1,j1,q,,1791036300\n"
            ),
        ]
        for (name, text) in bad {
            #expect(throws: ImportError.self) { try db.importText(name, text) }
        }
        // Nothing of any file is stored: not even the contact c1 the first run row named.
        #expect(try db.store.counts() == before)
    }

    @Test func conformanceCaseImportsEveryNewKind() throws {
        let db = try TestDatabase()
        let data = TestPaths.shared.appendingPathComponent("conformance/nairobi-journeys/data")
        let order: [RecordKind] = [
            .goals, .behaviours, .contacts, .messages, .messageStatuses, .conversationEvents, .goalEvents, .journeyRuns,
            .journeyResults,
        ]
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { try ImportFile(path: data.appendingPathComponent($0).path) }
            .sorted { (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0) }
        var summaries: [String: ImportSummary] = [:]
        for file in files {
            summaries[(file.path as NSString).lastPathComponent] = try db.store.importFile(file, timestamps: TimestampParser())
        }
        // Counted with a script over the files: 316 run rows name 291 distinct run_ids; 490
        // result rows are 474 distinct once timestamps are read as instants; 11,638 status
        // rows are 11,531 distinct (message_id, status, timestamp).
        #expect(summaries["journey_runs.csv"].map { [$0.read, $0.new, $0.replaced] } == [316, 291, 25])
        #expect(summaries["journey_results.ndjson"].map { [$0.read, $0.new, $0.replaced] } == [490, 474, 16])
        #expect(summaries["message_statuses.ndjson"].map { [$0.read, $0.new, $0.replaced] } == [11_638, 11_531, 107])
        // Both contacts files: 300 CSV rows and 37 NDJSON rows, all distinct ids; 233 of them
        // have a consent time; their fields hold 1,010 values (nulls and "" left out); 56
        // contacts have a district of Kisumu in some spelling.
        #expect(summaries["contacts.csv"]?.new == 300 && summaries["contacts.ndjson"]?.new == 37)
        #expect(try db.store.consentRows().count == 233)
        #expect(try db.store.counts()["contact_fields"] == 1_010)
        #expect(try db.store.contacts(whereField: "district", equals: "kisumu").count == 56)
    }
}
