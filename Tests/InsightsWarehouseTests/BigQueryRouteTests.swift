import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights report|archive --bigquery` on the emulator: the report folder is the SQLite one
/// (as `WarehouseRouteTests` compares it), the span and activity queries are GoogleSQL that
/// give the store's answers, and `--dry-run` lists the queries, runs none and writes nothing.
/// Without an emulator the suite is skipped, except under CI, where it fails.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryRouteTests {
    @Test func reportFolderAndSpans() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let connection = try TestBigQuery.load(store, label: "route")
        let source = WarehouseSource(connection: connection)
        #expect(try source.messageSpan() == store.messageSpan())
        #expect(try source.activitySpan() == store.activitySpan())
        let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
        for month in [3, 4, 10] {
            let range = try #require(ReportPeriod(year: 2026, month: month)).instants(in: calendar)
            #expect(try source.hasActivity(in: range) == (month != 4), "month \(month)")
        }
        // All at once (an archive's check): one grouped query.
        let ranges = try [3, 4, 10].map { month in try #require(ReportPeriod(year: 2026, month: month)).instants(in: calendar) }
        #expect(try source.hasActivity(inEach: ranges) == [true, false, true])
        let root = try TestPaths.temporaryDirectory("bq-route")
        let sqlite = try WarehouseRouteTests.job(store, month: "2026-03-01", "2026-03-31", out: root.appendingPathComponent("s"))
            .run()
        let warehouse = try WarehouseRouteTests.job(
            UnrefusedBigQuery(source: source, stored: try WarehouseRouteTests.meta(store)), month: "2026-03-01", "2026-03-31",
            out: root.appendingPathComponent("w")
        ).run()
        try expectSameFolder(sqlite.folder, warehouse.folder)
    }

    /// A dataset with only contacts, statuses, goals and behaviours: the dry run lists its
    /// five queries (goals, behaviours, consent, and the summary's two that read no table of
    /// it), each 0 bytes on the emulator, and writes nothing, and the archive's the same five
    /// for all its months; the whole EdgeCases dataset's dry runs list every query of the
    /// report, and of the archive, and write nothing either.
    @Test func dryRunOnTheCommandLine() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        let leaving: Set<RecordKind> = [.messages, .conversationEvents, .goalEvents, .journeyRuns, .journeyResults]
        let connection = try TestBigQuery.load(store, label: "dryrun", leaving: leaving)
        let dataset = connection.dialect.container
        let folder = try TestPaths.temporaryDirectory("bq-dry-run")
        let host = try BigQueryEmulator.required()
        let result = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--bigquery-endpoint", "http://\(host)", "--month", "2026-03", "--dry-run"],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Dry run on BigQuery (nothing was run or written): 5 queries, bytes each would bill:
                  1. 2026-03-01…2026-03-31  0 bytes  goals
                  2. 2026-03-01…2026-03-31  0 bytes  behaviours
                  3. 2026-03-01…2026-03-31  0 bytes  contacts
                  4. 2026-03-01…2026-03-31  0 bytes
                  5. 2026-03-01…2026-03-31  0 bytes
                Total: 0 bytes; each query runs with --max-bytes-billed 10737418240 bytes (10.0 GiB).

                """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // The archive's: the same five, each sent once for both months (no activity table,
        // so no activity check either).
        let archive = try WarehouseCLITests.run(
            [
                "archive", "--bigquery", dataset, "--bigquery-endpoint", "http://\(host)", "--since", "2026-03", "--until",
                "2026-04", "--dry-run",
            ], in: folder)
        #expect(archive.status == 0, "\(archive.stderr)")
        #expect(
            archive.stdout == """
                Dry run on BigQuery (nothing was run or written): 5 queries, bytes each would bill:
                  1. 2026-03-01…2026-04-30, 2 months  0 bytes  goals
                  2. 2026-03-01…2026-04-30, 2 months  0 bytes  behaviours
                  3. 2026-03-01…2026-04-30, 2 months  0 bytes  contacts
                  4. 2026-03-01…2026-04-30, 2 months  0 bytes
                  5. 2026-03-01…2026-04-30, 2 months  0 bytes
                Total: 0 bytes; each query runs with --max-bytes-billed 10737418240 bytes (10.0 GiB).

                """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let full = try TestBigQuery.load(store, label: "dryrunfull")
        let whole = try WarehouseCLITests.run(
            [
                "report", "--bigquery", full.dialect.container, "--bigquery-endpoint", "http://\(host)", "--month", "2026-03",
                "--dry-run",
            ], in: folder)
        #expect(whole.status == 0, "\(whole.stderr)")
        let lines = whole.stdout.split(separator: "\n")
        #expect(lines.count > 30, "\(whole.stdout)")
        #expect(lines.contains { $0.hasSuffix("  messages") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // The whole dataset's archive of March…October: the activity check and the 29
        // grouped queries (`ArchiveGroupedTests`), for the eight months at once.
        let months = try WarehouseCLITests.run(
            [
                "archive", "--bigquery", full.dialect.container, "--bigquery-endpoint", "http://\(host)", "--since", "2026-03",
                "--until", "2026-10", "--dry-run",
            ], in: folder)
        #expect(months.status == 0, "\(months.stderr)")
        let listed = months.stdout.split(separator: "\n").dropFirst().dropLast()
        #expect(months.stdout.hasPrefix("Dry run on BigQuery (nothing was run or written): 30 queries"), "\(months.stdout)")
        #expect(listed.count == 30 && listed.allSatisfy { $0.contains(". 2026-03-01…2026-10-31, 8 months  ") })
        #expect(
            listed.first?.hasSuffix("  messages, conversation_events, goal_events, journey_runs, journey_results") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// `Unrefused` for BigQuery.
struct UnrefusedBigQuery: PeriodReportSource {
    let source: WarehouseSource<BigQueryConnection>
    var stored: [MetaKey: String] = [:]

    func newestMessage() throws(WarehouseError) -> Instant? { try source.newestMessage() }
    func messageSpan() throws(WarehouseError) -> ClosedRange<Instant>? { try source.messageSpan() }
    func meta(_ key: MetaKey) throws(WarehouseError) -> String? {
        if let value = stored[key] { return value }
        return try source.meta(key)
    }

    func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try source.report(
            period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours, refusing: [])
    }
}
