import Foundation

/// A real SMTP server on loopback for the send tests: `Tests/InsightsSendTests/Scripts/smtp_server.py`
/// (aiosmtpd) run from the virtual environment `.ci/run` makes in `.build/venv`.
public final class SMTPTestServer {
    /// How the server protects connections.
    public enum TLS: String, Sendable {
        /// STARTTLS offered on a plain connection.
        case starttls
        /// TLS from the first byte (smtps).
        case implicit
        /// No TLS at all.
        case none
    }

    /// The user the server accepts.
    public static let user = "reports@example.org"
    /// The password the server accepts.
    public static let password = "correct horse battery"
    /// The Python of the virtual environment holding aiosmtpd.
    public static let python = TestPaths.packageRoot.appendingPathComponent(".build/venv/bin/python")

    /// Whether aiosmtpd can run; when false the tests are skipped locally, and run (and fail)
    /// when `CI` is set.
    public static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// True when the SMTP tests should run: aiosmtpd is installed, or CI demands it.
    public static var shouldRun: Bool { isAvailable || ProcessInfo.processInfo.environment["CI"] != nil }

    /// The port on 127.0.0.1.
    public let port: Int
    /// The folder holding the server's certificate and the received messages.
    public let directory: URL
    /// The server's self-signed certificate (PEM), to pass as `--smtp-ca-file`.
    public var certificate: URL { directory.appendingPathComponent("cert.pem") }
    private let process: Process
    private let input: Pipe

    /// Starts the server; it is stopped by ``stop()`` or when this object goes away.
    /// - parameter login: require AUTH with ``user``/``password``.
    /// - parameter refuse: recipients answered with 550.
    /// - parameter dropAt: `"rcpt"` or `"data"`: close the connection instead of answering.
    /// - parameter silent: accept connections and never greet.
    public init(tls: TLS = .starttls, login: Bool = true, refuse: [String] = [], dropAt: String? = nil, silent: Bool = false)
        throws
    {
        guard Self.isAvailable else {
            throw TestServerError(
                message:
                    "aiosmtpd is missing from \(Self.python.path): run .ci/run (or Tests/InsightsSendTests/Scripts/setup-venv.sh)"
            )
        }
        directory = try TestPaths.temporaryDirectory("smtp")
        var arguments = [
            TestPaths.packageRoot.appendingPathComponent("Tests/InsightsSendTests/Scripts/smtp_server.py").path,
            directory.path, "--tls", tls.rawValue,
        ]
        if login { arguments += ["--user", Self.user, "--password", Self.password] }
        for address in refuse { arguments += ["--refuse", address] }
        if let dropAt { arguments += ["--drop-at", dropAt] }
        if silent { arguments.append("--silent") }
        process = Process()
        process.executableURL = Self.python
        process.arguments = arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            process.terminate()
            throw TestServerError(message: "the SMTP test server did not start: \(text) \(errors)")
        }
        self.port = port
    }

    /// `smtp://127.0.0.1:PORT` (or `smtps://` for implicit TLS).
    public func url(scheme: String = "smtp") -> String { "\(scheme)://127.0.0.1:\(port)" }

    /// The messages received so far, in order.
    public func messages() throws -> [ReceivedMessage] {
        var messages: [ReceivedMessage] = []
        var number = 1
        while FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(number).json").path) {
            let stem = directory.appendingPathComponent("\(number)")
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: stem.appendingPathExtension("json")))
            let fields = envelope as? [String: Any]
            messages.append(
                ReceivedMessage(
                    mailFrom: fields?["mail_from"] as? String ?? "", recipients: fields?["rcpt_tos"] as? [String] ?? [],
                    data: try Data(contentsOf: stem.appendingPathExtension("eml"))))
            number += 1
        }
        return messages
    }

    /// Stops the server (closing its standard input) and waits for it.
    public func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }
}

/// One message as the test server received it.
public struct ReceivedMessage: Equatable, Sendable {
    /// `MAIL FROM`.
    public let mailFrom: String
    /// The accepted `RCPT TO` addresses.
    public let recipients: [String]
    /// The DATA bytes (dot-stuffing undone, CRLF kept).
    public let data: Data

    /// Creates a record.
    public init(mailFrom: String, recipients: [String], data: Data) {
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.data = data
    }
}

/// The test server could not start.
public struct TestServerError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String

    /// Creates an error.
    public init(message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
