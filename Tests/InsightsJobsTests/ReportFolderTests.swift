import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// A source with one inbound message on each day of any period, from contact 1.
private struct OneMessageADay: ReportSource {
    func newestMessage() -> Instant? { utc("2026-10-31T12:00") }
    func messageSpan() -> ClosedRange<Instant>? { utc("2026-10-01T12:00")...utc("2026-10-31T12:00") }
    func meta(_ key: MetaKey) -> String? { key == .serviceName ? "Stored name" : nil }
    func periodData(period: ReportPeriod, calendar: ReportCalendar) -> PeriodData {
        var tally = MessageTally(period: period, calendar: calendar)
        for day in period.days {
            tally.add(MessageRow(contact: 1, inbound: true, timestamp: day.dayNumber * 86_400 * microsecondsPerSecond))
        }
        return PeriodData(
            period: period, calendar: calendar, tally: tally,
            previous: PreviousPeriodCounts(received: 0, sent: 0, activeUsers: 0, newUsers: 0), firstInbound: [],
            countries: ["ZZ": 1], latestNames: [:], conversationSpans: [], goals: [], goalEvents: [])
    }
}

private func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

@Suite(.temporaryFolders) struct ReportFolderTests {
    let templates = TestPaths.packageRoot.appendingPathComponent("templates")

    private func job(_ from: String, _ to: String, out: URL, email: Bool = false) -> ReportJob<OneMessageADay> {
        ReportJob(
            source: OneMessageADay(), period: period(from, to), calendar: zone("UTC"), out: out, templates: templates,
            email: email ? .init(to: "a@example.org") : nil, generatorVersion: "test")
    }

    @Test func anotherPeriodReplacesTheWholeFolder() throws {
        let root = try TestPaths.temporaryDirectory("report-folder")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let first = try job("2026-10-01", "2026-10-07", out: out, email: true).run()
        #expect(first.report.serviceName == "Stored name")
        #expect(try names(out) == ["data", "email.html", "index.html", "metrics.json", "report.eml"])
        #expect(try names(out.appendingPathComponent("data")).allSatisfy { $0.hasSuffix("_2026-10-01_2026-10-07.csv") })
        try Data("old".utf8).write(to: out.appendingPathComponent("report.pdf"))
        _ = try job("2026-10-08", "2026-10-14", out: out).run()
        // The first run's CSVs, email files and PDF are gone; 12 CSVs (one per block: the
        // summary band and 11 chart blocks) of the second period remain.
        #expect(try names(out) == ["data", "index.html", "metrics.json"])
        let data = try names(out.appendingPathComponent("data"))
        #expect(data.count == 12)
        #expect(data.allSatisfy { $0.hasSuffix("_2026-10-08_2026-10-14.csv") })
        // Nothing temporary is left beside the folder.
        #expect(try names(root) == ["report"])
        let json = try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(json.contains("2026-10-08"))
    }

    @Test func aFolderWithOtherFilesKeepsThem() throws {
        let root = try TestPaths.temporaryDirectory("report-folder")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("import"), withIntermediateDirectories: true)
        try Data("db".utf8).write(to: root.appendingPathComponent("demo.sqlite"))
        _ = try job("2026-10-01", "2026-10-07", out: root, email: true).run()
        _ = try job("2026-10-08", "2026-10-14", out: root).run()
        // The demo's database and import folder stay; the old email files and CSVs go.
        #expect(try names(root) == ["data", "demo.sqlite", "import", "index.html", "metrics.json"])
        #expect(try names(root.appendingPathComponent("data")).allSatisfy { $0.hasSuffix("_2026-10-08_2026-10-14.csv") })
        #expect(try String(contentsOf: root.appendingPathComponent("demo.sqlite"), encoding: .utf8) == "db")
    }

    @Test func leftoversOfAKilledRunAreRemovedByTheNext() throws {
        let root = try TestPaths.temporaryDirectory("report-folder")
        defer { try? FileManager.default.removeItem(at: root) }
        // What a killed process (pid 2147483646 runs nowhere) left: a staged folder and a file.
        let staged = root.appendingPathComponent(".report.insights-tmp-2147483646-new-0")
        try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: root.appendingPathComponent(".report.insights-tmp-2147483646-3"))
        // A live process's temporary file (this one's parent) is not touched.
        let live = root.appendingPathComponent(".other.insights-tmp-\(getppid())-0")
        try Data("live".utf8).write(to: live)
        _ = try job("2026-10-01", "2026-10-07", out: root.appendingPathComponent("report")).run()
        #expect(try names(root) == [live.lastPathComponent, "report"])
    }

    @Test func atomicFilesLeaveNoTemporaryAndCleanUpKilledOnes() throws {
        let root = try TestPaths.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("partial".utf8).write(to: root.appendingPathComponent(".a.txt.insights-tmp-2147483646-0"))
        let file = root.appendingPathComponent("a.txt")
        try AtomicFile.write("one", to: file)
        #expect(try AtomicFile.writeIfChanged("one", to: file) == false)
        #expect(try AtomicFile.writeIfChanged("two", to: file) == true)
        #expect(try String(contentsOf: file, encoding: .utf8) == "two")
        #expect(try names(root) == ["a.txt"])
    }
}

@Suite(.temporaryFolders) struct ExportJobTests {
    @Test func killedExportsLeaveNothingBehindTheNextRun() throws {
        let root = try TestPaths.temporaryDirectory("export-job")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try Store(path: root.appendingPathComponent("db.sqlite").path)
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Left by killed exports: this version's temporary (pid 2147483646 runs nowhere) and
        // an earlier version's `.partial`; a user's own dot file stays.
        for name in [
            ".messages.csv.insights-tmp-2147483646-4", ".contacts.csv.0F4A2C61-5D3B-4E8A-9C1D-2B3E4F5A6B7C.partial", ".keep",
        ] {
            try Data("x".utf8).write(to: out.appendingPathComponent(name))
        }
        let written = try ExportJob(store: store, folder: out, format: .csv).run()
        // An empty database: nine files (one per kind) of a header each, in import order.
        #expect(
            written.map { URL(fileURLWithPath: $0.path).lastPathComponent } == [
                "goals.csv", "behaviours.csv", "contacts.csv", "messages.csv", "message_statuses.csv", "conversation_events.csv",
                "goal_events.csv", "journey_runs.csv", "journey_results.csv",
            ])
        #expect(written.map(\.rows) == [0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(
            try names(out) == [
                ".keep", "behaviours.csv", "contacts.csv", "conversation_events.csv", "goal_events.csv", "goals.csv",
                "journey_results.csv", "journey_runs.csv", "message_statuses.csv", "messages.csv",
            ])
    }
}
