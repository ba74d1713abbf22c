import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBigQuery

/// The client's handling of answers the emulator cannot give (refused tokens, limits, quotas,
/// broken answers), with canned responses in place of the network.
struct BigQueryProtocolTests {
    func client(_ answers: [(Int, String)], maximumBytesBilled: Int64 = 1_000_000, queryTimeout: Double = 600)
        -> (BigQueryClient, ScriptedTransport)
    {
        let transport = ScriptedTransport(answers)
        let configuration = BigQueryConfiguration(
            project: "billing-project", location: "EU", credentials: .accessToken("ya29.given", origin: "--access-token"),
            maximumBytesBilled: maximumBytesBilled, queryTimeoutSeconds: queryTimeout)
        return (BigQueryClient(configuration: configuration, transport: transport), transport)
    }

    func failure(_ answers: [(Int, String)], maximumBytesBilled: Int64 = 1_000_000, queryTimeout: Double = 600) -> BigQueryError?
    {
        do {
            _ = try client(answers, maximumBytesBilled: maximumBytesBilled, queryTimeout: queryTimeout).0.query("SELECT 1")
            return nil
        } catch { return error }
    }

    static func errorBody(_ code: Int, _ reason: String, _ message: String) -> String {
        #"{"error": {"code": \#(code), "message": "\#(message)", "errors": [{"reason": "\#(reason)", "message": "\#(message)"}]}}"#
    }

    static let incomplete =
        #"{"jobReference": {"projectId": "billing-project", "jobId": "job-1", "location": "EU"}, "jobComplete": false}"#

    static func page(_ values: [String], token: String?, total: Int) -> String {
        let rows = values.map { #"{"f": [{"v": "\#($0)"}]}"# }.joined(separator: ",")
        let pageToken = token.map { #", "pageToken": "\#($0)""# } ?? ""
        return
            #"{"jobReference": {"projectId": "billing-project", "jobId": "job-1", "location": "EU"}, "jobComplete": true, "totalRows": "\#(total)", "schema": {"fields": [{"name": "x", "type": "STRING"}]}, "rows": [\#(rows)]\#(pageToken)}"#
    }

    @Test func aJobIsPolledUntilCompleteThenPagedAndEveryRequestCarriesTheToken() throws {
        let (client, transport) = client([
            (200, Self.incomplete), (200, Self.incomplete), (200, Self.page(["a", "b"], token: "t2", total: 3)),
            (200, Self.page(["c"], token: nil, total: 3)),
        ])
        let result = try client.query("SELECT x FROM t")
        #expect(result.rows == [["a"], ["b"], ["c"]])
        #expect(result.requests == 4)
        let urls = transport.requests.map(\.url)
        let results = "https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/queries/job-1"
        #expect(
            urls == [
                "https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/queries",
                "\(results)?formatOptions.useInt64Timestamp=true&timeoutMs=10000&location=EU",
                "\(results)?formatOptions.useInt64Timestamp=true&timeoutMs=10000&location=EU",
                "\(results)?formatOptions.useInt64Timestamp=true&timeoutMs=10000&location=EU&pageToken=t2",
            ])
        #expect(transport.requests.allSatisfy { $0.headers.contains("Authorization: Bearer ya29.given") })
        #expect(transport.requests.first?.json?["location"] == "EU")
        #expect(transport.requests.first?.json?["maximumBytesBilled"] == "1000000")
    }

    @Test func aRefusedTokenSaysWhereItCameFromAndTheFix() {
        let body = Self.errorBody(401, "authError", "Request had invalid authentication credentials.")
        #expect(
            failure([(401, body)])?.description
                == "BigQuery refused the access token from --access-token (HTTP 401: Request had invalid authentication credentials): get a fresh token (`gcloud auth print-access-token`) or grant the account BigQuery Job User and Data Viewer."
        )
        let denied = Self.errorBody(
            403, "accessDenied", "Access Denied: Project billing-project: User does not have bigquery.jobs.create permission.")
        #expect(
            failure([(403, denied)])?.kind
                == .tokenRefused(
                    status: 403, source: "--access-token",
                    message: "Access Denied: Project billing-project: User does not have bigquery.jobs.create permission."))
    }

    @Test func theBytesBilledLimitNamesTheLimitAndTheFix() {
        let body = Self.errorBody(
            400, "bytesBilledLimitExceeded", "Query exceeded limit for bytes billed: 1000000. 10485760 or higher required.")
        #expect(
            failure([(400, body)])?.description
                == "The query would bill more than 1000000 bytes, the maximum bytes billed: narrow the period, or raise the limit (--max-bytes-billed) after checking the cost with --dry-run."
        )
    }

    @Test func quotasAndRateLimitsAreOneSentence() {
        let body = Self.errorBody(
            403, "quotaExceeded", "Quota exceeded: Your project exceeded quota for free query bytes scanned.")
        #expect(
            failure([(403, body)])?.description
                == "BigQuery's quota or rate limit was reached (Quota exceeded: Your project exceeded quota for free query bytes scanned): try again later or raise the project's quota."
        )
        #expect(failure([(429, "Too Many Requests")])?.kind == .quotaExceeded(message: "Too Many Requests"))
    }

    @Test func brokenAnswersAreMalformedNotSilentlyShort() {
        let url = "https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/queries"
        #expect(
            failure([(200, "<html>proxy</html>")])?.kind == .malformedResponse(url: url, detail: "the body is not a JSON object"))
        #expect(
            failure([(200, #"{"jobComplete": true}"#)])?.kind
                == .malformedResponse(url: url, detail: "the answer to jobs.query has no jobReference.jobId"))
        // totalRows says 3, the only page has 2 and no token.
        #expect(
            failure([(200, Self.page(["a", "b"], token: nil, total: 3))])?.kind
                == .malformedResponse(url: url + "/job-1", detail: "job job-1 has 3 rows but 2 came back"))
        #expect(
            failure([(200, Self.page(["a"], token: "t", total: 3)), (200, Self.page(["b"], token: "t", total: 3))])?.kind
                == .malformedResponse(url: url + "/job-1", detail: "the page token t came back twice"))
        let short = Self.page(["a"], token: nil, total: 1).replacingOccurrences(of: #"[{"v": "a"}]"#, with: "[]")
        #expect(
            failure([(200, short)])?.kind
                == .malformedResponse(url: url, detail: "row 1 of a page does not have the schema's 1 cells"))
    }

    @Test func aQueryPastItsTimeIsCancelledAndSaysSo() throws {
        let error = failure([(200, Self.incomplete), (200, "{}")], queryTimeout: -1)
        #expect(
            error?.description
                == "BigQuery at https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/queries/job-1 did not answer within -1 seconds: try again, or allow more time."
        )
        let (client, transport) = client([(200, Self.incomplete), (200, "{}")], queryTimeout: -1)
        _ = try? client.query("SELECT 1")
        #expect(
            transport.requests.last.map { "\($0.method) \($0.url)" }
                == "POST https://bigquery.googleapis.com/bigquery/v2/projects/billing-project/jobs/job-1/cancel?location=EU")
    }

    @Test func parametersAreEncodedExactly() {
        let (client, _) = client([])
        let body = client.queryBody(
            "SELECT 1",
            [
                "ids": .array(elementType: "STRING", [.string("a"), .string("b")]), "gone": .string(nil),
                "k": .int64(-7), "yes": .bool(true),
                // One microsecond before the epoch: 1969-12-31 23:59:59.999999.
                "before": .timestamp(microseconds: -1),
            ], dryRun: true)
        #expect(
            body["queryParameters"]
                == [
                    [
                        "name": "before", "parameterType": ["type": "TIMESTAMP"],
                        "parameterValue": ["value": "1969-12-31 23:59:59.999999+00:00"],
                    ],
                    ["name": "gone", "parameterType": ["type": "STRING"], "parameterValue": [:]],
                    [
                        "name": "ids", "parameterType": ["type": "ARRAY", "arrayType": ["type": "STRING"]],
                        "parameterValue": ["arrayValues": [["value": "a"], ["value": "b"]]],
                    ],
                    ["name": "k", "parameterType": ["type": "INT64"], "parameterValue": ["value": "-7"]],
                    ["name": "yes", "parameterType": ["type": "BOOL"], "parameterValue": ["value": "true"]],
                ])
        #expect(body["dryRun"] == true)
        // 2024-02-29 (a leap day) 06:30:00.25: 19,782 days after the epoch.
        #expect(QueryParameter.timestampText(19_782 * 86_400_000_000 + 23_400_250_000) == "2024-02-29 06:30:00.250000+00:00")
    }

    @Test func nestedCellsComeBackAsJSONText() throws {
        let answer = #"""
            {"jobReference": {"jobId": "j"}, "jobComplete": true, "totalRows": "1",
             "schema": {"fields": [{"name": "hours", "type": "INTEGER", "mode": "REPEATED"}, {"name": "b", "type": "BOOLEAN"}]},
             "rows": [{"f": [{"v": [{"v": "1"}, {"v": "23"}]}, {"v": "true"}]}]}
            """#
        let (client, _) = client([(200, answer)])
        let result = try client.query("SELECT [1, 23], TRUE")
        #expect(result.rows == [[#"["1","23"]"#, "true"]])
        #expect(
            result.schema == [
                BigQueryField(name: "hours", type: "INTEGER", mode: "REPEATED"), BigQueryField(name: "b", type: "BOOLEAN"),
            ])
    }
}
