import CCurl
import Foundation

/// One HTTP request, as built by the client (and recorded by tests).
public struct HTTPRequest: Sendable, Equatable {
    /// `GET` or `POST`.
    public var method: String
    /// The full URL.
    public var url: String
    /// Header lines (`name: value`), in the order sent.
    public var headers: [String]
    /// The body (JSON or a form), nil for none.
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: String, headers: [String] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The body parsed as JSON, nil when there is none or it is not JSON.
    public var json: JSONValue? { body.flatMap(JSONValue.parse) }
}

/// One HTTP answer.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Sends one HTTP request and waits for its answer. The client's only way to the network, so
/// tests can record requests or answer them.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; throws `network` or `timeout` when no answer came, returns any status.
    func send(_ request: HTTPRequest, timeoutSeconds: Double) throws(BigQueryError) -> HTTPResponse
}

/// HTTP(S) with libcurl, the library the project already links for SMTP: a synchronous call that
/// fits a command-line tool, TLS with the system's certificates, and no extra build time.
public struct CurlTransport: HTTPTransport {
    /// Creates the transport.
    public init() {}

    /// Sends `request` with libcurl; `timeoutSeconds` bounds the connection and the whole transfer.
    public func send(_ request: HTTPRequest, timeoutSeconds: Double) throws(BigQueryError) -> HTTPResponse {
        _ = curlReady
        guard let curl = curl_easy_init() else {
            throw BigQueryError(.network(url: request.url, detail: "libcurl did not start"))
        }
        defer { curl_easy_cleanup(curl) }
        var headers: UnsafeMutablePointer<curl_slist>?
        for line in request.headers { headers = curl_slist_append(headers, line) }
        // libcurl would otherwise send `Expect: 100-continue` and wait for large bodies.
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }
        let received = ResponseBody()
        let body = [UInt8](request.body ?? Data())
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let milliseconds = max(1, Int(timeoutSeconds * 1000))
        let code = errorBuffer.withUnsafeMutableBufferPointer { buffer in
            body.withUnsafeBufferPointer { bytes -> CURLcode in
                var failed = false
                func check(_ result: CURLcode) { if result != CURLE_OK { failed = true } }
                check(insights_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, buffer.baseAddress))
                check(insights_curl_set_string(curl, CURLOPT_URL, request.url))
                check(insights_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https"))
                check(insights_curl_set_list(curl, CURLOPT_HTTPHEADER, headers))
                if request.method == "POST" {
                    check(insights_curl_set_long(curl, CURLOPT_POST, 1))
                    check(insights_curl_set_long(curl, CURLOPT_POSTFIELDSIZE, bytes.count))
                    // Copied by libcurl when set (an empty body included).
                    if let base = bytes.baseAddress, !bytes.isEmpty {
                        check(insights_curl_set_pointer(curl, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base)))
                    } else {
                        check(insights_curl_set_string(curl, CURLOPT_COPYPOSTFIELDS, ""))
                    }
                } else if request.method != "GET" {
                    check(insights_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, request.method))
                }
                check(insights_curl_set_write_function(curl, collectBody))
                check(insights_curl_set_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(received).toOpaque()))
                check(insights_curl_set_long(curl, CURLOPT_NOSIGNAL, 1))
                check(insights_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, milliseconds))
                check(insights_curl_set_long(curl, CURLOPT_TIMEOUT_MS, milliseconds))
                check(insights_curl_set_long(curl, CURLOPT_SSL_VERIFYPEER, 1))
                check(insights_curl_set_long(curl, CURLOPT_SSL_VERIFYHOST, 2))
                if failed { return CURLE_FAILED_INIT }
                return curl_easy_perform(curl)
            }
        }
        if code == CURLE_OPERATION_TIMEDOUT { throw BigQueryError(.timeout(url: request.url, seconds: timeoutSeconds)) }
        guard code == CURLE_OK else {
            let osError = insights_curl_os_errno(curl)
            var detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
            if code == CURLE_COULDNT_CONNECT && osError == Int(ECONNREFUSED) { detail = "connection refused" }
            throw BigQueryError(.network(url: request.url, detail: detail))
        }
        return HTTPResponse(status: insights_curl_response_code(curl), body: received.data)
    }
}

/// libcurl's process-wide setup, done once before the first transfer.
private let curlReady: CURLcode = insights_curl_global_init()

/// The bytes of a response, filled by libcurl's write callback.
private final class ResponseBody {
    var data = Data()
}

private let collectBody: curl_write_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let body = Unmanaged<ResponseBody>.fromOpaque(context).takeUnretainedValue()
    body.data.append(UnsafeRawBufferPointer(start: buffer, count: size * count).bindMemory(to: UInt8.self))
    return size * count
}
