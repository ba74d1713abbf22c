import Foundation

/// Where requests go, who pays, and the limits every job runs with.
public struct BigQueryConfiguration: Sendable {
    /// Google's endpoint.
    public static let googleEndpoint = "https://bigquery.googleapis.com/bigquery/v2"
    /// 10 GiB: the default limit of bytes billed per query. A month of a large helpline's
    /// aggregates scans well under that; a query over it fails before it runs, billing nothing.
    public static let defaultMaximumBytesBilled: Int64 = 10 * 1024 * 1024 * 1024

    /// The REST API's base URL, ending in `/bigquery/v2`.
    public var endpoint: String
    /// The project the jobs run in and are billed to (`--billing-project`, else the dataset's project).
    public var project: String
    /// Where the jobs run (`--location`, e.g. `EU`); nil lets BigQuery choose from the tables.
    public var location: String?
    /// Where the access token comes from (``BigQueryCredentials/none`` for an emulator).
    public var credentials: BigQueryCredentials
    /// `maximumBytesBilled` of every job: a query that would bill more fails without running.
    public var maximumBytesBilled: Int64
    /// The labels of every job; `requestor: insights` is always among them.
    public var labels: [String: String]
    /// Rows per page (`maxResults`); nil for BigQuery's own page size (about 10 MB).
    public var pageSize: Int?
    /// The longest one HTTP request may take, connection included.
    public var requestTimeoutSeconds: Double
    /// How long BigQuery may hold one `jobs.query` or `getQueryResults` call waiting for the job
    /// (`timeoutMs`); it answers `jobComplete: false` after that and the client asks again.
    public var waitMilliseconds: Int = 10_000
    /// The longest a query may take from its submission to its last page; the job is then cancelled.
    public var queryTimeoutSeconds: Double

    /// Creates a configuration.
    public init(
        endpoint: String = Self.googleEndpoint, project: String, location: String? = nil,
        credentials: BigQueryCredentials, maximumBytesBilled: Int64 = Self.defaultMaximumBytesBilled,
        labels: [String: String] = [:], pageSize: Int? = nil, requestTimeoutSeconds: Double = 60,
        queryTimeoutSeconds: Double = 600
    ) {
        self.endpoint = endpoint
        self.project = project
        self.location = location
        self.credentials = credentials
        self.maximumBytesBilled = maximumBytesBilled
        self.labels = labels.merging(["requestor": "insights"]) { _, fixed in fixed }
        self.pageSize = pageSize
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.queryTimeoutSeconds = queryTimeoutSeconds
    }

    /// The configuration for the command-line options: an emulator when `endpoint` (the
    /// `--bigquery-endpoint` URL) or `BIGQUERY_EMULATOR_HOST` (`host:port`) is set, with no
    /// credentials; Google's endpoint otherwise, with the first credentials found (see
    /// ``BigQueryCredentials/resolve(accessToken:environment:)``).
    public static func resolve(
        project: String, billingProject: String? = nil, location: String? = nil, accessToken: String? = nil,
        endpoint: String? = nil, maximumBytesBilled: Int64? = nil, environment: [String: String]
    ) throws(BigQueryError) -> BigQueryConfiguration {
        let emulator: String?
        if let endpoint, !endpoint.isEmpty {
            emulator = endpoint
        } else if let host = environment["BIGQUERY_EMULATOR_HOST"], !host.isEmpty {
            emulator = host.contains("://") ? host : "http://\(host)"
        } else {
            emulator = nil
        }
        let base = emulator.map(Self.apiBase) ?? Self.googleEndpoint
        let credentials: BigQueryCredentials =
            emulator == nil ? try .resolve(accessToken: accessToken, environment: environment) : .none
        return BigQueryConfiguration(
            endpoint: base, project: billingProject ?? project, location: location, credentials: credentials,
            maximumBytesBilled: maximumBytesBilled ?? Self.defaultMaximumBytesBilled)
    }

    /// `http://host:port` → `http://host:port/bigquery/v2`; a URL with a path is kept as it is.
    static func apiBase(_ url: String) -> String {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        guard let schemeEnd = text.range(of: "://") else { return text + "/bigquery/v2" }
        return text[schemeEnd.upperBound...].contains("/") ? text : text + "/bigquery/v2"
    }
}
