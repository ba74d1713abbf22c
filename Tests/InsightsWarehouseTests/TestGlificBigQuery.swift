import Foundation
import InsightsBigQuery
import InsightsGlific
import InsightsImport
import InsightsJobs
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse

/// The Glific fixture tables (`Tests/InsightsGlificTests/Fixtures/glific`, NDJSON as `bq
/// extract` writes them) loaded into the BigQuery emulator as Glific's own tables, with the
/// types of Glific's `bigquery_schema.ex` (INTEGER ids, DATETIMEs, BOOLEANs, `fields` a
/// repeated record), and the same files imported into SQLite by `import --source glific`.
enum TestGlificBigQuery {
    /// The fixture folder.
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsGlificTests/Fixtures/glific")

    /// A column's type in Glific's schema (the fixtures' columns; the others are STRING).
    static func type(of column: String, in table: String) -> String {
        switch column {
        case "id", "message_broadcast_id", "flow_broadcast_id", "group_message_id", "flow_context_id": "INT64"
        case "user_id" where table == "tickets", "contact_id" where table == "tickets": "INT64"
        case "is_hsm", "is_background_flow", "is_killed", "is_await_result": "BOOL"
        case "fields": "ARRAY<STRUCT<label STRING, value STRING, type STRING, inserted_at DATETIME>>"
        case "groups": "ARRAY<STRUCT<label STRING, description STRING>>"
        case "tags": "ARRAY<STRUCT<label STRING>>"
        case _ where column.hasSuffix("_at") || column.hasSuffix("_time"): "DATETIME"
        default: "STRING"
        }
    }

    /// The rows of a fixture file (gzipped or not) and its table.
    static func rows(_ file: URL) throws -> (table: String, rows: [[String: InsightsBigQuery.JSONValue]]) {
        let bytes = try ImportFile.contents(of: file.path)
        var rows: [[String: InsightsBigQuery.JSONValue]] = []
        for line in bytes.split(separator: 0x0A) where !line.isEmpty {
            guard case .object(let members)? = InsightsBigQuery.JSONValue.parse(Data(line)) else {
                throw GlificTestError("not JSON: \(file.path)")
            }
            rows.append(Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
        guard let table = GlificTable(fileName: file.lastPathComponent)?.rawValue else {
            throw GlificTestError("not a Glific table: \(file.path)")
        }
        return (table, rows)
    }

    /// A new dataset holding the fixture tables (each changed by `change` first, then every
    /// row of `extra` appended), made by one DDL script and `insertAll`. Returns the base
    /// connection to it (made after the load: a connection reads the columns once).
    static func load(
        label: String, change: (String, inout [[String: InsightsBigQuery.JSONValue]]) -> Void = { _, _ in }
    ) throws -> BigQueryConnection {
        let client = try TestBigQuery.client()
        let dataset = try TestBigQuery.dataset(label)
        let files = try FileManager.default.contentsOfDirectory(at: fixtures, includingPropertiesForKeys: nil)
            .sorted { $0.path < $1.path }
        var tables: [(String, [String], [[String: InsightsBigQuery.JSONValue]])] = []
        for file in files {
            var (table, rows) = try rows(file)
            change(table, &rows)
            let columns = Set(rows.flatMap(\.keys)).sorted()
            tables.append((table, columns, rows))
        }
        let ddl = tables.map { table, columns, _ in
            "CREATE TABLE `\(dataset).\(table)` (\n"
                + columns.map { "  `\($0)` \(type(of: $0, in: table))\($0 == "id" ? " NOT NULL" : "")" }
                .joined(separator: ",\n") + "\n);\n"
        }
        _ = try client.query(ddl.joined(separator: "\n"))
        let project = String(dataset.prefix { $0 != "." })
        let name = String(dataset.drop { $0 != "." }.dropFirst())
        for (table, _, rows) in tables {
            try client.insertRows(rows, into: BigQueryTable(project: project, dataset: name, table: table))
        }
        return BigQueryConnection(client: client, dataset: dataset)
    }

    /// The fixture files imported into a new SQLite store by `PlatformImportJob`, as `insights
    /// import --source glific` does.
    static func store(_ options: GlificImportOptions) throws -> Store {
        let path = try TestPaths.temporaryDirectory("glific-sqlite").appendingPathComponent("g.sqlite").path
        let conversion = try GlificConversion(files: try GlificExport.locate([fixtures.path]), options: options)
        try PlatformImportJob(database: path, conversion: conversion).run { _ in }
        return try Store(path: path)
    }
}

/// A failure of a test helper.
struct GlificTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
