import Foundation
import InsightsTestSupport
import Testing

/// `insights report --bigquery … --source glific --source-timezone ZONE` on the command line:
/// the Glific fixture tables (`Tests/InsightsGlificTests/Fixtures/glific`, see its README) in
/// the emulator as Glific's own tables give the `metrics.json` of `import --source glific` +
/// `report` on SQLite, byte for byte. One dataset, one report (~45 emulator queries); the
/// refusals of the command line run on the same dataset before it. The data check's refusal
/// (65) is in `GlificBigQueryRefusalTests`, on its dataset.
@Suite(.temporaryFolders) struct GlificCLITests {
    @Test(.enabled(if: BigQueryEmulator.shouldRun, "no emulator")) func oneCommandReport() throws {
        let base = try TestGlificBigQuery.load(label: "glific_cli")
        let dataset = base.dialect.container
        let fixtures = TestGlificBigQuery.fixtures.path
        let folder = try TestPaths.temporaryDirectory("glific-cli")
        // The fixture week, reported in the organisation's zone: its last day, 25 October,
        // has 25 hours (the repeated 02:00–02:59 holding message 105).
        let period = ["--from", "2026-10-19", "--to", "2026-10-25", "--timezone", "Europe/Berlin", "--title", "Glific"]
        var environment = ProcessInfo.processInfo.environment
        environment["BIGQUERY_EMULATOR_HOST"] = try BigQueryEmulator.required()

        // Without the zone: a usage error (64), one sentence, before any connection; nothing written.
        let noZone = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "glific", "--out", "refused"] + period, in: folder,
            environment: environment)
        #expect(noZone.status == 64)
        #expect(
            noZone.stderr.contains(
                "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                    + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise."),
            "\(noZone.stderr)")
        // A zone that is not one: the same (64).
        let badZone = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "glific", "--source-timezone", "Europe/Atlantis", "--out", "refused"]
                + period, in: folder, environment: environment)
        #expect(badZone.status == 64)
        #expect(badZone.stderr.contains("Unknown time zone \"Europe/Atlantis\" for --source-timezone."), "\(badZone.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path))

        let zone = ["--source-timezone", "Europe/Berlin"]
        let imported = try WarehouseCLITests.run(
            ["import", "--db", "g.sqlite", "--source", "glific"] + zone + [fixtures], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let sqlite = try WarehouseCLITests.run(["report", "--db", "g.sqlite", "--out", "sqlite"] + period, in: folder)
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let warehouse = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "glific", "--out", "bigquery"] + zone + period, in: folder,
            environment: environment)
        #expect(warehouse.status == 0, "\(warehouse.stderr)")
        let expected = try String(contentsOf: folder.appendingPathComponent("sqlite/metrics.json"), encoding: .utf8)
        let actual = try String(contentsOf: folder.appendingPathComponent("bigquery/metrics.json"), encoding: .utf8)
        #expect(actual == expected)
        // Not two empty reports: the fixture README's week (local times 10-20 09:00 … 10-25
        // 03:30, all in the Berlin week too): received 2 (101, 105), sent 5 (102–104, 106, 107).
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any])
        let engagement = try #require(metrics["engagement"] as? [String: Any])
        #expect(engagement["messages_received"] as? Int == 2 && engagement["messages_sent"] as? Int == 5)
    }
}
