import Foundation

/// Why a BigQuery request failed: one sentence naming the table, column or the fix.
public struct BigQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// A dataset or table the query names does not exist (HTTP 404 `notFound`).
        /// `kind` is "Dataset" or "Table", `name` as BigQuery spells it (`project:dataset.table`).
        case notFound(kind: String, name: String, location: String?)
        /// BigQuery refused the SQL (HTTP 400 `invalidQuery`): an unknown column, a type error…
        case invalidQuery(message: String)
        /// No access token, key file or gcloud to get one.
        case noCredentials
        /// BigQuery refused the token (HTTP 401 or 403 other than quota). `source` says where it came from.
        case tokenRefused(status: Int, source: String, message: String)
        /// The query would bill more bytes than `maximumBytesBilled` (`bytesBilledLimitExceeded`).
        case bytesBilledLimitExceeded(limit: Int64, message: String)
        /// A quota or rate limit (`quotaExceeded`, `rateLimitExceeded`, HTTP 429).
        case quotaExceeded(message: String)
        /// The service-account key file cannot be used.
        case serviceAccountKey(path: String, reason: String)
        /// The token endpoint refused the service account's signed assertion.
        case tokenExchangeRefused(url: String, status: Int, message: String)
        /// `gcloud auth print-access-token` failed.
        case gcloudFailed(message: String)
        /// No answer: connection refused, unknown host, TLS failure.
        case network(url: String, detail: String)
        /// No answer within the time allowed (one request, or the whole query).
        case timeout(url: String, seconds: Double)
        /// An answer that is not what the API documents.
        case malformedResponse(url: String, detail: String)
        /// The job finished with an error BigQuery reports in its status.
        case jobFailed(reason: String, message: String)
        /// Any other HTTP error.
        case http(status: Int, reason: String?, message: String)
        /// A file to load cannot be read, or one of its rows does not fit the table.
        case load(file: String, line: Int?, reason: String)
    }

    /// What went wrong.
    public let kind: Kind

    /// Creates an error.
    public init(_ kind: Kind) { self.kind = kind }

    /// One sentence for the user.
    public var description: String {
        switch kind {
        case .notFound(let kind, let name, let location):
            let place = location.map { " in location \($0)" } ?? ""
            let fix =
                kind == "Dataset"
                ? "check the project and dataset name (and --location)"
                : "check the table name, or load that table into the dataset"
            return "BigQuery has no \(kind.lowercased()) \(name)\(place): \(fix)."
        case .invalidQuery(let message):
            return "BigQuery refused the query: \(trimmed(message)) (check the table's columns and their types)."
        case .noCredentials:
            return
                "No BigQuery credentials: pass --access-token, set GOOGLE_OAUTH_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS (a service-account key file), or install gcloud and run `gcloud auth login`."
        case .tokenRefused(let status, let source, let message):
            return
                "BigQuery refused the access token from \(source) (HTTP \(status): \(trimmed(message))): get a fresh token (`gcloud auth print-access-token`) or grant the account BigQuery Job User and Data Viewer."
        case .bytesBilledLimitExceeded(let limit, _):
            return
                "The query would bill more than \(limit) bytes, the maximum bytes billed: narrow the period, or raise the limit (--max-bytes-billed) after checking the cost with --dry-run."
        case .quotaExceeded(let message):
            return
                "BigQuery's quota or rate limit was reached (\(trimmed(message))): try again later or raise the project's quota."
        case .serviceAccountKey(let path, let reason):
            return "The service-account key \(path) (GOOGLE_APPLICATION_CREDENTIALS) cannot be used: \(reason)."
        case .tokenExchangeRefused(let url, let status, let message):
            return
                "The token endpoint \(url) refused the service account's assertion (HTTP \(status): \(trimmed(message))): check the key is current and the machine's clock is right."
        case .gcloudFailed(let message):
            return
                "`gcloud auth print-access-token` failed (\(trimmed(message))): run `gcloud auth login`, or pass --access-token."
        case .network(let url, let detail):
            return "Could not reach BigQuery at \(url): \(detail) (check the network, or BIGQUERY_EMULATOR_HOST)."
        case .timeout(let url, let seconds):
            return "BigQuery at \(url) did not answer within \(Self.seconds(seconds)): try again, or allow more time."
        case .malformedResponse(let url, let detail):
            return "BigQuery's answer from \(url) is not what its API documents: \(detail)."
        case .jobFailed(let reason, let message):
            return "The BigQuery job failed (\(reason)): \(trimmed(message))."
        case .http(let status, let reason, let message):
            let why = reason.map { "\($0): " } ?? ""
            return "BigQuery answered HTTP \(status) (\(why)\(trimmed(message)))."
        case .load(let file, let line, let reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)."
        }
    }

    private func trimmed(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func seconds(_ value: Double) -> String {
        if value == 1 { return "1 second" }
        return (value.rounded() == value ? String(Int(value)) : String(value)) + " seconds"
    }
}
