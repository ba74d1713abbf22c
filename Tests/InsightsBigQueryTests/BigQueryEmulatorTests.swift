import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBigQuery

/// The client against the real emulator (local-bigquery on loopback, started by `.ci/run`):
/// loading, parameters, paging, TIMESTAMPs, what every job is sent with, dry runs and errors.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct BigQueryEmulatorTests {
    /// 2026-10-03T00:00:00Z in microseconds: 2026-01-01 is 1,767,225,600 s; Jan–Sep are
    /// 273 days, +2 = 275 days = 23,760,000 s → 1,790,985,600 s.
    static let october3: Int64 = 1_790_985_600_000_000
    /// 12:05:00 is 43,500 s after midnight.
    static let noon: Int64 = october3 + 43_500_000_000
    /// One day later: 1,791,072,000 s.
    static let october4: Int64 = october3 + 86_400_000_000

    static let schema = [
        BigQueryField(name: "id", type: "STRING"), BigQueryField(name: "contact", type: "STRING"),
        BigQueryField(name: "direction", type: "STRING"), BigQueryField(name: "sent_at", type: "TIMESTAMP"),
        BigQueryField(name: "n", type: "INT64"),
    ]

    /// Five messages: two on 3 October inbound (12:05:00 and the day's last microsecond), one
    /// outbound a microsecond after noon, one inbound at 4 October's first instant, one on 2 October.
    static let messages: [[String: JSONValue]] = [
        ["id": "m1", "contact": "c1", "direction": "inbound", "sent_at": "2026-10-03T12:05:00Z", "n": "1"],
        ["id": "m2", "contact": "c1", "direction": "outbound", "sent_at": "2026-10-03T12:05:00.000001Z", "n": "2"],
        ["id": "m3", "contact": "c2", "direction": "inbound", "sent_at": "2026-10-03T23:59:59.999999Z", "n": "3"],
        ["id": "m4", "contact": "c3", "direction": "inbound", "sent_at": "2026-10-04T00:00:00Z", "n": .null],
        ["id": "m5", "contact": "c2", "direction": "outbound", "sent_at": "2026-10-02T10:00:00Z", "n": "5"],
    ]

    func client(pageSize: Int? = nil, transport: any HTTPTransport = CurlTransport()) throws -> BigQueryClient {
        let host = try BigQueryEmulator.required()
        var configuration = try BigQueryConfiguration.resolve(
            project: "local", environment: ["BIGQUERY_EMULATOR_HOST": host])
        configuration.pageSize = pageSize
        return BigQueryClient(configuration: configuration, transport: transport)
    }

    /// A fresh dataset holding `messages` with the five rows.
    func loadedMessages(dataset: String = BigQueryEmulator.uniqueDataset("messages")) throws -> BigQueryTable {
        let client = try client()
        let table = BigQueryTable(project: "local", dataset: dataset, table: "messages")
        try client.createDataset(project: "local", dataset: dataset)
        try client.deleteTable(table)
        try client.createTable(table, schema: Self.schema)
        try client.insertRows(Self.messages, into: table)
        return table
    }

    @Test func namedStringAndTimestampParametersSelectRowsAndTimestampsComeBackAsMicroseconds() throws {
        let table = try loadedMessages()
        let result = try client().query(
            "SELECT id, contact, sent_at, n FROM \(table.sql) WHERE direction = @direction AND sent_at >= @from AND sent_at < @to ORDER BY sent_at, id",
            [
                "direction": .string("inbound"), "from": .timestamp(microseconds: Self.october3),
                "to": .timestamp(microseconds: Self.october4),
            ])
        // Inbound in [3 Oct, 4 Oct): m1 at 12:05 and m3 at the day's last microsecond; m4 at the
        // bound is out. TIMESTAMPs as integer microseconds, INT64 as digits.
        #expect(
            result.rows == [
                ["m1", "c1", String(Self.noon), "1"],
                ["m3", "c2", String(Self.october4 - 1), "3"],
            ])
        #expect(result.schema.map(\.name) == ["id", "contact", "sent_at", "n"])
        #expect(result.schema.map(\.type) == ["STRING", "STRING", "TIMESTAMP", "INTEGER"])
        #expect(result.jobID?.isEmpty == false)
    }

    @Test func severalPagesAreReadWithTheirPageTokensAndNothingIsDropped() throws {
        let table = try loadedMessages()
        let recorder = RecordingTransport()
        let result = try client(pageSize: 2, transport: recorder).query(
            "SELECT id, n FROM \(table.sql) ORDER BY id")
        // 5 rows, 2 a page: jobs.query brings m1 m2, then two getQueryResults bring m3 m4 and m5.
        #expect(result.rows == [["m1", "1"], ["m2", "2"], ["m3", "3"], ["m4", nil], ["m5", "5"]])
        #expect(result.requests == 3)
        let requests = recorder.requests
        #expect(requests.map(\.method) == ["POST", "GET", "GET"])
        #expect(requests.dropFirst().allSatisfy { $0.url.contains("pageToken=") && $0.url.contains("maxResults=2") })
        #expect(requests.dropFirst().allSatisfy { $0.url.contains("formatOptions.useInt64Timestamp=true") })
        #expect(requests.first?.json?["maxResults"] == .number(2))
    }

    @Test func everyJobIsSentWithItsLabelTheBytesLimitAndIntegerTimestamps() throws {
        let table = try loadedMessages()
        let recorder = RecordingTransport()
        _ = try client(transport: recorder).rows(
            "SELECT COUNT(*) FROM \(table.sql) WHERE sent_at < @to", ["to": .timestamp(microseconds: Self.october4)])
        let body = try #require(recorder.requests.first?.json)
        #expect(body["labels"] == .object(["requestor": "insights"]))
        // The default limit: 10 GiB = 10 × 1024³ = 10,737,418,240 bytes, as a string (INT64).
        #expect(body["maximumBytesBilled"] == "10737418240")
        #expect(body["formatOptions"] == .object(["useInt64Timestamp": true]))
        #expect(body["useLegacySql"] == false)
        #expect(body["parameterMode"] == "NAMED")
        #expect(
            body["queryParameters"]
                == [
                    [
                        "name": "to", "parameterType": ["type": "TIMESTAMP"],
                        "parameterValue": ["value": "2026-10-04 00:00:00.000000+00:00"],
                    ]
                ])
        #expect(body["dryRun"] == nil)
        #expect(recorder.requests.first?.headers.contains { $0.hasPrefix("Authorization") } == false)
    }

    @Test func aDryRunReportsTheBytesAndSchemaAndRunsNothing() throws {
        let table = try loadedMessages()
        let recorder = RecordingTransport()
        let estimate = try client(transport: recorder).dryRun("SELECT id FROM \(table.sql)")
        // The emulator reports 0 bytes for every query (real BigQuery: the columns' size).
        #expect(estimate == DryRunResult(bytesProcessed: 0, schema: [BigQueryField(name: "id", type: "STRING")]))
        #expect(recorder.requests.count == 1)
        #expect(recorder.requests.first?.json?["dryRun"] == true)
        #expect(recorder.requests.first?.json?["labels"] == .object(["requestor": "insights"]))
    }

    @Test func aJobNotCompleteAtFirstIsAskedForAgain() throws {
        let table = try loadedMessages()
        let recorder = RecordingTransport()
        var client = try client(transport: recorder)
        var configuration = client.configuration
        // Let BigQuery hold each call 1 ms: the emulator takes longer than that to run a job, so
        // jobs.query answers jobComplete: false and the client polls getQueryResults.
        configuration.waitMilliseconds = 1
        client = BigQueryClient(configuration: configuration, transport: recorder)
        let rows = try client.rows("SELECT id FROM \(table.sql) WHERE n > @k ORDER BY id", ["k": .int64(2)])
        #expect(rows == [["m3"], ["m5"]])
        let requests = recorder.requests
        #expect(requests.count >= 2)
        #expect(
            requests.dropFirst().allSatisfy {
                $0.method == "GET" && $0.url.contains("/queries/") && $0.url.contains("timeoutMs=1")
            })
    }

    @Test func aMissingTableIsOneSentenceNamingIt() throws {
        let table = try loadedMessages()
        let missing = BigQueryTable(project: "local", dataset: table.dataset, table: "contacts")
        #expect {
            try client().rows("SELECT * FROM \(missing.sql)")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "BigQuery has no table local:\(table.dataset).contacts in location US: check the table name, or load that table into the dataset."
        }
    }

    @Test func aMissingDatasetIsOneSentenceNamingIt() throws {
        #expect {
            try client().rows("SELECT * FROM `local.no_such_dataset.messages`")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "BigQuery has no dataset local:no_such_dataset in location US: check the project and dataset name (and --location)."
        }
    }

    @Test func aMissingColumnAndATypeErrorAreBigQuerysOwnWords() throws {
        let table = try loadedMessages()
        #expect {
            try client().rows("SELECT delivered_at FROM \(table.sql)")
        } throws: { error in
            (error as? BigQueryError)?.description
                == "BigQuery refused the query: Unrecognized name: delivered_at (check the table's columns and their types)."
        }
        #expect {
            try client().rows("SELECT id + 1 FROM \(table.sql)")
        } throws: { error in
            (error as? BigQueryError)?.kind
                == .invalidQuery(message: "No matching signature for operator + for argument types: STRING, INT64")
        }
    }

    @Test func aDatasetNamedByDigitsAsTurnNamesThem() throws {
        let table = try loadedMessages(dataset: "27600000001")
        #expect(table.sql == "`local.27600000001.messages`")
        let rows = try client().rows(
            "SELECT contact, COUNT(*) FROM `local.27600000001.messages` GROUP BY contact ORDER BY contact")
        // c1: m1 m2; c2: m3 m5; c3: m4.
        #expect(rows == [["c1", "2"], ["c2", "2"], ["c3", "1"]])
    }

    @Test func csvAndNDJSONFilesLoadWithTheirTypes() throws {
        let client = try client()
        let dataset = BigQueryEmulator.uniqueDataset("files")
        try client.createDataset(project: "local", dataset: dataset)
        let folder = try TestPaths.temporaryDirectory("bigquery-load")
        let csv = folder.appendingPathComponent("messages.csv")
        // A quoted comma, a quoted quote, and an empty n (NULL as in `bq load`).
        try Data(
            "id,contact,direction,sent_at,n\nm1,\"c,1\",inbound,2026-10-03T12:05:00Z,7\nm2,\"say \"\"hi\"\"\",outbound,2026-10-03T12:05:00.5Z,\n"
                .utf8
        )
        .write(to: csv)
        let ndjson = folder.appendingPathComponent("contacts.ndjson")
        try Data("{\"id\":\"c1\",\"fields\":{\"district\":\"Kisumu\"}}\n{\"id\":\"c2\",\"fields\":null}\n".utf8).write(to: ndjson)
        let messages = BigQueryTable(project: "local", dataset: dataset, table: "messages")
        let contacts = BigQueryTable(project: "local", dataset: dataset, table: "contacts")
        #expect(try client.load(csv, into: messages, schema: Self.schema) == 2)
        let contactSchema = [BigQueryField(name: "id", type: "STRING"), BigQueryField(name: "fields", type: "STRING")]
        #expect(try client.load(ndjson, into: contacts, schema: contactSchema) == 2)
        #expect(
            try client.rows("SELECT id, contact, sent_at, n FROM \(messages.sql) ORDER BY id") == [
                ["m1", "c,1", String(Self.noon), "7"],
                // 12:05:00.5 is half a second (500,000 µs) after noon.
                ["m2", "say \"hi\"", String(Self.noon + 500_000), nil],
            ])
        #expect(
            try client.rows("SELECT id, JSON_VALUE(fields, '$.district') FROM \(contacts.sql) ORDER BY id") == [
                ["c1", "Kisumu"], ["c2", nil],
            ])
    }

    @Test func aRowTheTableRefusesNamesItsColumn() throws {
        let table = try loadedMessages()
        #expect {
            try client().insertRows([["id": "m9", "n": "many"]], into: table)
        } throws: { error in
            (error as? BigQueryError)?.description
                == "\(table.sql): row 1 refused: column n: Cannot convert value to integer (bad value): many."
        }
    }
}
