import Foundation
import InsightsTestSupport
import Testing

/// `report --email`: email.html for mail clients and report.eml, checked by Python's MIME parser.
@Suite(.serialized) struct EmailTests {
    @Test func demoEmailIsAValidMIMEMessage() throws {
        let work = try TestPaths.temporaryDirectory("email")
        let demo = work.appendingPathComponent("demo")
        #expect(try CLIRunner.run(["demo", "--out", demo.path], in: TestPaths.packageRoot).status == 0)
        let out = work.appendingPathComponent("report")
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
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsCLITests/Scripts/check_eml.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, out.path, "Test ü report", "a@example.org", "\(active) unique active users",
            "\(received.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) messages received",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_eml.py: \(text)")
        #expect(text.hasPrefix("OK"))
    }
}
