import Foundation
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Synchronization
import Testing

@testable import InsightsStore

/// A report reads its period once, on connections that all see one state of the database,
/// however often imports commit meanwhile.
///
/// Every import here ("batch k") adds one contact, n<k>, writing on the first and on the last
/// day of the week reported (5 and 11 Oct 2026, UTC), its first messages ever. So after k
/// batches the one consistent report has: k active users, k new, 2k messages received, k on
/// 5 Oct and k on 11 Oct. A report mixing two states would break one of these equalities: the
/// messages are counted on the scan's connections (the days spread over three of them), the
/// new users on the GRDB one.
@Suite(.temporaryFolders) struct ReportSnapshotTests {
    static let week = period("2026-10-05", "2026-10-11")

    static func batch(_ k: Int) -> String {
        """
        message_id,contact_id,direction,timestamp
        a\(k),n\(k),inbound,2026-10-05T12:00:00Z
        b\(k),n\(k),inbound,2026-10-11T12:00:00Z

        """
    }

    /// Imports batch `k` through `store` (another connection than the report's).
    static func importBatch(_ k: Int, folder: URL, into store: Store) throws {
        let url = folder.appendingPathComponent("batch-\(k).csv")
        try Data(batch(k).utf8).write(to: url)
        _ = try store.importFile(ImportFile(path: url.path, kind: .messages), timestamps: TimestampParser())
    }

    /// The batches a report saw, after checking that it is the report of one state.
    static func batchesSeen(_ data: PeriodData) throws -> Int {
        let report = Report(data: data, serviceName: "T", generatorVersion: "0")
        let k = report.audience.newUsers
        #expect(report.audience.activeUsers == k)
        #expect(report.engagement.messagesReceived == 2 * k)
        let days = report.engagement.daily
        #expect(days.count == 7)
        #expect(days.first?.received == k)
        #expect(days.last?.received == k)
        return k
    }

    /// An import that commits after the report's first connection took its snapshot and
    /// before the others took theirs: the starts are made again, and the report is that of
    /// the state after the import.
    @Test func anImportBetweenTheStartsIsSeenByEveryConnection() throws {
        let db = try TestDatabase()
        try Self.importBatch(1, folder: db.folder, into: db.store)
        let writer = try Store(path: db.store.path)
        var calls = 0
        let data = try db.store.periodData(period: Self.week, calendar: zone("UTC"), parallelism: 3) {
            calls += 1
            if calls == 1 { try? Self.importBatch(2, folder: db.folder, into: writer) }
        }
        // Try 1: the GRDB connection saw batch 1, the others batch 2: started again. Try 2: all
        // saw batches 1 and 2.
        #expect(calls == 2)
        #expect(try Self.batchesSeen(data) == 2)
    }

    /// Imports committing between the starts every time: after `snapshotAttempts` tries the
    /// report reads on one connection, still one state, and still finishes.
    @Test func importsBetweenEveryStartEndInAReadOnOneConnection() throws {
        let db = try TestDatabase()
        try Self.importBatch(1, folder: db.folder, into: db.store)
        let writer = try Store(path: db.store.path)
        var calls = 0
        var failures: [String] = []
        let data = try db.store.periodData(period: Self.week, calendar: zone("UTC"), parallelism: 2) {
            calls += 1
            do { try Self.importBatch(1 + calls, folder: db.folder, into: writer) } catch { failures.append("\(error)") }
        }
        #expect(failures.isEmpty)
        // 32 tries, each after one more import (batches 2…33): the read on one connection
        // sees batch 1 and those 32.
        #expect(calls == Store.snapshotAttempts)
        #expect(try Self.batchesSeen(data) == 1 + Store.snapshotAttempts)
    }

    /// A writer thread commits imports back to back while three reports run (before the fix,
    /// a report gave up after 5 reads that an import interrupted): every report finishes and
    /// is the report of one state, never fewer batches than the report before it; the one
    /// after the writer has stopped sees every batch.
    @Test func reportsFinishWhileImportsKeepCommitting() throws {
        let db = try TestDatabase()
        try Self.importBatch(1, folder: db.folder, into: db.store)
        // 5,000 messages from a journey on 8 Oct, so that each read of the period lasts long
        // enough for several commits.
        var journey = "message_id,contact_id,direction,timestamp,author_type,author_id\n"
        for index in 0..<5_000 { journey += "j\(index),n1,outbound,2026-10-08T09:00:00Z,stack,s1\n" }
        try db.importText("journey.csv", journey, kind: .messages)
        let writer = try Store(path: db.store.path)
        let stop = Atomic<Bool>(false)
        let outcome = Mutex<(batches: Int, failure: String?)>((1, nil))
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let folder = db.folder
        let thread = Thread {
            defer { finished.signal() }
            // Bounded: 1,000 imports would mean the reports hang.
            for k in 2...1_000 where !stop.load(ordering: .acquiring) {
                do { try Self.importBatch(k, folder: folder, into: writer) } catch {
                    outcome.withLock { $0.failure = "batch \(k): \(error)" }
                    break
                }
                outcome.withLock { $0.batches = k }
                if k == 2 { started.signal() }
            }
        }
        thread.start()
        started.wait()
        var seen = 2
        for _ in 0..<3 {
            let data = try db.store.periodData(period: Self.week, calendar: zone("UTC"), parallelism: 3)
            let k = try Self.batchesSeen(data)
            #expect(data.tally.sent == 5_000)
            #expect(k >= seen)
            seen = k
        }
        stop.store(true, ordering: .releasing)
        finished.wait()
        let (batches, failure) = outcome.withLock { ($0.batches, $0.failure) }
        #expect(failure == nil)
        #expect(seen <= batches)
        let last = try db.store.periodData(period: Self.week, calendar: zone("UTC"), parallelism: 3)
        #expect(try Self.batchesSeen(last) == batches)
    }
}
