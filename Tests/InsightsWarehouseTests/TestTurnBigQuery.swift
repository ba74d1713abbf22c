import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsStore
import InsightsTestSupport
import InsightsTurn
import InsightsWarehouse
import Testing

/// Turn-shaped tables in the BigQuery emulator, loaded from a Turn export's files as Turn's
/// own tables (not as Insights' record kinds): one table per file, named after the Turn table
/// (`TurnTable(fileName:)`), its columns the file's (CSV header, NDJSON keys), `*_at` and
/// `timestamp` columns TIMESTAMP, every other STRING (`author` and `details` JSON text, as
/// Turn's public queries read them).
enum TestTurnBigQuery {
    /// The Turn fixture export (`Tests/InsightsTurnTests/Fixtures/turn`, see its README).
    static func fixture(_ folder: String) -> URL {
        TestPaths.packageRoot.appendingPathComponent("Tests/InsightsTurnTests/Fixtures/turn/\(folder)")
    }

    /// The files of a fixture folder, Turn tables only, without those whose table is in `leaving`.
    static func files(_ folder: String, leaving: Set<TurnTable> = []) throws -> [URL] {
        let url = fixture(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().compactMap { name in
            guard let table = TurnTable(fileName: name), !leaving.contains(table) else { return nil }
            return url.appendingPathComponent(name)
        }
    }

    /// The importer's conversion of `files`.
    static func conversion(_ files: [URL], options: TurnImportOptions) throws -> TurnConversion {
        try TurnConversion(files: try TurnExport.locate(files.map(\.path)).files, options: options)
    }

    /// `insights import --source turn` of `files` into a new SQLite store.
    static func store(_ files: [URL], options: TurnImportOptions) throws -> Store {
        let path = try TestPaths.temporaryDirectory("turn-sqlite").appendingPathComponent("s.sqlite").path
        let conversion = try conversion(files, options: options)
        try PlatformImportJob(database: path, conversion: conversion).run { _ in }
        return try Store(path: path)
    }

    /// A column's type in the test tables.
    static func type(of column: String) -> String {
        column.hasSuffix("_at") || column == "timestamp" ? "TIMESTAMP" : "STRING"
    }

    /// Loads `files` into a new dataset as Turn's tables (the files of one table, such as
    /// `statuses.ndjson` and `statuses-000000000001.csv`, into one table with all their
    /// columns); returns a connection to it.
    static func load(_ files: [URL], label: String) throws -> BigQueryConnection {
        let client = try TestBigQuery.client()
        let dataset = try TestBigQuery.dataset(label)
        let name = String(dataset.drop { $0 != "." }.dropFirst())
        let folder = try TestPaths.temporaryDirectory("turn-bq")
        var byTable: [(table: TurnTable, files: [(copy: URL, columns: [String])])] = []
        for file in files {
            guard let table = TurnTable(fileName: file.lastPathComponent) else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            let columns = try Self.columns(text, ndjson: file.pathExtension != "csv")
            let copy = folder.appendingPathComponent(file.lastPathComponent)
            try Data(rfc3339(text).utf8).write(to: copy)
            if let index = byTable.firstIndex(where: { $0.table == table }) {
                byTable[index].files.append((copy, columns))
            } else {
                byTable.append((table, [(copy, columns)]))
            }
        }
        for (table, parts) in byTable {
            var columns: [String] = []
            for part in parts { columns += part.columns.filter { !columns.contains($0) } }
            let schema = columns.map { BigQueryField(name: $0, type: type(of: $0), mode: "NULLABLE") }
            let target = BigQueryTable(project: "local", dataset: name, table: table.rawValue)
            for (index, part) in parts.enumerated() {
                if index == 0 {
                    try client.load(part.copy, into: target, schema: schema)
                } else {
                    try client.insertFile(part.copy, into: target, schema: schema)
                }
            }
        }
        return BigQueryConnection(client: client, dataset: dataset)
    }

    /// The columns of a CSV file's header or of every NDJSON line's keys, in first-seen order.
    static func columns(_ text: String, ndjson: Bool) throws -> [String] {
        guard ndjson else {
            return String(text.prefix { $0 != "\n" }).split(separator: ",").map(String.init)
        }
        var names: [String] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in object.keys.sorted() where !names.contains(key) { names.append(key) }
        }
        return names
    }

    /// BigQuery's export form `2026-10-05 08:00:00 UTC` as RFC 3339 (`2026-10-05T08:00:00Z`),
    /// which the emulator's `insertAll` reads.
    static func rfc3339(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(\.\d+)?) UTC"#, with: "$1T$2Z", options: .regularExpression)
    }
}
