import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsStore
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The BigQuery emulator of the tests (local-bigquery, which `.ci/run` starts and names in
/// `BIGQUERY_EMULATOR_HOST`): a fresh dataset per test in the project `local`, loaded from
/// `insights export` through the DDL of `insights schema --bigquery` and `insertAll`.
enum TestBigQuery {
    /// A client of the emulator (no credentials), or an error saying how to start it.
    static func client() throws -> BigQueryClient {
        let host = try BigQueryEmulator.required()
        let configuration = try BigQueryConfiguration.resolve(project: "local", environment: ["BIGQUERY_EMULATOR_HOST": host])
        return BigQueryClient(configuration: configuration)
    }

    /// A new empty dataset `local.<label>_<random>`; returns its `project.dataset` name.
    static func dataset(_ label: String) throws -> String {
        let name = BigQueryEmulator.uniqueDataset(label)
        try client().createDataset(project: "local", dataset: name)
        return "local.\(name)"
    }

    /// Exports a SQLite store (`insights export`, CSV) into a new dataset: every kind's table
    /// made by `insights schema --bigquery`'s DDL (run as queries), then filled with
    /// `insertAll`. Kinds in `leaving` get no table. Returns a connection to the dataset
    /// (made after the load: a connection reads the dataset's columns once).
    static func load(_ store: Store, label: String, leaving: Set<RecordKind> = []) throws -> BigQueryConnection {
        let client = try client()
        let dataset = try dataset(label)
        let folder = try TestPaths.temporaryDirectory("bq-export")
        _ = try ExportJob(store: store, folder: folder, format: .csv).run()
        let dialect = SQLDialect.bigquery(dataset: dataset)
        for statement in WarehouseSchema.ddl(dialect).components(separatedBy: ";\n") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            _ = try client.query(trimmed)
        }
        let project = String(dataset.prefix { $0 != "." })
        let name = String(dataset.drop { $0 != "." }.dropFirst())
        for kind in RecordKind.allCases {
            if leaving.contains(kind) {
                _ = try client.query("DROP TABLE \(dialect.table(kind.rawValue))")
                continue
            }
            let file = folder.appendingPathComponent("\(kind.rawValue).csv")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let schema = kind.allColumns.map { column in
                BigQueryField(
                    name: column.name, type: WarehouseSchema.name(of: WarehouseSchema.type(of: column.name), in: .bigquery),
                    mode: column.required ? "REQUIRED" : "NULLABLE")
            }
            try client.insertFile(
                file, into: BigQueryTable(project: project, dataset: name, table: kind.rawValue), schema: schema,
                batchSize: 5_000)
        }
        return BigQueryConnection(client: client, dataset: dataset)
    }
}
