import Foundation
import InsightsTestSupport
import Testing

/// `insights import --source glific` end to end: the fixture tables of
/// `Tests/InsightsGlificTests/Fixtures/glific` (its README tells every row's story), and the
/// refusals of the command line.
@Suite(.serialized, .temporaryFolders) struct GlificImportTests {
    let root = TestPaths.packageRoot
    let export = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsGlificTests/Fixtures/glific")

    @Test func theFixtureImportsAndTheWeekReports() throws {
        let work = try TestPaths.temporaryDirectory("glific-cli")
        let database = work.appendingPathComponent("glific.sqlite").path
        let imported = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Europe/Berlin", export.path], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("  messages: 7 converted, 7 new, 0 replaced"))
        #expect(imported.stdout.contains("broadcast → reminder (1, built in)"))
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            ["report", "--db", database, "--from", "2026-10-19", "--to", "2026-10-25", "--out", out.path], in: root)
        #expect(reported.status == 0, "\(reported.stderr)")
        let metrics = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        // As GlificImportJobTests works out: 2 received (101, 105), 5 sent.
        let engagement = try #require(metrics["engagement"] as? [String: Any])
        #expect(engagement["messages_received"] as? Int == 2 && engagement["messages_sent"] as? Int == 5)
    }

    @Test func theCommandLineRefusesWhatItCannotUse() throws {
        let work = try TestPaths.temporaryDirectory("glific-refused")
        let database = work.appendingPathComponent("glific.sqlite").path
        // No zone: one sentence, usage error (64), nothing written.
        let noZone = try CLIRunner.run(["import", "--db", database, "--source", "glific", export.path], in: root)
        #expect(noZone.status == 64)
        #expect(
            noZone.stderr.contains(
                "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                    + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise."))
        let badZone = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Mars/Olympus", export.path], in: root)
        #expect(badZone.status == 64 && badZone.stderr.contains("Unknown time zone \"Mars/Olympus\" for --source-timezone."))
        let misplaced = try CLIRunner.run(
            ["import", "--db", database, "--source-timezone", "Asia/Kolkata", "x.csv"], in: root)
        #expect(misplaced.status == 64 && misplaced.stderr.contains("--source-timezone only applies with --source glific."))
        let bot = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--author-map",
                "bot=api", export.path,
            ], in: root)
        #expect(bot.status == 64 && bot.stderr.contains("\"bot\" is not what sends a Glific message"))
        let skip = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--skip-invalid",
                export.path,
            ], in: root)
        #expect(skip.status == 64 && skip.stderr.contains("--skip-invalid does not apply with --source glific"))
        #expect(!FileManager.default.fileExists(atPath: database))

        // An unknown bsp_status: data error (65), the value, its count, its first line, the flag.
        let messages = work.appendingPathComponent("messages.json")
        try Data(
            (#"{"id":"1","flow":"outbound","contact_phone":"919800000001","inserted_at":"2026-10-20T09:00:00","#
                + #""bsp_status":"seen"}"# + "\n").utf8
        ).write(to: messages)
        let unknown = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", messages.path], in: root)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("  \"seen\": 1 message, first at \(messages.path):1"))
        #expect(unknown.stderr.contains("--status-map seen=<sent|delivered|read|failed|none>"))
        #expect(!FileManager.default.fileExists(atPath: database))
        let fixed = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--status-map",
                "seen=read", messages.path,
            ], in: root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("seen → read (1, --status-map)"))
    }
}
