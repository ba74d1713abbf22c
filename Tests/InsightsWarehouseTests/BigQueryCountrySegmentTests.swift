import InsightsMetrics
import InsightsTestSupport
import Testing

/// A country segment and breakdown on the BigQuery emulator: the region placing (prefix
/// table as array parameters, `UNNEST … WITH OFFSET`, `UNION DISTINCT`, `NOT IN`) is
/// GoogleSQL it runs, with the SQLite path's numbers. One period: each query takes the
/// emulator a second or more (PostgreSQL runs the other cases).
@Suite(
    .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryCountrySegmentTests {
    /// EdgeCases with the stub x1, 29 March 2026 in Berlin: `country=US` is c2 and n01
    /// (`PostgresCountrySegmentTests.edgeCases`), broken down by country (the contacts rows'
    /// regions and, for contacts without a row, the segment's activity tables).
    @Test func edgeCases() throws {
        let store = try PostgresParityTests.store(importing: try PostgresCountrySegmentTests.edgeFiles())
        let connection = try TestBigQuery.load(store, label: "countries")
        let us = try expectSegmentParity(
            store, connection, segment: [SegmentCondition(field: "country", value: "us")], breakdowns: ["country"],
            from: "2026-03-29", to: "2026-03-29", zone: "Europe/Berlin")
        #expect(us?.messages.activeUsers == 2)
        #expect(us?.breakdowns.first?.values["US"]?.activeUsers == 2)
    }
}
