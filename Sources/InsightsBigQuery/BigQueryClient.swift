import Foundation

/// Runs GoogleSQL on BigQuery over its REST API: `jobs.query`, then `jobs.getQueryResults`
/// while the job is not complete or a `pageToken` comes back. Every job is labelled, limited by
/// `maximumBytesBilled`, and asked for TIMESTAMPs as integer microseconds.
public struct BigQueryClient: Sendable {
    /// Endpoint, project, credentials and limits.
    public let configuration: BigQueryConfiguration
    let transport: any HTTPTransport
    let tokens = TokenCache()
    let now: @Sendable () -> Date

    /// Creates a client; `transport` is libcurl unless a test passes its own.
    public init(
        configuration: BigQueryConfiguration, transport: any HTTPTransport = CurlTransport(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.now = now
    }

    /// The rows of `sql` with its named parameters (`@name`), each cell as text or nil for NULL.
    public func rows(_ sql: String, _ parameters: [String: QueryParameter] = [:]) throws(BigQueryError) -> [[String?]] {
        try query(sql, parameters).rows
    }

    /// Runs `sql` and reads every page of its result.
    public func query(_ sql: String, _ parameters: [String: QueryParameter] = [:]) throws(BigQueryError) -> QueryResult {
        let started = now()
        let url = "\(configuration.endpoint)/projects/\(escaped(configuration.project))/queries"
        var page = try send("POST", url, body: queryBody(sql, parameters, dryRun: false))
        var requests = 1
        guard let reference = page["jobReference"], let jobID = reference["jobId"]?.stringValue else {
            throw BigQueryError(.malformedResponse(url: url, detail: "the answer to jobs.query has no jobReference.jobId"))
        }
        let jobProject = reference["projectId"]?.stringValue ?? configuration.project
        let location = reference["location"]?.stringValue ?? configuration.location
        var schema: [BigQueryField] = []
        var rows: [[String?]] = []
        var seenTokens: Set<String> = []
        let resultsURL = "\(configuration.endpoint)/projects/\(escaped(jobProject))/queries/\(escaped(jobID))"
        while true {
            let complete = page["jobComplete"]?.boolValue ?? false
            var token: String?
            if complete {
                if schema.isEmpty { schema = try Self.fields(page["schema"], url: url) }
                rows += try Self.rows(page["rows"], columns: schema.count, url: url)
                token = page["pageToken"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                guard let token else { break }
                guard seenTokens.insert(token).inserted else {
                    throw BigQueryError(.malformedResponse(url: resultsURL, detail: "the page token \(token) came back twice"))
                }
            }
            if now().timeIntervalSince(started) > configuration.queryTimeoutSeconds {
                cancel(project: jobProject, jobID: jobID, location: location)
                throw BigQueryError(.timeout(url: resultsURL, seconds: configuration.queryTimeoutSeconds))
            }
            page = try send("GET", resultsURL + resultsQuery(location: location, pageToken: token))
            requests += 1
        }
        if let total = page["totalRows"]?.int64Value, total != Int64(rows.count) {
            throw BigQueryError(
                .malformedResponse(url: resultsURL, detail: "job \(jobID) has \(total) rows but \(rows.count) came back"))
        }
        return QueryResult(
            schema: schema, rows: rows, jobID: jobID, bytesProcessed: page["totalBytesProcessed"]?.int64Value,
            bytesBilled: page["totalBytesBilled"]?.int64Value, cacheHit: page["cacheHit"]?.boolValue, requests: requests)
    }

    /// Checks `sql` without running it: the bytes it would process and the columns it would return.
    public func dryRun(_ sql: String, _ parameters: [String: QueryParameter] = [:]) throws(BigQueryError) -> DryRunResult {
        let url = "\(configuration.endpoint)/projects/\(escaped(configuration.project))/queries"
        let answer = try send("POST", url, body: queryBody(sql, parameters, dryRun: true))
        guard let bytes = answer["totalBytesProcessed"]?.int64Value else {
            throw BigQueryError(.malformedResponse(url: url, detail: "the dry run's answer has no totalBytesProcessed"))
        }
        return DryRunResult(bytesProcessed: bytes, schema: try Self.fields(answer["schema"], url: url))
    }

    /// The `jobs.query` request body (public for the tests and for printing what is sent).
    public func queryBody(_ sql: String, _ parameters: [String: QueryParameter], dryRun: Bool) -> JSONValue {
        var body: [String: JSONValue] = [
            "query": .string(sql),
            "useLegacySql": .bool(false),
            "parameterMode": .string("NAMED"),
            "queryParameters": .array(
                parameters.sorted { $0.key < $1.key }.map { name, value in
                    .object(["name": .string(name), "parameterType": value.parameterType, "parameterValue": value.parameterValue])
                }),
            "labels": .object(configuration.labels.mapValues { .string($0) }),
            "maximumBytesBilled": .string(String(configuration.maximumBytesBilled)),
            "formatOptions": .object(["useInt64Timestamp": .bool(true)]),
            "timeoutMs": .number(Double(Self.waitMilliseconds(configuration))),
            "requestId": .string(UUID().uuidString.lowercased()),
        ]
        if dryRun { body["dryRun"] = .bool(true) }
        if let location = configuration.location { body["location"] = .string(location) }
        if let pageSize = configuration.pageSize { body["maxResults"] = .number(Double(pageSize)) }
        return .object(body)
    }

    /// How long BigQuery may hold one request waiting for the job (it answers earlier when done).
    static func waitMilliseconds(_ configuration: BigQueryConfiguration) -> Int {
        max(1, min(configuration.waitMilliseconds, Int(configuration.requestTimeoutSeconds * 1000) / 2))
    }

    private func resultsQuery(location: String?, pageToken: String?) -> String {
        var items = [
            "formatOptions.useInt64Timestamp=true", "timeoutMs=\(Self.waitMilliseconds(configuration))",
        ]
        if let location { items.append("location=\(escaped(location))") }
        if let pageSize = configuration.pageSize { items.append("maxResults=\(pageSize)") }
        if let pageToken { items.append("pageToken=\(escaped(pageToken))") }
        return "?" + items.joined(separator: "&")
    }

    /// Best effort: a query given up on should not go on billing.
    private func cancel(project: String, jobID: String, location: String?) {
        let query = location.map { "?location=\(escaped($0))" } ?? ""
        _ = try? send("POST", "\(configuration.endpoint)/projects/\(escaped(project))/jobs/\(escaped(jobID))/cancel\(query)")
    }

    /// One authorised request; a JSON object back, or the error its status and body say.
    func send(_ method: String, _ url: String, body: JSONValue? = nil) throws(BigQueryError) -> JSONValue {
        var headers = ["Accept: application/json", "User-Agent: insights"]
        if body != nil { headers.append("Content-Type: application/json") }
        let timeout = configuration.requestTimeoutSeconds
        if let token = try tokens.current(configuration.credentials, transport: transport, now: now(), timeoutSeconds: timeout) {
            headers.append("Authorization: Bearer \(token.value)")
        }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body?.data)
        let response = try transport.send(request, timeoutSeconds: timeout)
        guard (200..<300).contains(response.status) else {
            throw BigQueryResponseError.error(
                status: response.status, body: response.body, configuration: configuration)
        }
        if response.body.isEmpty && method == "DELETE" { return .object([:]) }
        guard let json = JSONValue.parse(response.body), case .object = json else {
            throw BigQueryError(.malformedResponse(url: url, detail: "the body is not a JSON object"))
        }
        return json
    }
}

/// Percent-encodes a path segment or a query value (RFC 3986 unreserved characters kept).
func escaped(_ text: String) -> String {
    let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
