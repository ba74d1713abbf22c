import Foundation
import InsightsTestSupport
import InsightsWarehouse
import Testing

@testable import InsightsBigQuery

/// The warehouse connection over the client, with canned answers: what a query is sent with,
/// what its cells come back as, the dataset's columns, dry runs, and BigQuery's errors as the
/// warehouse's one sentence.
struct BigQueryConnectionTests {
    func connection(_ answers: [(Int, String)], dataset: String = "data-project.helpline")
        -> (BigQueryConnection, ScriptedTransport)
    {
        let transport = ScriptedTransport(answers)
        let configuration = BigQueryConfiguration(
            project: "billing-project", credentials: .accessToken("ya29.given", origin: "--access-token"),
            maximumBytesBilled: 1_000_000)
        return (
            BigQueryConnection(client: BigQueryClient(configuration: configuration, transport: transport), dataset: dataset),
            transport
        )
    }

    /// A complete answer with columns `fields` (name, type) and `rows`.
    static func answer(_ fields: [(String, String)], _ rows: [[String?]]) -> String {
        let schema = fields.map { #"{"name": "\#($0.0)", "type": "\#($0.1)"}"# }.joined(separator: ",")
        let cells = rows.map { row in
            "{\"f\": [" + row.map { $0.map { #"{"v": "\#($0)"}"# } ?? #"{"v": null}"# }.joined(separator: ",") + "]}"
        }.joined(separator: ",")
        return
            #"{"jobReference": {"projectId": "billing-project", "jobId": "job-1"}, "jobComplete": true, "totalRows": "\#(rows.count)", "schema": {"fields": [\#(schema)]}, "rows": [\#(cells)]}"#
    }

    @Test func theDatasetsProjectMayDifferFromTheBillingProject() {
        let (other, _) = connection([], dataset: "data-project.helpline")
        #expect(other.dialect == .bigquery(dataset: "data-project.helpline"))
        #expect(other.project == "data-project" && other.dataset == "helpline")
        // A domain-scoped project keeps its dot: the dataset is what follows the last one.
        let (scoped, _) = connection([], dataset: "example.com:insights.27600000001")
        #expect(scoped.project == "example.com:insights" && scoped.dataset == "27600000001")
        #expect(scoped.dialect.table("messages") == "`example.com:insights.27600000001.messages`")
        // Without a project, the dataset is in the billing project.
        let (bare, _) = connection([], dataset: "helpline")
        #expect(bare.dialect == .bigquery(dataset: "billing-project.helpline"))
    }

    @Test func parametersGoAsTheirBigQueryTypesAndOnlyThoseTheQueryNames() throws {
        let (connection, transport) = connection([(200, Self.answer([("n", "INTEGER")], [["3"]]))])
        let rows = try connection.rows(
            "SELECT COUNT(*) FROM t WHERE at >= @from AND zone = @zone AND n > @n",
            parameters: [
                // 2026-10-03T12:05:00Z = 1,791,029,100 s.
                "from": .timestamp(1_791_029_100_000_000), "zone": .string("Asia/Kathmandu"), "n": .integer(-2),
                "to": .timestamp(0),
            ])
        #expect(rows == [["3"]])
        let sent = try #require(transport.requests.first?.json?["queryParameters"])
        #expect(
            sent
                == .array([
                    .object([
                        "name": "from", "parameterType": .object(["type": "TIMESTAMP"]),
                        "parameterValue": .object(["value": "2026-10-03 12:05:00.000000+00:00"]),
                    ]),
                    .object([
                        "name": "n", "parameterType": .object(["type": "INT64"]), "parameterValue": .object(["value": "-2"]),
                    ]),
                    .object([
                        "name": "zone", "parameterType": .object(["type": "STRING"]),
                        "parameterValue": .object(["value": "Asia/Kathmandu"]),
                    ]),
                ]))
        // The query runs in the billing project.
        #expect(transport.requests.first?.url == "https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/queries")
    }

    @Test func aParameterWithoutAValueIsTheQuerysError() {
        let (connection, transport) = connection([])
        #expect(throws: WarehouseError.query("the query's parameter @to has no value")) {
            _ = try connection.rows("SELECT 1 FROM t WHERE at < @to", parameters: [:])
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func timestampCellsComeBackAsRFC3339AndOtherCellsAsTheyAre() throws {
        // 1,791,029,100,000,001 µs = 2026-10-03T12:05:00.000001Z; -1 µs = the last microsecond of 1969.
        let (connection, _) = connection([
            (
                200,
                Self.answer(
                    [("at", "TIMESTAMP"), ("n", "INTEGER"), ("s", "STRING")],
                    [["1791029100000001", "7", "x"], [nil, nil, nil], ["-1", "0", ""]])
            )
        ])
        let rows = try connection.rows("SELECT at, n, s FROM t", parameters: [:])
        #expect(
            rows == [
                ["2026-10-03T12:05:00.000001Z", "7", "x"], [nil, nil, nil], ["1969-12-31T23:59:59.999999Z", "0", ""],
            ])
    }

    @Test func theDatasetsColumnsAreReadOnceLowerCasedAndAMissingTableIsNil() throws {
        let (connection, transport) = connection([
            (
                200,
                Self.answer(
                    [("table_name", "STRING"), ("c1", "STRING"), ("c2", "STRING")],
                    [
                        ["messages", "message_id", "string"], ["messages", "timestamp", "timestamp"],
                        ["contacts", "fields", "json"], ["contacts", "phone", "string(20)"], ["goals", "position", "int64"],
                    ])
            )
        ])
        #expect(try connection.columns(of: "messages") == ["message_id": "string", "timestamp": "timestamp"])
        #expect(try connection.columns(of: "contacts") == ["fields": "json", "phone": "string"])
        #expect(try connection.columns(of: "goals") == ["position": "int64"])
        #expect(try connection.columns(of: "goal_events") == nil)
        // One query for the whole dataset, from its INFORMATION_SCHEMA.
        #expect(transport.requests.count == 1)
        let sql = try #require(transport.requests.first?.json?["query"]?.stringValue)
        #expect(sql.contains("FROM `data-project.helpline.INFORMATION_SCHEMA.COLUMNS` c"))
    }

    @Test func aDryRunAsksForTheBytesAndRunsNothing() throws {
        let (connection, transport) = connection([
            (200, #"{"totalBytesProcessed": "123456789", "schema": {"fields": [{"name": "n", "type": "INTEGER"}]}}"#)
        ])
        #expect(try connection.dryRun("SELECT COUNT(*) FROM t WHERE at < @to", parameters: ["to": .timestamp(0)]) == 123_456_789)
        #expect(transport.requests.count == 1)
        #expect(transport.requests.first?.json?["dryRun"] == true)
    }

    static func error(_ code: Int, _ reason: String, _ message: String) -> String {
        #"{"error": {"code": \#(code), "message": "\#(message)", "errors": [{"reason": "\#(reason)", "message": "\#(message)"}]}}"#
    }

    func failure(_ status: Int, _ body: String) -> WarehouseError? {
        do {
            _ = try connection([(status, body)]).0.rows("SELECT 1", parameters: [:])
            return nil
        } catch { return error }
    }

    @Test func bigQuerysErrorsAreTheWarehousesOneSentence() {
        let table = failure(
            404, Self.error(404, "notFound", "Not found: Table data-project:helpline.messages was not found in location EU"))
        #expect(
            table?.description
                == "The warehouse rejected a query: BigQuery has no table data-project:helpline.messages in location EU: check the table name, or load that table into the dataset."
        )
        let dataset = failure(
            404, Self.error(404, "notFound", "Not found: Dataset data-project:helpline was not found in location EU"))
        #expect(
            dataset?.description
                == "Cannot connect to the warehouse: BigQuery has no dataset data-project:helpline in location EU: check the project and dataset name (and --location)."
        )
        let column = failure(400, Self.error(400, "invalidQuery", "Unrecognized name: author_name at [1:8]"))
        #expect(
            column?.description
                == "The warehouse rejected a query: BigQuery refused the query: Unrecognized name: author_name at [1:8] (check the table's columns and their types)."
        )
        let type = failure(
            400, Self.error(400, "invalidQuery", "No matching signature for operator >= for argument types: STRING, TIMESTAMP"))
        #expect(
            type
                == .query(
                    "BigQuery refused the query: No matching signature for operator >= for argument types: STRING, TIMESTAMP (check the table's columns and their types)"
                ))
        let token = failure(401, Self.error(401, "authError", "Request had invalid authentication credentials"))
        #expect(
            token?.description
                == "Cannot connect to the warehouse: BigQuery refused the access token from --access-token (HTTP 401: Request had invalid authentication credentials): get a fresh token (`gcloud auth print-access-token`) or grant the account BigQuery Job User and Data Viewer."
        )
        let bytes = failure(400, Self.error(400, "bytesBilledLimitExceeded", "Query exceeded limit for bytes billed: 1000000"))
        #expect(
            bytes?.description
                == "The warehouse rejected a query: the query would bill more than 1000000 bytes, the maximum bytes billed: narrow the period, or raise the limit (--max-bytes-billed) after checking the cost with --dry-run."
        )
        let quota = failure(403, Self.error(403, "quotaExceeded", "Quota exceeded"))
        #expect(
            quota?.description
                == "The warehouse rejected a query: BigQuery's quota or rate limit was reached (Quota exceeded): try again later or raise the project's quota."
        )
    }

    @Test func noCredentialsAndNoNetworkAreTheConnections() {
        #expect(
            BigQueryConnection.warehouseError(BigQueryError(.noCredentials)).description
                == "Cannot connect to the warehouse: no BigQuery credentials: pass --access-token, set GOOGLE_OAUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), or install gcloud and run `gcloud auth login`."
        )
        #expect(
            BigQueryConnection.warehouseError(BigQueryError(.network(url: "http://127.0.0.1:1", detail: "connection refused")))
                == .connection(
                    "could not reach BigQuery at http://127.0.0.1:1: connection refused (check the network, or BIGQUERY_EMULATOR_HOST)"
                ))
    }
}
