import Foundation
import GRDB
import InsightsTestSupport
import Testing

/// `insights archive --send`: the newest month's report.eml reaches a real SMTP server
/// (aiosmtpd on loopback) once for each version of that month's report.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: SMTPTestServer.shouldRun, "aiosmtpd missing: run Tests/InsightsSendTests/Scripts/setup-venv.sh"))
struct ArchiveSendTests {
    /// September and October 2026: the archive has two months, October is the newest.
    static let messages = """
        message_id,contact_id,direction,timestamp,author_type
        m1,c1,inbound,2026-09-10T09:00:00Z,
        m2,c1,outbound,2026-09-10T09:01:00Z,coach
        m3,c2,inbound,2026-10-05T09:00:00Z,

        """

    private let login = ["INSIGHTS_SMTP_USER": SMTPTestServer.user, "INSIGHTS_SMTP_PASSWORD": SMTPTestServer.password]

    /// A folder with `insights.db` holding ``messages``.
    private func imported() throws -> URL {
        let work = try TestPaths.temporaryDirectory("archive-send")
        try Data(Self.messages.utf8).write(to: work.appendingPathComponent("messages.csv"))
        let result = try CLIRunner.run(["import", "--db", "insights.db", "messages.csv"], in: work)
        try #require(result.status == 0, "\(result.stderr)")
        return work
    }

    /// `insights archive --send` of `work/insights.db` into `work/archive`.
    private func archive(
        _ work: URL, _ server: SMTPTestServer, to: [String] = ["board@example.org"], environment: [String: String]? = nil
    ) throws -> CLIRunner.Result {
        try CLIRunner.run(
            [
                "archive", "--db", "insights.db", "--out", "archive", "--send", "--smtp", server.url(), "--smtp-ca-file",
                server.certificate.path, "--require-tls",
            ] + to.flatMap { ["--to", $0] }, in: work, environment: environment ?? login)
    }

    /// The archive's October report.eml with its `To:` set to board@, as the server must get it.
    private func expectedMessage(_ work: URL) throws -> Data {
        let original = try String(contentsOf: work.appendingPathComponent("archive/2026-10/report.eml"), encoding: .utf8)
        #expect(original.components(separatedBy: "\r\nTo: undisclosed-recipients:;\r\n").count == 2)
        return Data(
            original.replacingOccurrences(
                of: "\r\nTo: undisclosed-recipients:;\r\n", with: "\r\nTo: board@example.org\r\n"
            ).utf8)
    }

    @Test func sendsOnceThenNothingThenAgainWhenTheMonthChanges() throws {
        let work = try imported()
        let server = try SMTPTestServer()
        let first = try archive(work, server)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("Sent to 1 of 1 recipients (STARTTLS, logged in): board@example.org\n"), "\(first.stdout)")
        var received = try server.messages()
        try #require(received.count == 1)
        #expect(received[0].recipients == ["board@example.org"])
        #expect(received[0].data == (try expectedMessage(work)))
        // Only the newest month has the email files.
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("archive/2026-09/report.eml").path))
        // The archive's report.eml is byte for byte the one `report --month 2026-10 --email` writes.
        let report = try CLIRunner.run(
            ["report", "--db", "insights.db", "--month", "2026-10", "--out", "report", "--email"], in: work)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(
            try Data(contentsOf: work.appendingPathComponent("report/report.eml"))
                == Data(contentsOf: work.appendingPathComponent("archive/2026-10/report.eml")))
        let record = try String(contentsOf: work.appendingPathComponent("archive/.insights-archive-sent"), encoding: .utf8)
        #expect(record.wholeMatch(of: /2026-10 [0-9a-f]{1,16}\n/) != nil, "\(record)")

        // Nothing changed: nothing is recomputed and nothing is sent.
        let second = try archive(work, server)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            second.stdout == """
                All 2 months are up to date in \(work.path)/archive; nothing recomputed.
                The 2026-10 report was sent before and has not changed since; nothing sent.

                """)
        #expect(try server.messages().count == 1)

        // The same file imported again (its rows replaced) at another time: the numbers are
        // the same, so every month keeps its files, with the import time they were written
        // with (`.insights-archive-as-of`), and nothing is sent.
        #expect(try CLIRunner.run(["import", "--db", "insights.db", "messages.csv"], in: work).status == 0)
        let queue = try DatabaseQueue(path: work.appendingPathComponent("insights.db").path)
        try queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = '2 January 2027, 00:00 UTC' WHERE key = 'last_import_at'")
        }
        let reimported = try archive(work, server)
        #expect(reimported.status == 0, "\(reimported.stderr)")
        #expect(reimported.stdout.hasSuffix("The 2026-10 report was sent before and has not changed since; nothing sent.\n"))
        let email = try String(contentsOf: work.appendingPathComponent("archive/2026-10/email.html"), encoding: .utf8)
        #expect(!email.contains("2 January 2027"))
        #expect(reimported.stdout.contains("  written: none\n  up to date: 2026-09, 2026-10\n"), "\(reimported.stdout)")
        #expect(try server.messages().count == 1)

        // One more October message: October's report changed, so it is sent again.
        try Data("message_id,contact_id,direction,timestamp\nm4,c3,inbound,2026-10-06T09:00:00Z\n".utf8)
            .write(to: work.appendingPathComponent("more.csv"))
        #expect(try CLIRunner.run(["import", "--db", "insights.db", "--kind", "messages", "more.csv"], in: work).status == 0)
        let third = try archive(work, server)
        #expect(third.status == 0, "\(third.stderr)")
        // Only October's numbers changed: only October is written (with the new import time).
        #expect(third.stdout.contains("  written: 2026-10\n  up to date: 2026-09\n"), "\(third.stdout)")
        received = try server.messages()
        try #require(received.count == 2)
        #expect(received[1].data == (try expectedMessage(work)))
        #expect(received[1].data != received[0].data)
        // October's metrics now count two active users (c2 and c3).
        let metrics = try #require(try readJSON(work.appendingPathComponent("archive/2026-10/metrics.json")) as? [String: Any])
        #expect((metrics["audience"] as? [String: Any])?["active_users"] as? Int == 2)
    }

    @Test func aWrongPasswordLeavesTheMonthUnsentAndTheNextRunSendsIt() throws {
        let work = try imported()
        let server = try SMTPTestServer()
        let failed = try archive(
            work, server, environment: ["INSIGHTS_SMTP_USER": SMTPTestServer.user, "INSIGHTS_SMTP_PASSWORD": "wrong"])
        #expect(failed.status == 1)
        #expect(
            failed.stderr == """
                Error: The SMTP server refused the user and password (535 5.7.8 Authentication credentials invalid): check INSIGHTS_SMTP_USER and the password.
                The archive is written; the 2026-10 report was not sent, and the next run sends it.

                """)
        // The archive is complete; nothing is recorded as sent.
        for page in ["index.html", "2026-09/index.html", "2026-10/index.html", "2026-10/report.eml"] {
            #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("archive/\(page)").path), "\(page)")
        }
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("archive/.insights-archive-sent").path))
        #expect(try server.messages().isEmpty)

        let retried = try archive(work, server)
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.hasPrefix("All 2 months are up to date"), "\(retried.stdout)")
        let received = try server.messages()
        try #require(received.count == 1)
        #expect(received[0].data == (try expectedMessage(work)))
    }

    @Test func aRefusedRecipientIsExit2AndTheOthersAreNotSentItTwice() throws {
        let work = try imported()
        let server = try SMTPTestServer(refuse: ["gone@example.org"])
        let first = try archive(work, server, to: ["board@example.org", "gone@example.org"])
        // 2: board@ got it, gone@ did not; it counts as sent.
        #expect(first.status == 2)
        #expect(
            first.stdout.hasSuffix(
                """
                Sent to 1 of 2 recipients (STARTTLS, logged in): board@example.org
                Not sent to gone@example.org: the server refused this recipient (550 5.1.1 <gone@example.org>: Recipient address rejected: mailbox unavailable).

                """), "\(first.stdout)")
        let second = try archive(work, server, to: ["board@example.org", "gone@example.org"])
        #expect(second.status == 0)
        #expect(second.stdout.hasSuffix("nothing sent.\n"))
        #expect(try server.messages().map(\.recipients) == [["board@example.org"]])
    }

    @Test func sendingOptionsAndSendGoTogether() throws {
        let work = try imported()
        let noServer = try CLIRunner.run(["archive", "--db", "insights.db", "--send", "--to", "a@example.org"], in: work)
        #expect(noServer.status == 64)
        #expect(noServer.stderr.hasPrefix("Error: Give the SMTP server with --smtp URL.\n"), "\(noServer.stderr)")
        let noRecipient = try CLIRunner.run(
            ["archive", "--db", "insights.db", "--send", "--smtp", "smtp://127.0.0.1:1"], in: work)
        #expect(noRecipient.status == 64)
        #expect(noRecipient.stderr.hasPrefix("Error: Give at least one --to ADDRESS.\n"), "\(noRecipient.stderr)")
        let noSend = try CLIRunner.run(["archive", "--db", "insights.db", "--to", "a@example.org"], in: work)
        #expect(noSend.status == 64)
        #expect(
            noSend.stderr.hasPrefix("Error: --smtp, --to and the other sending options are used only with --send.\n"),
            "\(noSend.stderr)")
        // Nothing was written by the refused runs.
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("output").path))
    }
}
