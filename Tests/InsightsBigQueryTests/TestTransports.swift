import Foundation
import InsightsBigQuery
import InsightsTestSupport

/// Passes requests to another transport and keeps a copy of each, to assert on what was sent.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    let next: any HTTPTransport

    init(_ next: any HTTPTransport = CurlTransport()) { self.next = next }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: HTTPRequest, timeoutSeconds: Double) throws(BigQueryError) -> HTTPResponse {
        lock.lock()
        recorded.append(request)
        lock.unlock()
        return try next.send(request, timeoutSeconds: timeoutSeconds)
    }
}

/// Answers each request with the next canned response (status and JSON text), recording them.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [HTTPResponse]
    private var recorded: [HTTPRequest] = []

    init(_ answers: [(Int, String)]) { self.answers = answers.map { HTTPResponse(status: $0.0, body: Data($0.1.utf8)) } }

    var requests: [HTTPRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func send(_ request: HTTPRequest, timeoutSeconds: Double) throws(BigQueryError) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(request)
        guard !answers.isEmpty else { return HTTPResponse(status: 599, body: Data("no more answers".utf8)) }
        return answers.removeFirst()
    }
}

/// `Tests/InsightsBigQueryTests/Scripts/fake_http.py` on loopback: records every request and
/// answers them all alike (a token endpoint), or never answers (`silent`).
final class FakeHTTPServer {
    let port: Int
    let directory: URL
    private let process: Process
    private let input: Pipe

    init(status: Int = 200, body: String? = nil, silent: Bool = false) throws {
        directory = try TestPaths.temporaryDirectory("fake-http")
        var arguments = [
            TestPaths.packageRoot.appendingPathComponent("Tests/InsightsBigQueryTests/Scripts/fake_http.py").path,
            directory.path, "--status", String(status),
        ]
        if let body { arguments += ["--body", body] }
        if silent { arguments.append("--silent") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw TestServerError(message: "the fake HTTP server did not start: \(text)")
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far: (method, path, headers, body).
    func requests() throws -> [(method: String, path: String, headers: [String: String], body: String)] {
        var result: [(String, String, [String: String], String)] = []
        var number = 1
        while let data = FileManager.default.contents(atPath: directory.appendingPathComponent("\(number).json").path) {
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            result.append(
                (
                    json["method"] as? String ?? "", json["path"] as? String ?? "", json["headers"] as? [String: String] ?? [:],
                    json["body"] as? String ?? ""
                ))
            number += 1
        }
        return result
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }
}
