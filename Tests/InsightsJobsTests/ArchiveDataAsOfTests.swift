import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// Each page says when its data was imported; a later import that leaves a month's numbers as
/// they were must not rewrite that month for the new date alone.
@Suite(.temporaryFolders) struct ArchiveDataAsOfTests {
    let templates = TestPaths.packageRoot.appendingPathComponent("templates")

    /// Imports `csv` (messages) and records `importedOn` as the last import's time.
    private func importMessages(_ csv: String, named name: String, into database: String, importedOn: String) throws {
        let file = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent(name)
        try Data(("message_id,contact_id,direction,timestamp\n" + csv).utf8).write(to: file)
        let job = ImportJob(database: database, files: [file.path], kind: .messages)
        #expect(try job.run(job.open()) { _, _ in })
        try Store(path: database).setMeta(.lastImport, importedOn)
    }

    private func archive(_ database: String, _ out: URL) throws -> ArchiveJob.Result {
        try ArchiveJob(
            store: Store(path: database), folder: out, calendar: zone("UTC"), templates: templates,
            generatorVersion: "test"
        ).run()
    }

    private func page(_ out: URL, _ month: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent("\(month)/index.html"), encoding: .utf8)
    }

    @Test func unchangedMonthsKeepTheirImportDate() throws {
        let work = try TestPaths.temporaryDirectory("archive-as-of")
        let database = work.appendingPathComponent("a.sqlite").path
        let out = work.appendingPathComponent("archive")
        let record = out.appendingPathComponent(".insights-archive-as-of")
        try importMessages(
            "m1,c1,inbound,2026-01-10T09:00:00Z\nm2,c2,inbound,2026-03-05T09:00:00Z\n", named: "1.csv", into: database,
            importedOn: "1 April 2026, 10:00 UTC")
        let first = try archive(database, out)
        #expect(first.written == ["2026-01", "2026-03"])
        #expect(try page(out, "2026-01").contains("from data imported on 1 April 2026, 10:00 UTC."))
        #expect(
            try String(contentsOf: record, encoding: .utf8)
                == "2026-01\t1 April 2026, 10:00 UTC\n2026-03\t1 April 2026, 10:00 UTC\n")

        // A day later, a March message: January's numbers are as they were, so it keeps its
        // files (and its date); March is written with the new date.
        try importMessages(
            "m3,c3,inbound,2026-03-06T09:00:00Z\n", named: "2.csv", into: database, importedOn: "2 April 2026, 11:30 UTC")
        let second = try archive(database, out)
        #expect(second.written == ["2026-03"])
        #expect(second.unchanged == ["2026-01"])
        #expect(try page(out, "2026-01").contains("from data imported on 1 April 2026, 10:00 UTC."))
        #expect(try page(out, "2026-03").contains("from data imported on 2 April 2026, 11:30 UTC."))
        #expect(
            try String(contentsOf: record, encoding: .utf8)
                == "2026-01\t1 April 2026, 10:00 UTC\n2026-03\t2 April 2026, 11:30 UTC\n")

        // A January message: January is written again, with the newest date, and so is
        // March, whose trend across months shows January's numbers.
        try importMessages(
            "m4,c4,inbound,2026-01-11T09:00:00Z\n", named: "3.csv", into: database, importedOn: "3 April 2026, 08:00 UTC")
        let third = try archive(database, out)
        #expect(third.written == ["2026-01", "2026-03"])
        #expect(try page(out, "2026-01").contains("from data imported on 3 April 2026, 08:00 UTC."))
        #expect(try page(out, "2026-03").contains("from data imported on 3 April 2026, 08:00 UTC."))

        // An import that changes nothing shown (a message already stored): nothing is written.
        try importMessages(
            "m4,c4,inbound,2026-01-11T09:00:00Z\n", named: "4.csv", into: database, importedOn: "4 April 2026, 08:00 UTC")
        let fourth = try archive(database, out)
        #expect(fourth.written == [])
        #expect(fourth.unchanged == ["2026-01", "2026-03"])
    }

    /// Without the record (an archive made before it, or the file removed) a month is compared
    /// with the current date only: it is written again, and recorded from then on.
    @Test func withoutTheRecordMonthsAreWrittenAgain() throws {
        let work = try TestPaths.temporaryDirectory("archive-as-of")
        let database = work.appendingPathComponent("a.sqlite").path
        let out = work.appendingPathComponent("archive")
        try importMessages(
            "m1,c1,inbound,2026-01-10T09:00:00Z\nm2,c2,inbound,2026-03-05T09:00:00Z\n", named: "1.csv", into: database,
            importedOn: "1 April 2026, 10:00 UTC")
        #expect(try archive(database, out).written == ["2026-01", "2026-03"])
        try FileManager.default.removeItem(at: out.appendingPathComponent(".insights-archive-as-of"))
        try importMessages(
            "m3,c3,inbound,2026-03-06T09:00:00Z\n", named: "2.csv", into: database, importedOn: "2 April 2026, 10:00 UTC")
        let second = try archive(database, out)
        #expect(second.written == ["2026-01", "2026-03"])
        #expect(try page(out, "2026-01").contains("from data imported on 2 April 2026, 10:00 UTC."))
    }
}
