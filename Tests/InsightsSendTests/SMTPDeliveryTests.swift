import Foundation
import InsightsTestSupport
import Testing

@testable import InsightsSend

/// `SMTPClient` against a real SMTP server (aiosmtpd) on loopback: what arrives, and each failure's error.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: SMTPTestServer.shouldRun, "aiosmtpd missing: run Tests/InsightsSendTests/Scripts/setup-venv.sh"))
struct SMTPDeliveryTests {
    /// A message whose body has a line starting with a dot (dot-stuffed on the wire) and CRLF ends.
    let message = Data(
        "From: Insights <insights@localhost>\r\nTo: a@example.org\r\nSubject: Test\r\n\r\n.leading dot\r\n..two\r\nend\r\n".utf8)

    private func envelope(_ recipients: [String]) throws -> Envelope {
        try Envelope(sender: MailAddress("insights@localhost"), recipients: recipients.map { try MailAddress($0) })
    }

    private func client(
        _ server: SMTPTestServer, scheme: String = "smtp",
        login: SMTPCredentials? = SMTPCredentials(user: SMTPTestServer.user, password: SMTPTestServer.password),
        trust: Bool = true, requireTLS: Bool = false, timeout: Int = 20
    ) throws -> SMTPClient {
        SMTPClient(
            server: try SMTPServer(
                url: server.url(scheme: scheme), credentials: login, requireTLS: requireTLS,
                caFile: trust ? server.certificate.path : nil, timeoutSeconds: timeout))
    }

    @Test func startTLSWithLoginDeliversTheExactBytesToEveryRecipient() throws {
        let server = try SMTPTestServer()
        let summary = try client(server).send(message: message, envelope: envelope(["a@example.org", "hidden@example.org"]))
        #expect(
            summary
                == SendSummary(
                    delivered: try ["a@example.org", "hidden@example.org"].map { try MailAddress($0) }, refused: [],
                    security: .startTLS, authenticated: true))
        server.stop()
        let received = try server.messages()
        #expect(
            received == [
                ReceivedMessage(
                    mailFrom: "insights@localhost", recipients: ["a@example.org", "hidden@example.org"], data: message)
            ])
    }

    @Test func implicitTLSDelivers() throws {
        let server = try SMTPTestServer(tls: .implicit)
        let summary = try client(server, scheme: "smtps").send(message: message, envelope: envelope(["a@example.org"]))
        #expect(summary.security == .implicitTLS && summary.authenticated && summary.isComplete)
        server.stop()
        #expect(try server.messages().map(\.data) == [message])
    }

    @Test func aRefusedRecipientDoesNotStopTheOthers() throws {
        let server = try SMTPTestServer(refuse: ["nobody@example.org"])
        let summary = try client(server).send(
            message: message, envelope: envelope(["a@example.org", "nobody@example.org", "b@example.org"]))
        #expect(summary.delivered == (try ["a@example.org", "b@example.org"].map { try MailAddress($0) }))
        #expect(
            summary.refused == [
                RefusedRecipient(
                    address: try MailAddress("nobody@example.org"),
                    reply: "550 5.1.1 <nobody@example.org>: Recipient address rejected: mailbox unavailable")
            ])
        #expect(!summary.isComplete)
        server.stop()
        #expect(try server.messages().map(\.recipients) == [["a@example.org", "b@example.org"]])
    }

    @Test func everyRecipientRefusedIsASummaryWithNobody() throws {
        let server = try SMTPTestServer(refuse: ["x@example.org", "y@example.org"])
        let summary = try client(server).send(message: message, envelope: envelope(["x@example.org", "y@example.org"]))
        #expect(summary.delivered.isEmpty && summary.refused.map(\.address.text) == ["x@example.org", "y@example.org"])
        #expect(summary.lines.last == "Nobody got the message: the server refused every recipient.")
        server.stop()
        #expect(try server.messages().isEmpty)
    }

    @Test func aWrongPasswordIsAnAuthenticationFailure() throws {
        let server = try SMTPTestServer()
        #expect(throws: SendError(.authenticationFailed(reply: "535 5.7.8 Authentication credentials invalid"))) {
            try client(server, login: SMTPCredentials(user: SMTPTestServer.user, password: "wrong")).send(
                message: message, envelope: envelope(["a@example.org"]))
        }
    }

    @Test func noLoginWhenOneIsRequired() throws {
        let server = try SMTPTestServer()
        #expect(throws: SendError(.authenticationRequired(reply: "530 5.7.0 Authentication required"))) {
            try client(server, login: nil).send(message: message, envelope: envelope(["a@example.org"]))
        }
    }

    @Test(arguments: [("data", "while receiving the message"), ("rcpt", "after the RCPT TO command")])
    func aDroppedConnectionSaysWhere(dropAt: String, stage: String) throws {
        let server = try SMTPTestServer(dropAt: dropAt)
        #expect(throws: SendError(.connectionDropped(during: stage))) {
            try client(server).send(message: message, envelope: envelope(["a@example.org"]))
        }
        server.stop()
        #expect(try server.messages().isEmpty)
    }

    @Test func anUntrustedCertificateIsRefused() throws {
        let server = try SMTPTestServer()
        do {
            _ = try client(server, trust: false).send(message: message, envelope: envelope(["a@example.org"]))
            Issue.record("sent over an untrusted certificate")
        } catch let error as SendError {
            guard case .certificateUntrusted(let host, _) = error.reason else {
                Issue.record("expected an untrusted certificate, got \(error)")
                return
            }
            #expect(host == "127.0.0.1")
            #expect(error.localizedDescription.contains("pass its certificate with --smtp-ca-file PEM"))
        }
    }

    @Test func requireTLSRefusesAServerWithoutSTARTTLS() throws {
        let server = try SMTPTestServer(tls: .none)
        #expect(throws: SendError(.tlsNotOffered(host: "127.0.0.1"))) {
            try client(server, trust: false, requireTLS: true).send(message: message, envelope: envelope(["a@example.org"]))
        }
        server.stop()
        #expect(try server.messages().isEmpty)
    }

    @Test func withoutRequireTLSAClearTextServerGetsItAndTheSummarySaysSo() throws {
        let server = try SMTPTestServer(tls: .none)
        let summary = try client(server, trust: false).send(message: message, envelope: envelope(["a@example.org"]))
        #expect(summary.security == ConnectionSecurity.none && summary.authenticated)
        #expect(summary.lines.contains { $0.hasPrefix("Note: the server offered no STARTTLS") })
        server.stop()
        #expect(try server.messages().map(\.data) == [message])
    }

    @Test func aSilentServerTimesOut() throws {
        let server = try SMTPTestServer(silent: true)
        #expect(throws: SendError(.timedOut(seconds: 1, during: "while waiting for its greeting"))) {
            try client(server, timeout: 1).send(message: message, envelope: envelope(["a@example.org"]))
        }
    }

    @Test func nothingListeningIsAConnectionRefusal() throws {
        // Port 1 on loopback: nothing listens there.
        let client = SMTPClient(server: try SMTPServer(url: "smtp://127.0.0.1:1", timeoutSeconds: 5))
        #expect(throws: SendError(.connectionRefused(host: "127.0.0.1", port: 1, detail: "connection refused"))) {
            try client.send(message: message, envelope: envelope(["a@example.org"]))
        }
    }
}
