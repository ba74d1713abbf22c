import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights archive` from a warehouse asks for all its months at once
/// (`ManyPeriodReportSource`): the folders are the SQLite path's to the byte, and it sends a
/// fraction of the queries of one report per month.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing)) struct ArchiveGroupedTests {
    /// The edge cases' archive (March and October 2026) in Berlin, written through the
    /// grouped route, is the SQLite archive file for file.
    @Test func groupedArchiveIsTheSQLiteArchive() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let root = try TestPaths.temporaryDirectory("grouped-archive")
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let templates = TestPaths.packageRoot.appendingPathComponent("templates")
            let hours = try BusinessHours("Mon-Fri 08:00-17:00")
            let sqlite = try ArchiveJob(
                store: store, folder: root.appendingPathComponent("sqlite"), calendar: calendar, title: "Route",
                templates: templates, businessHours: hours
            ).run()
            let stored = try WarehouseRouteTests.meta(store)
            let recording = Recording(base: connection)
            let warehouse = try ArchiveJob(
                store: Grouped(PerMonth(source: WarehouseSource(connection: recording), stored: stored)),
                folder: root.appendingPathComponent("warehouse"), calendar: calendar, title: "Route", templates: templates,
                businessHours: hours
            ).run()
            #expect(sqlite.months == ["2026-03", "2026-10"])
            #expect(warehouse.months == sqlite.months)
            for month in sqlite.months {
                try expectSameFolder(
                    sqlite.folder.appendingPathComponent(month), warehouse.folder.appendingPathComponent(month))
            }
            let home = { (folder: URL) in try Data(contentsOf: folder.appendingPathComponent("index.html")) }
            #expect(try home(sqlite.folder) == home(warehouse.folder))
            // The grouped queries went out: one `periodMessagesPerDay` for both months.
            let perDay = WarehouseQueries(dialect: connection.dialect).periodMessagesPerDay
            #expect(recording.queries.filter { $0 == perDay }.count == 1)
        }
    }

    /// The queries an archive sends, counted by a recording connection, one report's queries
    /// per month (`Unrefused`, the per-month route) against the grouped route.
    @Test func queriesSentByAnArchive() throws {
        let store = try PostgresParityTests.store(importing: try EdgeCases.write())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let root = try TestPaths.temporaryDirectory("grouped-count")
            let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
            let templates = TestPaths.packageRoot.appendingPathComponent("templates")
            func count(_ grouped: Bool, since: (Int, Int), until: (Int, Int)) throws -> (months: Int, queries: Int) {
                let recording = Recording(base: connection)
                let source = WarehouseSource(connection: recording)
                let archive: any ArchiveSource = grouped ? Grouped(PerMonth(source: source)) : PerMonth(source: source)
                let result = try ArchiveJob(
                    store: archive, folder: root.appendingPathComponent("\(grouped)-\(since.1)-\(until.1)"),
                    calendar: calendar, since: since, until: until, templates: templates
                ).run()
                return (result.months.count, recording.queries.count)
            }
            let oneBefore = try count(false, since: (2026, 3), until: (2026, 3))
            let oneAfter = try count(true, since: (2026, 3), until: (2026, 3))
            let twoBefore = try count(false, since: (2026, 1), until: (2026, 12))
            let twoAfter = try count(true, since: (2026, 1), until: (2026, 12))
            #expect(oneBefore.months == 1 && twoBefore.months == 2 && oneAfter.months == 1 && twoAfter.months == 2)
            // Both routes first read the activity span (1 query). The per-month route checks
            // each month from the first to the last with activity (March: 1; March…October: 8),
            // then sends one report's queries per month (40 for March alone, 79 for both: 42
            // and 88 in all). The grouped route checks all the months with 1 query, then sends
            // 29 for all of them: the 25 grouped queries of messages, names, goals,
            // conversations, consent, reach, response times and the summary band, countries 1
            // and Journeys 3 (the results in each month, whether any run is stored, the run
            // counts: no run begins in these months, so the four queries that read the runs
            // counted are not sent). 1 + 1 + 29 = 31, for one month as for two.
            #expect(oneBefore.queries == 42 && twoBefore.queries == 88)
            #expect(oneAfter.queries == 31 && twoAfter.queries == 31)
        }
    }

    /// The demo's last four months, with Journeys begun in each and the countries of each
    /// month's contacts: the grouped archive sends the same queries for four months as for
    /// one (each grouped Journey query once), and the per-month route four times as many
    /// reports.
    @Test func queriesSentByAnArchiveWithJourneys() throws {
        let store = try SharedDemoStore.store()
        let folder = try TestPaths.temporaryDirectory("grouped-demo")
        let templates = TestPaths.packageRoot.appendingPathComponent("templates")
        let calendar = try #require(ReportCalendar(identifier: "UTC"))
        let span = try #require(try store.messageSpan())
        let last = calendar.localDate(at: span.upperBound).components
        let first = last.month > 3 ? (last.year, last.month - 3) : (last.year - 1, last.month + 9)
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            func count(since: (Int, Int)) throws -> (months: Int, queries: [String]) {
                let recording = Recording(base: connection)
                let result = try ArchiveJob(
                    store: Grouped(PerMonth(source: WarehouseSource(connection: recording))),
                    folder: folder.appendingPathComponent("archive-\(since.0)-\(since.1)"), calendar: calendar,
                    since: since, until: (last.year, last.month), templates: templates
                ).run()
                return (result.months.count, recording.queries)
            }
            let one = try count(since: (last.year, last.month))
            let four = try count(since: first)
            #expect(one.months == 1 && four.months == 4)
            #expect(four.queries.count == one.queries.count)
            let queries = WarehouseQueries(dialect: connection.dialect)
            for sql in [
                queries.periodJourneyResults, queries.anyJourneyRun, queries.periodJourneyRunCounts,
                queries.periodJourneyMiddleDurations, queries.periodJourneyDropOff, queries.periodJourneyAnswers,
                queries.periodJourneyNames,
                queries.periodCountries(), queries.periodActivity(WarehouseQueries.activityColumns),
            ] {
                #expect(four.queries.filter { $0 == sql }.count == 1, "\(sql.prefix(200))")
            }
        }
    }
}

/// A warehouse as an `ArchiveSource` only (`Unrefused` over any connection): the archive checks
/// each month's activity by one query and asks it for one report per month, with the SQLite store's meta values so that the pages
/// compare byte for byte.
struct PerMonth<Connection: WarehouseConnection>: ArchiveSource {
    let source: WarehouseSource<Connection>
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
            businessHours: businessHours)
    }
}

/// `PerMonth` as a `ManyPeriodReportSource`: the grouped route (`WarehouseSource.reports`,
/// the months' activity checked by one query).
struct Grouped<Connection: WarehouseConnection>: ManyPeriodReportSource {
    let base: PerMonth<Connection>

    init(_ base: PerMonth<Connection>) { self.base = base }

    func newestMessage() throws(WarehouseError) -> Instant? { try base.newestMessage() }
    func messageSpan() throws(WarehouseError) -> ClosedRange<Instant>? { try base.messageSpan() }
    func meta(_ key: MetaKey) throws(WarehouseError) -> String? { try base.meta(key) }
    func activitySpan() throws(WarehouseError) -> ClosedRange<Instant>? { try base.activitySpan() }
    func hasActivity(in range: Range<Instant>) throws(WarehouseError) -> Bool { try base.hasActivity(in: range) }
    func hasActivity(inEach ranges: [Range<Instant>]) throws(WarehouseError) -> [Bool] {
        try base.source.hasActivity(inEach: ranges)
    }
    func dataStamp() throws(WarehouseError) -> String { try base.dataStamp() }

    func report(
        period: ReportPeriod, calendar: ReportCalendar, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try base.report(
            period: period, calendar: calendar, serviceName: serviceName, generatorVersion: generatorVersion,
            businessHours: businessHours)
    }

    func reports(
        periods: [ReportPeriod], calendar: ReportCalendar, segment: Segment, serviceName: String, generatorVersion: String,
        businessHours: BusinessHours?
    ) throws(WarehouseError) -> [Report] {
        try base.source.reports(
            periods: periods, calendar: calendar, segment: segment, serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours)
    }
}
