import Foundation
import InsightsBigQuery
import InsightsGlific
import InsightsImport
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

/// What the import refuses, the report on the dataset refuses too, before any report query:
/// the same fixture tables with an unknown direction, an unknown `bsp_status`, an unknown
/// ticket status and a message without `contact_phone`, on both paths (and on the command
/// line: `report --bigquery … --source glific` exits 65 with the same text).
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct GlificBigQueryRefusalTests {
    /// 101 inbound → "sideways"; 103's oldest version (sent; its newest says read) → "pending",
    /// a word only in the status history; ticket 32 open → "escalated"; 104 loses its
    /// contact_phone (in every version).
    static func change(_ table: String, _ rows: inout [[String: InsightsBigQuery.JSONValue]]) {
        for index in rows.indices {
            switch (table, rows[index]["id"]) {
            case ("messages", .string("101")?): rows[index]["flow"] = .string("sideways")
            case ("messages", .string("103")?) where rows[index]["bsp_status"] == .string("sent"):
                rows[index]["bsp_status"] = .string("pending")
            case ("messages", .string("104")?): rows[index]["contact_phone"] = .null
            case ("tickets", .string("32")?): rows[index]["status"] = .string("escalated")
            default: break
            }
        }
    }

    @Test func bothPathsRefuseTheSameValues() throws {
        let berlin = GlificImportOptions(zone: try #require(TimeZone(identifier: "Europe/Berlin")))
        // The report on the dataset: one check query, four problems (104 has three versions, each
        // without contact_phone; "pending" is in one message, in an older version).
        let base = try TestGlificBigQuery.load(label: "glific_bad", change: Self.change)
        var refusal: GlificWarehouseError?
        do { _ = try GlificViews.connect(base: base, options: berlin) } catch let error as GlificWarehouseError {
            refusal = error
        }
        let problems = try #require(refusal).problems
        #expect(
            problems.map { "\($0.kind) \($0.table).\($0.column) \($0.value ?? "-") \($0.count) \($0.firstID)" } == [
                "missing messages.contact_phone - 3 104", "direction messages.flow sideways 1 101",
                "status messages.bsp_status pending 1 103", "ticket tickets.status escalated 1 32",
            ])
        let text = refusal?.errorDescription ?? ""
        #expect(text.contains("--status-map pending=<sent|delivered|read|failed|none>"))
        #expect(text.contains("--ticket-map escalated=<open|closed>"))

        // The command line on the same dataset: the same sentences on standard error, exit 65
        // (data), no folder written.
        let out = try TestPaths.temporaryDirectory("glific-bad-cli")
        var environment = ProcessInfo.processInfo.environment
        environment["BIGQUERY_EMULATOR_HOST"] = try BigQueryEmulator.required()
        let cli = try WarehouseCLITests.run(
            [
                "report", "--bigquery", base.dialect.container, "--source", "glific", "--source-timezone", "Europe/Berlin",
                "--from", "2026-10-19", "--to", "2026-10-25", "--out", "r",
            ], in: out, environment: environment)
        #expect(cli.status == 65)
        #expect(cli.stderr == "Error: \(text)\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("r").path))

        // The import of the same rows, written as NDJSON files.
        let folder = try TestPaths.temporaryDirectory("glific-bad")
        for file in try FileManager.default.contentsOfDirectory(at: TestGlificBigQuery.fixtures, includingPropertiesForKeys: nil)
        {
            var (table, rows) = try TestGlificBigQuery.rows(file)
            Self.change(table, &rows)
            let lines = rows.map { String(decoding: InsightsBigQuery.JSONValue.object($0).data, as: UTF8.self) }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("\(table).json"))
        }
        #expect {
            _ = try GlificConversion(files: try GlificExport.locate([folder.path]), options: berlin)
        } throws: { error in
            let text = (error as? GlificImportError)?.errorDescription ?? ""
            return text.contains("contact_phone is missing or empty") && text.contains("\"sideways\": 1 message")
                && text.contains("\"pending\": 1 message, first at ")
                && text.contains("--status-map pending=<sent|delivered|read|failed|none>")
                && text.contains("--ticket-map escalated=<open|closed>")
        }
    }
}
