import ArgumentParser
import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsPostgres
import InsightsWarehouse

/// `--postgres URL [--schema S]` or `--bigquery PROJECT.DATASET` and BigQuery's options: the
/// report is computed inside the engine (aggregates only) instead of from `--db`.
struct WarehouseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Compute inside PostgreSQL instead of reading --db: a libpq URL (postgresql://user@host:port/db).",
            valueName: "url"))
    var postgres: String?

    @Option(help: ArgumentHelp("The PostgreSQL schema holding the tables (with --postgres; default public).", valueName: "name"))
    var schema: String?

    @Option(
        help: ArgumentHelp(
            "Compute inside BigQuery instead of reading --db: the dataset holding the tables.",
            valueName: "project.dataset"))
    var bigquery: String?

    @Option(
        name: .customLong("billing-project"),
        help: ArgumentHelp("The project BigQuery's jobs run in and bill (default: the dataset's).", valueName: "project"))
    var billingProject: String?

    @Option(help: ArgumentHelp("Where BigQuery's jobs run, e.g. EU (default: BigQuery's choice).", valueName: "location"))
    var location: String?

    @Option(
        name: .customLong("max-bytes-billed"),
        help: ArgumentHelp(
            "The most bytes one BigQuery query may bill; a query over it fails without running (default: "
                + "\(BigQueryConfiguration.defaultMaximumBytesBilled), 10 GiB).", valueName: "bytes"))
    var maxBytesBilled: Int64?

    @Flag(
        name: .customLong("dry-run"),
        help: "Print the bytes each BigQuery query would bill; run nothing, write nothing.")
    var dryRun = false

    @Option(
        name: .customLong("access-token"),
        help: ArgumentHelp(
            "A BigQuery OAuth access token (else GOOGLE_OAUTH_ACCESS_TOKEN, GOOGLE_APPLICATION_CREDENTIALS, gcloud).",
            valueName: "token"))
    var accessToken: String?

    @Option(
        name: .customLong("bigquery-endpoint"),
        help: ArgumentHelp(
            "Send BigQuery's requests to this URL with no credentials (an emulator; or BIGQUERY_EMULATOR_HOST).",
            valueName: "url"))
    var bigqueryEndpoint: String?

    func validate() throws {
        if postgres != nil, bigquery != nil { throw ValidationError("Give either --postgres or --bigquery, not both.") }
        if schema != nil, postgres == nil { throw ValidationError("--schema is the PostgreSQL schema; it needs --postgres.") }
        if let schema, schema.isEmpty { throw ValidationError("--schema needs a schema name, e.g. --schema public.") }
        if bigquery == nil {
            let given = [
                ("--billing-project", billingProject != nil), ("--location", location != nil),
                ("--max-bytes-billed", maxBytesBilled != nil), ("--dry-run", dryRun), ("--access-token", accessToken != nil),
                ("--bigquery-endpoint", bigqueryEndpoint != nil),
            ]
            if let flag = given.first(where: \.1)?.0 {
                throw ValidationError("\(flag) is a BigQuery option; it needs --bigquery.")
            }
        }
        if let bigquery, Self.split(bigquery) == nil {
            throw ValidationError("--bigquery \"\(bigquery)\" is not PROJECT.DATASET, e.g. --bigquery my-project.helpline.")
        }
        if let maxBytesBilled, maxBytesBilled < 1 { throw ValidationError("--max-bytes-billed must be at least 1 byte.") }
    }

    /// Whether the report is computed inside a warehouse.
    var isSet: Bool { postgres != nil || bigquery != nil }

    /// `PROJECT.DATASET` → its project and dataset (the project may hold a `:` or dots, as
    /// `example.com:project` does; the dataset is after the last dot).
    static func split(_ text: String) -> (project: String, dataset: String)? {
        guard let dot = text.lastIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex else {
            return nil
        }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }

    /// The warehouse's source (connected; nil without --postgres or --bigquery); `platform`
    /// says which tables a `--bigquery` dataset holds.
    func source(platform: WarehousePlatform.Choice) throws -> WarehouseSource<AnyWarehouseConnection>? {
        if let postgres {
            let connection = try PostgresConnection(url: postgres, schema: schema ?? "public")
            let unanalyzed = try connection.tablesWithoutStatistics(among: RecordKind.allCases.map(\.rawValue))
            if !unanalyzed.isEmpty {
                let named = unanalyzed.map { "\(connection.dialect.container).\($0)" }
                printError(
                    "Note: PostgreSQL has no statistics for \(named.joined(separator: ", ")) "
                        + "(never analyzed since loading), so this report may take minutes instead of seconds; "
                        + "run ANALYZE on \(unanalyzed.count == 1 ? "it" : "them") first.")
            }
            return WarehouseSource(connection: AnyWarehouseConnection(connection))
        }
        guard let bigquery else { return nil }
        let connection = BigQueryRoute.connection(client: try bigQueryClient(), dataset: bigquery)
        return try platform.source(over: connection)
    }

    /// The BigQuery client of the options (credentials resolved in the documented order).
    func bigQueryClient() throws(BigQueryError) -> BigQueryClient {
        let project = bigquery.flatMap(Self.split)?.project ?? ""
        return BigQueryClient(
            configuration: try BigQueryConfiguration.resolve(
                project: project, billingProject: billingProject, location: location, accessToken: accessToken,
                endpoint: bigqueryEndpoint, maximumBytesBilled: maxBytesBilled,
                environment: ProcessInfo.processInfo.environment))
    }

    /// A connection that estimates every query with BigQuery's dry run and runs none
    /// (`--dry-run`); the dataset's columns are read (one `INFORMATION_SCHEMA` query).
    func dryRunConnection(platform: WarehousePlatform.Choice) throws -> DryRunConnection<AnyWarehouseConnection> {
        guard let bigquery else { throw ValidationError("--dry-run needs --bigquery.") }
        let connection = BigQueryRoute.connection(client: try bigQueryClient(), dataset: bigquery)
        let (read, adding) = try platform.dryRunViews(over: connection)
        return DryRunConnection(base: read) { (sql, parameters) throws(WarehouseError) in
            try connection.dryRun(sql, parameters: adding(sql, parameters))
        }
    }
}
