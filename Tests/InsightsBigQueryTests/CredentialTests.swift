import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsBigQuery

/// Which credentials are used, in the documented order, and where requests go.
@Suite(.temporaryFolders)
struct CredentialTests {
    /// A folder holding an executable `gcloud` that prints `output` and exits with `status`.
    func fakeGcloud(output: String, error: String = "", status: Int = 0) throws -> String {
        let folder = try TestPaths.temporaryDirectory("gcloud")
        let path = folder.appendingPathComponent("gcloud").path
        let script =
            "#!/bin/sh\n[ \"$1 $2\" = \"auth print-access-token\" ] || exit 9\nprintf '%s' '\(output)'\nprintf '%s\\n' '\(error)' >&2\nexit \(status)\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        return folder.path
    }

    func keyPath() throws -> String {
        let path = try TestPaths.temporaryDirectory("key").appendingPathComponent("key.json").path
        let json: JSONValue = [
            "type": "service_account", "client_email": "a@p.iam.gserviceaccount.com",
            "private_key": "-----BEGIN PRIVATE KEY-----\nunused\n-----END PRIVATE KEY-----\n",
        ]
        try json.data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theOrderIsFlagThenTokenVariableThenKeyFileThenGcloud() throws {
        let gcloud = try fakeGcloud(output: "ya29.from-gcloud")
        let key = try keyPath()
        let all = ["GOOGLE_OAUTH_ACCESS_TOKEN": "ya29.env", "GOOGLE_APPLICATION_CREDENTIALS": key, "PATH": "/nowhere:\(gcloud)"]
        #expect(
            try BigQueryCredentials.resolve(accessToken: "ya29.flag", environment: all)
                == .accessToken("ya29.flag", origin: "--access-token"))
        #expect(
            try BigQueryCredentials.resolve(accessToken: nil, environment: all)
                == .accessToken("ya29.env", origin: "GOOGLE_OAUTH_ACCESS_TOKEN"))
        var noToken = all
        noToken["GOOGLE_OAUTH_ACCESS_TOKEN"] = nil
        guard
            case .serviceAccount(let account, let path) = try BigQueryCredentials.resolve(accessToken: nil, environment: noToken)
        else {
            Issue.record("the key file was not chosen")
            return
        }
        // No token_uri in the file: Google's.
        #expect(account.tokenURI == "https://oauth2.googleapis.com/token" && path == key)
        #expect(
            try BigQueryCredentials.resolve(accessToken: nil, environment: ["PATH": "/nowhere:\(gcloud)"])
                == .gcloud(executable: "\(gcloud)/gcloud"))
    }

    @Test func withNothingTheSentenceListsEveryWay() {
        #expect {
            try BigQueryCredentials.resolve(
                accessToken: "  ", environment: ["PATH": "/nowhere", "GOOGLE_OAUTH_ACCESS_TOKEN": ""])
        } throws: { error in
            (error as? BigQueryError)?.description
                == "No BigQuery credentials: pass --access-token, set GOOGLE_OAUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), or install gcloud and run `gcloud auth login`."
        }
    }

    @Test func gcloudsTokenIsUsedAndItsFailureIsOneSentence() throws {
        let good = try fakeGcloud(output: "ya29.from-gcloud\n")
        let transport = ScriptedTransport([])
        let token = try BigQueryCredentials.gcloud(executable: "\(good)/gcloud").fetchToken(
            transport: transport, now: Date(), timeoutSeconds: 5)
        #expect(token == AccessToken(value: "ya29.from-gcloud"))
        let bad = try fakeGcloud(
            output: "", error: "ERROR: (gcloud.auth.print-access-token) You do not currently have an active account selected.",
            status: 1)
        #expect {
            try BigQueryCredentials.gcloud(executable: "\(bad)/gcloud").fetchToken(
                transport: transport, now: Date(), timeoutSeconds: 5)
        } throws: { error in
            (error as? BigQueryError)?.description
                == "`gcloud auth print-access-token` failed (ERROR: (gcloud.auth.print-access-token) You do not currently have an active account selected): run `gcloud auth login`, or pass --access-token."
        }
    }

    @Test func anEmulatorGetsNoCredentialsAndTheDatasetProjectUnlessABillingProjectIsGiven() throws {
        let environment = ["BIGQUERY_EMULATOR_HOST": "127.0.0.1:9050", "GOOGLE_OAUTH_ACCESS_TOKEN": "ya29.env"]
        let emulator = try BigQueryConfiguration.resolve(project: "data", environment: environment)
        #expect(emulator.endpoint == "http://127.0.0.1:9050/bigquery/v2")
        #expect(emulator.credentials == BigQueryCredentials.none && emulator.project == "data")
        let endpoint = try BigQueryConfiguration.resolve(
            project: "data", billingProject: "pays", location: "EU", endpoint: "http://localhost:9999/", maximumBytesBilled: 5,
            environment: environment)
        #expect(
            endpoint.endpoint == "http://localhost:9999/bigquery/v2" && endpoint.project == "pays" && endpoint.location == "EU")
        #expect(endpoint.maximumBytesBilled == 5 && endpoint.labels == ["requestor": "insights"])
        let google = try BigQueryConfiguration.resolve(project: "data", environment: ["GOOGLE_OAUTH_ACCESS_TOKEN": "ya29.env"])
        #expect(google.endpoint == "https://bigquery.googleapis.com/bigquery/v2")
        #expect(google.credentials == .accessToken("ya29.env", origin: "GOOGLE_OAUTH_ACCESS_TOKEN"))
        #expect(google.maximumBytesBilled == 10_737_418_240)
        // A caller's labels are kept, and requestor stays insights.
        let labelled = BigQueryConfiguration(project: "p", credentials: .none, labels: ["requestor": "me", "report": "monthly"])
        #expect(labelled.labels == ["requestor": "insights", "report": "monthly"])
    }
}
