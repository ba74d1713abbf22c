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
@Suite(.serialized, .temporaryFolders) struct ArchiveGroupedTests {
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
            // Both routes first read the activity span (1 query) and check each month from the
            // first to the last with activity (March: 1; March…October: 8). Then one report's
            // queries per month (40 for March alone, 79 for both: 42 and 88 in all), against
            // the grouped route's 25 queries for all months plus the ones still per month
            // (countries 1, Journeys 3 here: 4 for each month): 2 + 25 + 4 = 31 and
            // 9 + 25 + 8 = 42.
            #expect(oneBefore.queries == 42 && twoBefore.queries == 88)
            #expect(oneAfter.queries == 31 && twoAfter.queries == 42)
            // A second month costs the grouped route only the per-month queries.
            #expect((twoAfter.queries - 9) - (oneAfter.queries - 2) == 4)
        }
    }
}

/// A warehouse as an `ArchiveSource` only (`Unrefused` over any connection): the archive asks
/// it for one report per month, with the SQLite store's meta values so that the pages
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

/// `PerMonth` as a `ManyPeriodReportSource`: the grouped route (`WarehouseSource.reports`).
struct Grouped<Connection: WarehouseConnection>: ManyPeriodReportSource {
    let base: PerMonth<Connection>

    init(_ base: PerMonth<Connection>) { self.base = base }

    func newestMessage() throws(WarehouseError) -> Instant? { try base.newestMessage() }
    func messageSpan() throws(WarehouseError) -> ClosedRange<Instant>? { try base.messageSpan() }
    func meta(_ key: MetaKey) throws(WarehouseError) -> String? { try base.meta(key) }
    func activitySpan() throws(WarehouseError) -> ClosedRange<Instant>? { try base.activitySpan() }
    func hasActivity(in range: Range<Instant>) throws(WarehouseError) -> Bool { try base.hasActivity(in: range) }
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
