import Foundation
import InsightsBigQuery
import InsightsDemo
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
        // The case's period (25 October is a 25-hour day in Berlin). Other zones run on
        // PostgreSQL: each query takes the emulator a second or more.
        try expectParity(store, connection, from: "2026-10-19", to: "2026-11-01", zone: "Europe/Berlin")
    }

    @Test func nairobiJourneys() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        let connection = try TestBigQuery.load(store, label: "nairobi")
        // The case's period (its Journeys, consent and statuses).
        try expectParity(store, connection, from: "2026-10-05", to: "2026-10-18", zone: "Africa/Nairobi")
    }

    /// The demo generator (`insights demo`'s, every kind) at a smaller size, 400 contacts over
    /// the 120 days to 2026-10-31 (the emulator takes minutes to load and query the full
    /// demo's 100,000 messages): its last 30 days in London, over the end of summer time.
    @Test func demo() throws {
        let dataset = DemoDataset.generate(DemoConfiguration(seed: 1, days: 120, contacts: 400, includesNewKinds: true))
        let files = try dataset.write(into: try TestPaths.temporaryDirectory("bq-demo"))
        let store = try PostgresParityTests.store(importing: files)
        let connection = try TestBigQuery.load(store, label: "demo")
        try expectParity(store, connection, from: "2026-10-02", to: "2026-10-31", zone: "Europe/London")
    }

    /// Hand-made edge cases (see `EdgeCases`): Berlin's 23-hour day with its neighbours, and
    /// that day in +05:45.
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let connection = try TestBigQuery.load(store, label: "edges")
        try expectParity(store, connection, from: "2026-03-28", to: "2026-03-30", zone: "Europe/Berlin")
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
