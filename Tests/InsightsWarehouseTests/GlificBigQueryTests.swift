import Foundation
import InsightsBigQuery
import InsightsGlific
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights report --bigquery … --source glific`: the Glific fixture tables loaded into the
/// BigQuery emulator as Glific's own tables and read through `GlificViews` give the same
/// aggregates and byte-identical `metrics.json` as the same files imported into SQLite by
/// `import --source glific` (`expectParity`). Each report is ~45 queries of 1–5 s on the
/// emulator, so the cases are few: the fixture's zone over its DST change, and +05:45.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct GlificBigQueryTests {
    /// Europe/Berlin, the fixtures' zone: 105 at the repeated 02:30 of 25 October is its first
    /// occurrence (00:30Z) on both paths, not the emulator's `TIMESTAMP(dt, zone)` reading
    /// (01:30Z); the period crosses the change.
    @Test func berlinOverTheChange() throws {
        try expectGlificParity(zone: "Europe/Berlin", from: "2026-10-19", to: "2026-11-01")
    }

    /// The same tables read as Kathmandu's (+05:45): every instant moves, the report's days
    /// with them.
    @Test func kathmandu() throws {
        try expectGlificParity(zone: "Asia/Kathmandu", from: "2026-10-19", to: "2026-10-25")
    }

    func expectGlificParity(zone: String, from: String, to: String) throws {
        let base = try TestGlificBigQuery.load(label: "glific")
        let options = GlificImportOptions(zone: try #require(TimeZone(identifier: zone)))
        let store = try TestGlificBigQuery.store(options)
        let connection = try GlificViews.connect(base: base, options: options)
        try expectParity(store, connection, from: from, to: to, zone: zone)
    }
}
