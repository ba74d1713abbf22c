import Foundation
import InsightsTestSupport
import Testing

/// `report --email`: email.html for mail clients and report.eml, checked by Python's MIME parser.
@Suite(.serialized, .temporaryFolders) struct EmailTests {
    /// The demo shared by the CLI tests.
    static var demo: URL? { try? SharedDemo.folder() }

    @Test func demoEmailIsAValidMIMEMessage() throws {
        let demo = try #require(Self.demo)
        let out = try TestPaths.temporaryDirectory("email-report")
        let result = try CLIRunner.run(
            [
                "report", "--db", demo.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--timezone",
                "Africa/Johannesburg", "--out", out.path, "--email-to", "a@example.org", "--subject", "Test ü report",
            ], in: TestPaths.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("email.html"), encoding: .utf8)
        #expect(html.utf8.count < 100_000, "email.html must stay under 100 KB")
        for forbidden in ["<svg", "<details", "<style", "<script", "<link", "http:", "https:", "src="] {
            #expect(!html.contains(forbidden), "email.html contains \(forbidden)")
        }
        #expect(html.contains("role=\"presentation\""))
        let metrics = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        let active = try #require((metrics["audience"] as? [String: Any])?["active_users"] as? Int)
        let received = try #require((metrics["engagement"] as? [String: Any])?["messages_received"] as? Int)
        try checkEML([
            out.path, "Test ü report", "a@example.org", "\(active) unique active users",
            "\(received.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) messages received",
        ])
    }

    /// Runs check_eml.py, which must print OK.
    private func checkEML(_ arguments: [String]) throws {
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsCLITests/Scripts/check_eml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_eml.py: \(text)")
        #expect(text.hasPrefix("OK"))
    }

    /// A CR or LF in an address would add headers (`Bcc:`): refused before anything is written.
    @Test(arguments: [
        ("--email-to", "a@example.org\r\nBcc: evil@example.org", "U+000D"),
        ("--email-from", "Insights <i@example.org>\nBcc: evil@example.org", "U+000A"),
    ])
    func addressesWithControlCharactersAreRefused(option: String, value: String, code: String) throws {
        let demo = try #require(Self.demo)
        let out = try TestPaths.temporaryDirectory("email-injected")
        let result = try CLIRunner.run(
            [
                "report", "--db", demo.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--out", out.path,
                option, value,
            ],
            in: TestPaths.packageRoot)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: \(option) \""), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "holds a control character (\(code)), which would add lines to the message's headers; give the address on one line."
            ))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.eml").path))
    }

    /// Non-ASCII display names and a long subject are encoded and folded; UTC stays "UTC".
    @Test func internationalNamesAndALongSubject() throws {
        let demo = try #require(Self.demo)
        let out = try TestPaths.temporaryDirectory("email-international")
        let subject = "Sunrise Health Helpline: Insights report for October 2026, with every number ü"
        let result = try CLIRunner.run(
            [
                "report", "--db", demo.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--timezone", "UTC",
                "--out", out.path, "--email-from", "Zoë Müller <zoe@example.org>",
                "--email-to", "Ana Lúcia <ana@example.org>, bob@example.org", "--subject", subject,
            ], in: TestPaths.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        try checkEML([
            "--from=Zoë Müller <zoe@example.org>", out.path, subject, "Ana Lúcia <ana@example.org>, bob@example.org",
            "times in UTC",
        ])
        let metrics = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        #expect((metrics["period"] as? [String: Any])?["timezone"] as? String == "UTC")
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("· times in UTC</span>"))
    }
}
