import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights report --postgres` and `insights archive --postgres`: the jobs on a warehouse
/// source write the same folder as on the SQLite store, refuse data whose blocks the engine
/// does not compute yet, and fail in one sentence with nothing written.
///
/// The data is `EdgeCases` without Journeys (it has none). While `WarehouseBlock.notComputed`
/// lists blocks, the folders are compared without those blocks (their keys of metrics.json,
/// their CSV files); once it is empty, byte for byte, every file.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct WarehouseRouteTests {
    /// The real route refuses while a block is not computed: the EdgeCases warehouse has
    /// every table (empty ones too); nothing is written.
    @Test func reportRefusesBlocksNotComputed() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let out = try TestPaths.temporaryDirectory("route-refused").appendingPathComponent("report")
            let job = try Self.job(WarehouseSource(connection: connection), month: "2026-03-01", "2026-03-31", out: out)
            guard let first = WarehouseBlock.notComputed.first else { return }
            #expect(throws: WarehouseError.notComputed(block: first.name, table: first.tables[0])) { try job.run() }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// March 2026 in Berlin (the 23-hour day) and 24–26 October (the 25-hour day): the
    /// warehouse's folder is the SQLite one (see the suite's note).
    @Test func reportFolderIsTheSQLiteFolder() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = Unrefused(source: WarehouseSource(connection: connection), stored: try Self.meta(store))
            for (from, to) in [("2026-03-01", "2026-03-31"), ("2026-10-24", "2026-10-26")] {
                let root = try TestPaths.temporaryDirectory("route-report")
                let sqlite = try Self.job(store, month: from, to, out: root.appendingPathComponent("sqlite")).run()
                let warehouse = try Self.job(source, month: from, to, out: root.appendingPathComponent("warehouse")).run()
                try expectSameFolder(sqlite.folder, warehouse.folder)
            }
        }
    }

    /// An archive of the two months with data (March and October 2026; the months between are
    /// empty and left out on both sides).
    @Test func archiveFoldersAreTheSQLiteFolders() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let root = try TestPaths.temporaryDirectory("route-archive")
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let templates = TestPaths.packageRoot.appendingPathComponent("templates")
            let sqlite = try ArchiveJob(
                store: store, folder: root.appendingPathComponent("sqlite"), calendar: calendar, title: "Route",
                templates: templates
            ).run()
            let warehouse = try ArchiveJob(
                store: Unrefused(source: WarehouseSource(connection: connection), stored: try Self.meta(store)),
                folder: root.appendingPathComponent("warehouse"), calendar: calendar, title: "Route", templates: templates
            ).run()
            #expect(sqlite.months == ["2026-03", "2026-10"])
            #expect(warehouse.months == sqlite.months)
            #expect(warehouse.written == sqlite.months)
            for month in sqlite.months {
                try expectSameFolder(
                    sqlite.folder.appendingPathComponent(month), warehouse.folder.appendingPathComponent(month))
            }
        }
    }

    /// The oldest and newest message and activity, as the store has them, and a month without
    /// any activity.
    @Test func spansAndActivity() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = WarehouseSource(connection: connection)
            // Messages: i01 2026-03-28T22:30Z … o05 2026-10-25T01:45Z; events and goal events
            // lie inside that span (c1's goal start at 22:59:59Z on the 28th is after i01).
            #expect(try source.messageSpan() == store.messageSpan())
            #expect(try source.newestMessage() == store.newestMessage())
            #expect(try source.activitySpan() == store.activitySpan())
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            for month in [3, 4, 10] {
                let range = try #require(ReportPeriod(year: 2026, month: month)).instants(in: calendar)
                #expect(try source.hasActivity(in: range) == (month != 4), "month \(month)")
            }
        }
    }

    /// A schema without any table has no data: no message, no activity, an empty database
    /// for the report job.
    @Test func emptySchemaIsAnEmptyDatabase() throws {
        try TestPostgres.withSchema { connection, _ in
            let source = WarehouseSource(connection: connection)
            #expect(try source.messageSpan() == nil)
            #expect(try source.activitySpan() == nil)
            let out = try TestPaths.temporaryDirectory("route-empty").appendingPathComponent("report")
            #expect(throws: JobError.emptyDatabase) {
                try Self.job(source, month: "2026-03-01", "2026-03-31", out: out).run()
            }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    /// A table without a column the queries read is one error naming it, before any folder.
    @Test func missingColumnNamesIt() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            try connection.execute("ALTER TABLE \(connection.dialect.table("messages")) DROP COLUMN author_name")
            let out = try TestPaths.temporaryDirectory("route-column").appendingPathComponent("report")
            let job = try Self.job(
                Unrefused(source: WarehouseSource(connection: connection)), month: "2026-03-01", "2026-03-31", out: out)
            #expect(throws: WarehouseError.missingColumn(table: "messages", column: "author_name")) { try job.run() }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    // MARK: - Helpers

    /// The store's meta values a page shows (the import's time; the closes note, none here).
    static func meta(_ store: Store) throws -> [MetaKey: String] {
        var values: [MetaKey: String] = [:]
        for key in [MetaKey.lastImport, .closesNote] { values[key] = try store.meta(key) }
        #expect(values[.lastImport] != nil)
        return values
    }

    static func job<S: PeriodReportSource>(_ source: S, month from: String, _ to: String, out: URL) throws -> ReportJob<S> {
        let first = try #require(LocalDate(iso: from))
        let last = try #require(LocalDate(iso: to))
        let period = try #require(ReportPeriod(from: first, to: last))
        return ReportJob(
            source: source, period: period, calendar: try #require(ReportCalendar(identifier: "Europe/Berlin")), out: out,
            title: "Route", templates: TestPaths.packageRoot.appendingPathComponent("templates"), generatorVersion: "test")
    }
}

/// The warehouse source refusing none of `WarehouseBlock.notComputed`: what the route gives
/// once those blocks are computed, to compare the others now. `stored` stands for the meta
/// values a warehouse does not have (the SQLite page's "data as of"), so that the pages
/// compare byte for byte.
struct Unrefused: ArchiveSource {
    let source: WarehouseSource<PostgresConnection>
    var stored: [MetaKey: String] = [:]

    func newestMessage() throws(WarehouseError) -> Instant? { try source.newestMessage() }
    func messageSpan() throws(WarehouseError) -> ClosedRange<Instant>? { try source.messageSpan() }
    func meta(_ key: MetaKey) throws(WarehouseError) -> String? {
        if let value = stored[key] { return value }
        return try source.meta(key)
    }
    func activitySpan() throws(WarehouseError) -> ClosedRange<Instant>? { try source.activitySpan() }
    func hasActivity(in range: Range<Instant>) throws(WarehouseError) -> Bool { try source.hasActivity(in: range) }
    func dataStamp() throws(WarehouseError) -> String { try source.dataStamp() }

    func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try source.report(
            period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours, refusing: [])
    }
}

/// The keys of `metrics.json` and the CSV stems of each block in `WarehouseBlock.notComputed`.
private let uncomputedParts: [String: (keys: [[String]], csv: [String])] = [
    "the audience's countries": ([["audience", "countries"]], ["audience-countries"]),
    "the Journeys block": ([["impact", "journeys"]], ["impact-journeys"]),
    "the response times": ([["guidance", "response_times"]], ["guidance-response-times"]),
    "the summary band": ([["summary"]], ["summary-trends"]),
]

/// Two report folders hold the same files with the same bytes, but for the parts of the
/// blocks the engine does not compute yet (and index.html, which shows them, while any is).
func expectSameFolder(_ expected: URL, _ actual: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let parts = WarehouseBlock.notComputed.map { uncomputedParts[$0.name] ?? ([], []) }
    #expect(parts.count == WarehouseBlock.notComputed.count, sourceLocation: sourceLocation)
    let skipped = parts.flatMap(\.csv)
    let files = try FileManager.default.subpathsOfDirectory(atPath: expected.path).sorted()
    #expect(try FileManager.default.subpathsOfDirectory(atPath: actual.path).sorted() == files, sourceLocation: sourceLocation)
    #expect(files.contains("metrics.json"), sourceLocation: sourceLocation)
    for file in files where !file.hasPrefix(".") {
        let left = expected.appendingPathComponent(file)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: left.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        let name = (file as NSString).lastPathComponent
        if skipped.contains(where: { name.hasPrefix($0 + "_") }) || (!parts.isEmpty && file == "index.html") { continue }
        let a = try Data(contentsOf: left)
        let b = try Data(contentsOf: actual.appendingPathComponent(file))
        if file == "metrics.json", !parts.isEmpty {
            let keys = parts.flatMap(\.keys)
            #expect(try without(keys, a) == without(keys, b), "\(file)", sourceLocation: sourceLocation)
        } else {
            #expect(a == b, "\(file)", sourceLocation: sourceLocation)
        }
    }
}

/// A JSON document without the values at `paths`, as a comparable object.
private func without(_ paths: [[String]], _ data: Data) throws -> NSDictionary {
    func remove(_ path: ArraySlice<String>, from object: inout [String: Any]) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = nil
        } else if var inner = object[key] as? [String: Any] {
            remove(path.dropFirst(), from: &inner)
            object[key] = inner
        }
    }
    var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for path in paths { remove(path[...], from: &object) }
    return object as NSDictionary
}

/// `--dry-run`'s machinery on any engine: the queries estimated are the ones a report (or an
/// archive) sends, in order, and none reaches the engine.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct WarehouseDryRunTests {
    @Test func estimatesTheReportsQueriesAndRunsNone() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let period = try #require(ReportPeriod(year: 2026, month: 3))
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let sent = Recording(base: connection)
            _ = try WarehouseSource(connection: sent).periodAggregates(period: period, calendar: calendar)
            let untouched = Recording(base: connection)
            // Each query "bills" its length in bytes.
            let dry = DryRunConnection(base: untouched) { (sql, _) throws(WarehouseError) in Int64(sql.utf8.count) }
            let queries = try WarehouseDryRun(connection: dry, periods: [period], calendar: calendar, months: false).run(
                refusing: [])
            #expect(untouched.queries.isEmpty)
            // The report's queries as sent, but those that depend on what earlier ones
            // returned (the names of the coaches who answered: a dry run's answers are empty,
            // so it has none).
            let names = WarehouseQueries(dialect: connection.dialect).latestNames
            #expect(
                queries.map(\.sql)
                    == sent.queries.enumerated().filter { index, sql in
                        sql != names || sent.queries[..<index].filter { $0 == names }.isEmpty
                    }.map(\.element))
            #expect(queries.map(\.bytes) == queries.map { Int64($0.sql.utf8.count) })
            #expect(sent.queries.count > 10)
            #expect(queries.allSatisfy { $0.periods == [period] && $0.periodText == "2026-03-01…2026-03-31" })
            // With the blocks not computed listed, the dry run refuses as the report would.
            if let first = WarehouseBlock.notComputed.first {
                let again = WarehouseDryRun(connection: dry, periods: [period], calendar: calendar, months: false)
                #expect(throws: WarehouseError.notComputed(block: first.name, table: first.tables[0])) { try again.run() }
            }
        }
    }

    /// An archive's dry run estimates what the archive sends: the months' activity in one
    /// query, then the grouped queries of all of them, as many for eight months as for one.
    @Test func estimatesTheArchivesGroupedQueries() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let months = try (3...10).map { month in try #require(ReportPeriod(year: 2026, month: month)) }
            let sent = Recording(base: connection)
            _ = try WarehouseSource(connection: sent).periodAggregates(periods: months, calendar: calendar)
            let untouched = Recording(base: connection)
            let dry = DryRunConnection(base: untouched) { (sql, _) throws(WarehouseError) in Int64(sql.utf8.count) }
            let queries = try WarehouseDryRun(connection: dry, periods: months, calendar: calendar, months: true).run(
                refusing: [])
            #expect(untouched.queries.isEmpty)
            let activity = WarehouseQueries(dialect: connection.dialect).periodActivity(WarehouseQueries.activityColumns)
            #expect(queries.first?.sql == activity)
            #expect(
                queries.first?.tables == ["messages", "conversation_events", "goal_events", "journey_runs", "journey_results"])
            // Then the grouped queries as sent (the edge cases' runs begin in no month, so the
            // Journeys' follow-up queries are sent by neither).
            #expect(Array(queries.dropFirst().map(\.sql)) == sent.queries)
            // 1 activity check + the 29 grouped queries (`ArchiveGroupedTests`), for 8 months.
            #expect(queries.count == 30)
            #expect(queries.allSatisfy { $0.periods == months && $0.periodText == "2026-03-01…2026-10-31, 8 months" })
            let one = try WarehouseDryRun(connection: dry, periods: [months[0]], calendar: calendar, months: true).run(
                refusing: [])
            #expect(one.count == 30)
        }
    }
}

/// A connection that records the queries it runs on `base`.
final class Recording<Base: WarehouseConnection>: WarehouseConnection {
    let base: Base
    private(set) var queries: [String] = []

    init(base: Base) { self.base = base }

    var dialect: SQLDialect { base.dialect }

    func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        queries.append(sql)
        return try base.rows(sql, parameters: parameters)
    }

    func columns(of table: String) throws(WarehouseError) -> [String: String]? { try base.columns(of: table) }
}
