import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The same data in SQLite and in the BigQuery emulator (loaded from `insights export`
/// through `insights schema --bigquery`'s DDL) gives the same aggregates and the same
/// `metrics.json`, with the cases of `PostgresParityTests`: every query of the engine runs
/// on the emulator, over DST changes, in +05:45 and in Chatham.
///
/// The emulator rewrites GoogleSQL onto DuckDB (sqlglot), so this checks that the templates
/// are GoogleSQL it accepts and that their results match, not BigQuery's own semantics; the
/// differences found are in the README's BigQuery notes. Without an emulator the suite is
/// skipped, except under CI, where it fails.
@Suite(
    .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryParityTests {
    @Test func berlinDST() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("berlin-dst"))
        let connection = try TestBigQuery.load(store, label: "berlin")
        // The case's period (25 October is a 25-hour day in Berlin) and the same days in +05:45.
        try expectParity(store, connection, from: "2026-10-19", to: "2026-11-01", zone: "Europe/Berlin")
        try expectParity(store, connection, from: "2026-10-19", to: "2026-11-01", zone: "Asia/Kathmandu")
        try expectParity(store, connection, from: "2026-10-24", to: "2026-10-26", zone: "America/New_York")
    }

    @Test func nairobiJourneys() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        let connection = try TestBigQuery.load(store, label: "nairobi")
        try expectParity(store, connection, from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
        try expectParity(store, connection, from: "2026-10-12", to: "2026-10-12", zone: "Pacific/Chatham")
    }

    /// The demo database (`insights demo`): its last month, and a week in +05:45.
    @Test func demo() throws {
        let folder = try TestPaths.temporaryDirectory("bq-demo")
        let templates = TestPaths.packageRoot.appendingPathComponent("templates")
        _ = try DemoJob(folder: folder, seed: 1, templates: templates).run()
        let store = try Store(path: folder.appendingPathComponent("demo.sqlite").path)
        let span = try #require(try store.messageSpan())
        let calendar = try #require(ReportCalendar(identifier: "UTC"))
        let last = calendar.localDate(at: span.upperBound)
        let connection = try TestBigQuery.load(store, label: "demo")
        try expectParity(store, connection, from: last.adding(days: -29).description, to: last.description, zone: "UTC")
        try expectParity(
            store, connection, from: last.adding(days: -6).description, to: last.description, zone: "Asia/Kathmandu")
    }

    /// Hand-made edge cases (see `EdgeCases`): both DST days of Berlin, +05:45, and most of a year.
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let connection = try TestBigQuery.load(store, label: "edges")
        try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
        try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin")
        try expectParity(store, connection, from: "2026-10-25", to: "2026-10-25", zone: "Europe/Berlin")
        try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Asia/Kathmandu")
        try expectParity(store, connection, from: "2026-03-01", to: "2026-10-31", zone: "UTC")
    }

    /// A dataset without `conversation_events` and the goal tables has no data for them.
    @Test func missingTablesAreNoData() throws {
        let files = try EdgeCases.write().filter { path in
            ["conversation_events", "goal", "behaviours"].allSatisfy { !path.contains($0) }
        }
        let store = try PostgresParityTests.store(importing: files)
        let connection = try TestBigQuery.load(
            store, label: "missing", leaving: [.conversationEvents, .goalEvents, .goals, .behaviours])
        try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin")
    }

    /// Conversation events without a messages table: only the events open and close.
    @Test func eventsWithoutMessages() throws {
        let files = try EdgeCases.write().filter { path in
            ["contacts.csv", "conversation_events.csv"].contains { path.hasSuffix("/" + $0) }
        }
        let store = try PostgresParityTests.store(importing: files)
        let connection = try TestBigQuery.load(store, label: "events", leaving: [.messages, .messageStatuses])
        try expectParity(store, connection, from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
    }
}
