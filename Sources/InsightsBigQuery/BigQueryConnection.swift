import InsightsMetrics
import InsightsWarehouse

/// The warehouse source's connection to BigQuery: the report's GoogleSQL through
/// ``BigQueryClient`` (named parameters, every page, labels and the bytes-billed limit of its
/// configuration), the dataset's columns from its `INFORMATION_SCHEMA.COLUMNS`, and BigQuery's
/// errors as one ``WarehouseError`` sentence.
///
/// The dataset's columns are read once, by the first ``columns(of:)``, for every table of the
/// dataset in one query (BigQuery bills each `INFORMATION_SCHEMA` query 10 MB at least, and a
/// report checks its tables before each block): a connection is for one report or archive run,
/// and tables created or altered after that first call are not seen by it.
///
/// Dry runs: ``dryRun(_:parameters:)`` asks BigQuery what one query would process, and runs
/// nothing; `rows` always runs the query (a report needs real rows to go on with).
public final class BigQueryConnection: WarehouseConnection {
    /// The client the queries go through (its project pays for them).
    public let client: BigQueryClient
    /// The dataset's project (it may differ from the client's billing project).
    public let project: String
    /// The dataset's name within its project.
    public let dataset: String
    /// GoogleSQL, tables in `project.dataset`.
    public let dialect: SQLDialect
    private var columnsByTable: [String: [String: String]]?

    /// A connection to `dataset`, written `project.dataset` (the project may be domain-scoped,
    /// `example.com:project`; the dataset is what follows the last dot). A dataset given
    /// without its project is in the client's project.
    public init(client: BigQueryClient, dataset: String) {
        self.client = client
        if let dot = dataset.lastIndex(of: "."), dot != dataset.startIndex {
            self.project = String(dataset[..<dot])
            self.dataset = String(dataset[dataset.index(after: dot)...])
        } else {
            self.project = client.configuration.project
            self.dataset = dataset
        }
        self.dialect = .bigquery(dataset: "\(project).\(self.dataset)")
    }

    /// Runs `sql` with the `@name` parameters it names (timestamps as `TIMESTAMP`, strings
    /// as `STRING`, integers as `INT64`) and returns its rows as text: `TIMESTAMP` cells as
    /// RFC 3339 UTC with microseconds (`2026-10-03T12:05:00.000000Z`, as a timestamp
    /// parameter's `text`), INT64 as digits, NULL as nil.
    public func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
        let named = try Self.queryParameters(sql, parameters)
        let result: QueryResult
        do {
            result = try client.query(sql, named)
        } catch {
            throw Self.warehouseError(error)
        }
        let timestamps = result.schema.enumerated().filter { $0.element.type == "TIMESTAMP" }.map(\.offset)
        guard !timestamps.isEmpty else { return result.rows }
        var rows = result.rows
        for row in rows.indices {
            for column in timestamps where column < rows[row].count {
                guard let cell = rows[row][column] else { continue }
                guard let micros = Int64(cell) else {
                    throw .badValue("the TIMESTAMP \"\(cell)\" in column \(result.schema[column].name)")
                }
                rows[row][column] = WarehouseParameter.timestamp(micros).text
            }
        }
        return rows
    }

    /// The bytes BigQuery says `sql` would process (what on-demand pricing bills, rounded
    /// up to the MB and 10 MB at least per query), from a dry run: nothing runs and nothing
    /// is billed. The emulator always says 0.
    public func dryRun(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> Int64 {
        let named = try Self.queryParameters(sql, parameters)
        do {
            return try client.dryRun(sql, named).bytesProcessed
        } catch {
            throw Self.warehouseError(error)
        }
    }

    /// The columns of a table of the dataset (lower-cased name → lower-cased type without
    /// its parameters: `string`, `int64`, `timestamp`, `json`), nil when the dataset has no
    /// such table. A dataset that does not exist is an error, not an empty warehouse.
    public func columns(of table: String) throws(WarehouseError) -> [String: String]? {
        if let columnsByTable { return columnsByTable[table] }
        let rows = try rows(
            """
            SELECT c.table_name, LOWER(c.column_name), LOWER(c.data_type)
            FROM \(dialect.table("INFORMATION_SCHEMA.COLUMNS")) c
            """, parameters: [:])
        var found: [String: [String: String]] = [:]
        for row in rows {
            guard row.count == 3, let name = row[0], let column = row[1], let type = row[2] else {
                throw .badValue("a row of INFORMATION_SCHEMA.COLUMNS without a table, column or type")
            }
            found[name, default: [:]][column] = String(type.prefix { $0 != "(" && $0 != "<" })
        }
        if found.isEmpty { try checkDatasetExists() }
        columnsByTable = found
        return found[table]
    }

    /// A dataset without tables is an empty warehouse, one that does not exist an error:
    /// BigQuery's `INFORMATION_SCHEMA` query says so itself (404); the emulator answers no
    /// rows, so `datasets.get` (not billed) tells the two apart.
    private func checkDatasetExists() throws(WarehouseError) {
        let url = "\(client.configuration.endpoint)/projects/\(escaped(project))/datasets/\(escaped(dataset))"
        do {
            _ = try client.send("GET", url)
        } catch {
            throw Self.warehouseError(error)
        }
    }

    /// The named parameters `sql` uses, as BigQuery types; one it uses without a value is an
    /// error (as on PostgreSQL), one it does not use is not sent.
    static func queryParameters(
        _ sql: String, _ parameters: [String: WarehouseParameter]
    ) throws(WarehouseError) -> [String: QueryParameter] {
        // PostgreSQL's rewrite finds the `@name`s exactly as the templates write them.
        var named: [String: QueryParameter] = [:]
        for name in SQLDialect.postgres().positional(sql).names {
            guard let value = parameters[name] else { throw .query("the query's parameter @\(name) has no value") }
            switch value {
            case .string(let text): named[name] = .string(text)
            case .integer(let number): named[name] = .int64(number)
            case .timestamp(let instant): named[name] = .timestamp(microseconds: instant)
            case .strings(let texts): named[name] = .array(elementType: "STRING", texts.map { .string($0) })
            case .integers(let numbers): named[name] = .array(elementType: "INT64", numbers.map { .int64($0) })
            }
        }
        return named
    }

    /// BigQuery's error as the warehouse's: credentials, the network and a missing dataset or
    /// project are the connection's; a missing table, a refused query, the bytes-billed limit
    /// and quotas are the query's. The sentence is BigQuery's (it names the table or the fix).
    static func warehouseError(_ error: BigQueryError) -> WarehouseError {
        var sentence = error.description
        while sentence.hasSuffix(".") { sentence.removeLast() }
        if let first = sentence.first, sentence.split(separator: " ").first?.dropFirst().allSatisfy(\.isLowercase) == true {
            sentence = first.lowercased() + sentence.dropFirst()
        }
        switch error.kind {
        case .noCredentials, .tokenRefused, .serviceAccountKey, .tokenExchangeRefused, .gcloudFailed, .network, .timeout:
            return .connection(sentence)
        case .notFound(let kind, _, _) where kind == "Dataset" || kind == "Project":
            return .connection(sentence)
        case .malformedResponse:
            return .badValue(sentence)
        default:
            return .query(sentence)
        }
    }
}
