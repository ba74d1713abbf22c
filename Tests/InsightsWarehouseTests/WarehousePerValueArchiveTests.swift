import Foundation
import InsightsJobs
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// `insights archive --per FIELD` from PostgreSQL: the field's values over all data (one
/// query), then one segmented archive per value, written as the SQLite path writes them.
@Suite(.serialized, .temporaryFolders, .enabled(if: TestPostgres.shouldRun, TestPostgres.missing))
struct WarehousePerValueArchiveTests {
    /// A few contacts of EdgeCases, one country each (c1 CA by +1 613, c2 US by +1 212, n03
    /// PR by 00 1 787, n22 GB by its `country` over a US number), c4 without a phone and x1
    /// without a contacts row (both ZZ); each sends one message in March 2026 and one in
    /// October.
    static func countryFiles() throws -> [String] {
        let folder = try TestPaths.temporaryDirectory("per-countries")
        let contacts = """
            contact_id,phone,country,created_at
            c1,+1 613 555 0123,,
            c2,+1 212 555 0100,,
            c4,,,
            n03,0017872345678,,
            n22,+1 212 555 0100,gb,

            """
        var messages = "message_id,contact_id,direction,timestamp,author_type,author_id,author_name\n"
        for (index, contact) in ["c1", "c2", "c4", "n03", "n22", "x1"].enumerated() {
            messages += "a\(index),\(contact),inbound,2026-03-1\(index)T10:00:00Z,,,\n"
            messages += "b\(index),\(contact),inbound,2026-10-1\(index)T10:00:00Z,,,\n"
        }
        return try [("contacts.csv", contacts), ("messages.csv", messages)].map { name, text in
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
    }

    /// `--per country`, March 2026 in Berlin: the same folders, home pages and months, byte
    /// for byte (the stamps apart). The values: ZZ 2 contacts (c4, x1), then CA, GB, PR and
    /// US 1 each (ties by value).
    @Test func perCountryIsTheSQLiteArchive() throws {
        let store = try PostgresParityTests.store(importing: try Self.countryFiles())
        try TestPostgres.withSchema { connection, _ in
            try TestPostgres.load(store, into: connection)
            let source = Unrefused(source: WarehouseSource(connection: connection), stored: try WarehouseRouteTests.meta(store))
            let values = try source.perValueCounts("country")
            #expect(values.map(\.value) == ["ZZ", "CA", "GB", "PR", "US"])
            #expect(values.map(\.contacts) == [2, 1, 1, 1, 1])
            #expect(values == (try store.perValueCounts("country")))
            let (sqlite, warehouse) = try Self.archives(store, source, field: "country", month: (2026, 3))
            #expect(sqlite.parts.map(\.folderName) == warehouse.parts.map(\.folderName))
            #expect(warehouse.parts.map(\.folderName) == ["zz", "ca", "gb", "pr", "us"])
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

    /// `insights archive --per country --postgres …` as a user runs it: exit 0, one line per
    /// value, and the folder `insights archive --per country --db …` writes, byte for byte but
    /// for the months' pages (the SQLite page says when the data was imported; a warehouse
    /// has no such date).
    @Test func perCountryOnTheCommandLine() throws {
        let store = try PostgresParityTests.store(importing: try Self.countryFiles())
        let folder = try TestPaths.temporaryDirectory("per-cli")
        try TestPostgres.withSchema { connection, schema in
            try TestPostgres.load(store, into: connection)
            guard let url = TestPostgres.url() else { return }
            let common = ["--per", "country", "--since", "2026-03", "--until", "2026-03", "--timezone", "Europe/Berlin"]
            let sqlite = try WarehouseCLITests.run(["archive", "--db", store.path, "--out", "s"] + common, in: folder)
            #expect(sqlite.status == 0, "\(sqlite.stderr)")
            let warehouse = try WarehouseCLITests.run(
                ["archive", "--postgres", url, "--schema", schema, "--out", "w"] + common, in: folder)
            #expect(warehouse.status == 0, "\(warehouse.stderr)")
            #expect(
                warehouse.stdout
                    == sqlite.stdout.replacingOccurrences(of: "/s/", with: "/w/").replacingOccurrences(of: "/s\n", with: "/w\n"))
            #expect(warehouse.stdout.contains("  ZZ (2 contacts): zz/, 1 months written"))
            try expectSameTree(
                folder.appendingPathComponent("s"), folder.appendingPathComponent("w"),
                skipping: { $0.hasSuffix("2026-03/index.html") })
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
