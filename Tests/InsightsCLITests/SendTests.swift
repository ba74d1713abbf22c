import Foundation
import InsightsTestSupport
import Testing

/// `insights send` on a real report folder, through a real SMTP server (aiosmtpd) on loopback.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: SMTPTestServer.shouldRun, "aiosmtpd missing: run Tests/InsightsSendTests/Scripts/setup-venv.sh"))
struct SendTests {
    /// A report folder made by `report --email` on the shared demo (no --email-to: `To: undisclosed-recipients:;`).
    static func reportFolder() throws -> URL {
        let out = try TestPaths.sharedDirectory("send").appendingPathComponent("report")
        let report = try CLIRunner.run(
            [
                "report", "--db", try SharedDemo.database(), "--month", "2026-10", "--timezone",
                "Africa/Johannesburg", "--out", out.path, "--email",
            ], in: TestPaths.packageRoot)
        guard report.status == 0 else { throw TestServerError(message: "report failed: \(report.stderr)") }
        return out
    }

    /// One report folder for the suite (the tests only read it).
    static let shared = Result { try reportFolder() }

    private let login = ["INSIGHTS_SMTP_USER": SMTPTestServer.user, "INSIGHTS_SMTP_PASSWORD": SMTPTestServer.password]

    @Test func theServerReceivesReportEmlWithTheNewToAndCcAndBccOnlyInTheEnvelope() throws {
        let folder = try Self.shared.get()
        let original = try String(contentsOf: folder.appendingPathComponent("report.eml"), encoding: .utf8)
        let server = try SMTPTestServer()
        let result = try CLIRunner.run(
            [
                "send", folder.path, "--smtp", server.url(), "--to", "board@example.org", "--to", "donor@example.org",
                "--cc", "team@example.org", "--bcc", "archive@example.org", "--smtp-ca-file", server.certificate.path,
                "--require-tls",
            ], in: TestPaths.packageRoot, environment: login)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "Sent to 4 of 4 recipients (STARTTLS, logged in): board@example.org, donor@example.org, team@example.org, archive@example.org\n"
        )
        server.stop()
        let received = try server.messages()
        try #require(received.count == 1)
        #expect(received[0].mailFrom == "insights@localhost")
        #expect(received[0].recipients == ["board@example.org", "donor@example.org", "team@example.org", "archive@example.org"])
        // report.eml's one To: line replaced by the two new fields; every other byte the same.
        #expect(original.components(separatedBy: "\r\nTo: undisclosed-recipients:;\r\n").count == 2)
        let expected = original.replacingOccurrences(
            of: "\r\nTo: undisclosed-recipients:;\r\n",
            with: "\r\nTo: board@example.org, donor@example.org\r\nCc: team@example.org\r\n")
        #expect(received[0].data == Data(expected.utf8))
        #expect(!String(decoding: received[0].data, as: UTF8.self).contains("archive@example.org"))
    }

    @Test func aRefusedRecipientIsNamedAndTheExitIsNonZero() throws {
        let folder = try Self.shared.get()
        let server = try SMTPTestServer(refuse: ["gone@example.org"])
        let password = try TestPaths.temporaryDirectory("send-password").appendingPathComponent("password.txt")
        try Data("\(SMTPTestServer.password)\n".utf8).write(to: password)
        let result = try CLIRunner.run(
            [
                "send", folder.path, "--smtp", server.url(), "--to", "board@example.org", "--to", "gone@example.org",
                "--smtp-ca-file", server.certificate.path, "--smtp-password-file", password.path,
            ], in: TestPaths.packageRoot, environment: ["INSIGHTS_SMTP_USER": SMTPTestServer.user])
        // 2: board@ got it, gone@ did not.
        #expect(result.status == 2)
        #expect(
            result.stdout == """
                Sent to 1 of 2 recipients (STARTTLS, logged in): board@example.org
                Not sent to gone@example.org: the server refused this recipient (550 5.1.1 <gone@example.org>: Recipient address rejected: mailbox unavailable).

                """)
        server.stop()
        #expect(try server.messages().map(\.recipients) == [["board@example.org"]])
    }

    @Test func aWrongPasswordGetsTheAuthenticationSentence() throws {
        let folder = try Self.shared.get()
        let server = try SMTPTestServer()
        let result = try CLIRunner.run(
            [
                "send", folder.path, "--smtp", server.url(), "--to", "board@example.org", "--smtp-ca-file",
                server.certificate.path,
            ],
            in: TestPaths.packageRoot,
            environment: ["INSIGHTS_SMTP_USER": SMTPTestServer.user, "INSIGHTS_SMTP_PASSWORD": "wrong"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: The SMTP server refused the user and password (535 5.7.8 Authentication credentials invalid): check INSIGHTS_SMTP_USER and the password.\n"
        )
    }

    @Test func anUntrustedCertificateGetsTheTLSSentenceAndNothingArrives() throws {
        let folder = try Self.shared.get()
        let server = try SMTPTestServer()
        let result = try CLIRunner.run(
            ["send", folder.path, "--smtp", server.url(), "--to", "board@example.org"], in: TestPaths.packageRoot,
            environment: login)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: The TLS certificate of 127.0.0.1 is not trusted ("), "\(result.stderr)")
        #expect(
            result.stderr.hasSuffix(
                "): if it comes from a private authority, pass its certificate with --smtp-ca-file PEM; nothing was sent.\n"))
        server.stop()
        #expect(try server.messages().isEmpty)
    }

    @Test func requireTLSRefusesAServerWithoutSTARTTLS() throws {
        let folder = try Self.shared.get()
        let server = try SMTPTestServer(tls: .none)
        let result = try CLIRunner.run(
            ["send", folder.path, "--smtp", server.url(), "--to", "board@example.org", "--require-tls"],
            in: TestPaths.packageRoot, environment: login)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: 127.0.0.1 does not offer STARTTLS and --require-tls refuses to send in clear text; nothing was sent.\n"
        )
        server.stop()
        #expect(try server.messages().isEmpty)
    }

    @Test func aFolderWithoutReportEmlSaysToRunReportEmail() throws {
        let folder = try TestPaths.temporaryDirectory("send-empty")
        let result = try CLIRunner.run(
            ["send", folder.path, "--smtp", "smtp://127.0.0.1:1", "--to", "board@example.org"], in: TestPaths.packageRoot,
            environment: [:])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Error: \(folder.path) has no report.eml: write one with `insights report --email --out \(folder.path)`.\n")
    }

    @Test func anAddressWithALineBreakIsAUsageError() throws {
        let folder = try TestPaths.temporaryDirectory("send-bad")
        let result = try CLIRunner.run(
            ["send", folder.path, "--smtp", "smtp://127.0.0.1:1", "--to", "a@example.org\r\nBcc: x@example.org"],
            in: TestPaths.packageRoot, environment: [:])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "Error: The address \"a@example.org\\u{d}\\u{a}Bcc: x@example.org\" contains a control character"))
    }

    @Test func aPasswordInTheURLIsRefused() throws {
        let folder = try TestPaths.temporaryDirectory("send-url")
        let result = try CLIRunner.run(
            ["send", folder.path, "--smtp", "smtp://me:secret@127.0.0.1:1", "--to", "a@example.org"],
            in: TestPaths.packageRoot, environment: [:])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: The SMTP URL must not contain a user or password"))
    }
}
