import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights archive --per FIELD` from PostgreSQL: the field's values over all data (one
/// query), then one segmented archive per value, written as the SQLite path writes them.
@Suite(.serialized, .temporaryFolders) struct WarehousePerValueArchiveTests {
    /// `--per country` over EdgeCases (with the stub `x1`, ZZ), March 2026 in Berlin: the
    /// same folders, home pages and months, byte for byte (the stamps apart). The values
    /// (see `PostgresCountrySegmentTests`): ZZ 6 contacts (c4, n16, n17, n18, n23, x1), then
    /// CA and GB 3, then GG, US and ZA 2 each.
    @Test func perCountryIsTheSQLiteArchive() throws {
        let store = try PostgresParityTests.store(importing: try PostgresCountrySegmentTests.edgeFiles())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = Unrefused(source: WarehouseSource(connection: connection), stored: try WarehouseRouteTests.meta(store))
            let values = try source.perValueCounts("country")
            #expect(values.prefix(6).map(\.value) == ["ZZ", "CA", "GB", "GG", "US", "ZA"])
            #expect(values.prefix(6).map(\.contacts) == [6, 3, 3, 2, 2, 2])
            #expect(values == (try store.perValueCounts("country")))
            let (sqlite, warehouse) = try Self.archives(store, source, field: "country", month: (2026, 3))
            #expect(sqlite.parts.map(\.folderName) == warehouse.parts.map(\.folderName))
            #expect(warehouse.parts.first?.folderName == "zz")
            try expectSameTree(sqlite.folder, warehouse.folder)
        }
    }

    /// `--per district` over nairobi-journeys (spellings such as `Nairobi ` with a space and
    /// `""`, grouped ignoring case), October 2026, with `--min-cell 5` and a segment by
    /// language: the 20 districts held by most contacts (the others left out), each archive
    /// as the SQLite path writes it.
    @Test func perFieldWithSegmentAndMinCell() throws {
        let store = try PostgresParityTests.store(importing: PostgresParityTests.conformanceFiles("nairobi-journeys"))
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = Unrefused(source: WarehouseSource(connection: connection), stored: try WarehouseRouteTests.meta(store))
            #expect(try source.perValueCounts("district") == (try store.perValueCounts("district")))
            // Kisumu is held by 56 contacts, as `insights archive --per district` lists it.
            #expect(try source.perValueCounts("district").first == FieldSummary.Value(value: "Kisumu", contacts: 56))
            #expect(try source.perValueCounts("no_such_field").isEmpty)
            let (sqlite, warehouse) = try Self.archives(
                store, source, field: "district", month: (2026, 10), segment: [SegmentCondition(field: "language", value: "sw")],
                minCell: 5)
            #expect(warehouse.parts.count == 20)
            #expect(warehouse.leftOut == sqlite.leftOut)
            try expectSameTree(sqlite.folder, warehouse.folder)
        }
    }

    /// The two archives of one month, from SQLite and from the warehouse.
    static func archives(
        _ store: Store, _ source: Unrefused, field: String, month: (Int, Int), segment: Segment = [], minCell: Int? = nil
    ) throws -> (
        sqlite: (folder: URL, parts: [PerValueArchiveJob.Part], leftOut: Int),
        warehouse: (folder: URL, parts: [PerValueArchiveJob.Part], leftOut: Int)
    ) {
        let root = try TestPaths.temporaryDirectory("per-archive")
        let calendar = try #require(ReportCalendar(identifier: "Europe/Berlin"))
        let templates = TestPaths.packageRoot.appendingPathComponent("templates")
        func run(_ data: any ArchiveSource, _ name: String) throws -> (
            folder: URL, parts: [PerValueArchiveJob.Part], leftOut: Int
        ) {
            var job = ArchiveJob(
                store: data, folder: root.appendingPathComponent(name), calendar: calendar, since: month, until: month,
                title: "Per", templates: templates, generatorVersion: "test")
            job.segment = segment
            job.minCell = minCell
            let result = try PerValueArchiveJob(archive: job, field: field).run()
            return (job.folder, result.parts, result.leftOut)
        }
        return (try run(store, "sqlite"), try run(source, "warehouse"))
    }
}

extension Unrefused: SegmentedPeriodReportSource {
    func report(
        period: ReportPeriod, calendar: ReportCalendar, segment: Segment, breakdowns: [String], serviceName: String,
        generatorVersion: String, businessHours: BusinessHours?
    ) throws(WarehouseError) -> Report {
        try source.report(
            period: period, calendar: calendar, segment: segment, breakdowns: breakdowns, serviceName: serviceName,
            generatorVersion: generatorVersion, businessHours: businessHours, refusing: [])
    }
}

extension Unrefused: PerValueSource {
    func perValueCounts(_ field: String) throws -> [FieldSummary.Value] { try source.perValueCounts(field) }
}

/// Two folders hold the same files with the same bytes, at any depth, but for the archive
/// stamps (`.insights-archive`: the warehouse's data stamp is new on every run).
func expectSameTree(
    _ expected: URL, _ actual: URL, skipping: (String) -> Bool = { _ in false }, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let files = try FileManager.default.subpathsOfDirectory(atPath: expected.path).sorted()
    #expect(try FileManager.default.subpathsOfDirectory(atPath: actual.path).sorted() == files, sourceLocation: sourceLocation)
    #expect(files.contains("index.html"), sourceLocation: sourceLocation)
    var compared = 0
    for file in files where !(file as NSString).lastPathComponent.hasPrefix(".") && !skipping(file) {
        let left = expected.appendingPathComponent(file)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: left.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
        let same = try Data(contentsOf: left) == Data(contentsOf: actual.appendingPathComponent(file))
        #expect(same, "\(file)", sourceLocation: sourceLocation)
        compared += 1
    }
    #expect(compared > 0, sourceLocation: sourceLocation)
}
