import Foundation
import InsightsTestSupport
import Testing

/// `insights report|archive --bigquery … --source turn` on the command line: the flags that
/// need each other, and the one-command route writing the import route's `metrics.json`.
@Suite(.temporaryFolders) struct TurnCLITests {
    /// Usage errors (64), before any connection.
    @Test(arguments: [
        (["report", "--source", "turn", "--month", "2026-03"], "--source needs --bigquery PROJECT.DATASET."),
        (["archive", "--postgres", "x", "--source", "turn"], "--source needs --bigquery PROJECT.DATASET."),
        (
            ["report", "--bigquery", "p.d", "--author-map", "REMINDER=reminder"],
            "--author-map needs --source turn or --source glific."
        ),
        (["report", "--bigquery", "p.d", "--ticket-map", "pending=open"], "--ticket-map needs --source glific."),
        (["report", "--bigquery", "p.d", "--source", "turn", "--status-map", "x=read"], "--status-map needs --source glific."),
        (["report", "--bigquery", "p.d", "--source", "glific"], "--source glific needs --source-timezone ZONE"),
        (["report", "--bigquery", "p.d", "--chat-event-columns", "chat=c"], "--chat-event-columns needs --source turn."),
        (
            ["report", "--bigquery", "p.d", "--source", "turn", "--author-map", "REMINDER=nobody"],
            "--author-map: \"nobody\" in \"REMINDER=nobody\" is not one of"
        ),
        (["report", "--bigquery", "p.d", "--source", "turn", "--goals-map", "missing.json"], "missing.json: cannot be read"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let folder = try TestPaths.temporaryDirectory("turn-cli-usage")
        let result = try WarehouseCLITests.run(arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// The fixture export in the emulator as Turn's tables: `report --bigquery … --source turn`
    /// prints the import's summary and writes the `metrics.json` of `import --source turn` +
    /// `report`, byte for byte; without `--author-map` it stops (65) naming the flag.
    @Test(.enabled(if: BigQueryEmulator.shouldRun, "no emulator")) func oneCommandReport() throws {
        let files = try TestTurnBigQuery.files("export")
        let connection = try TestTurnBigQuery.load(files, label: "turn_cli")
        let dataset = connection.dialect.container
        let folder = try TestPaths.temporaryDirectory("turn-cli")
        let goals = TestTurnBigQuery.fixture("goals.json").path
        let period = ["--from", "2026-10-05", "--to", "2026-10-11", "--timezone", "UTC", "--title", "Turn"]
        let maps = ["--author-map", "REMINDER=reminder,THREAD=thread", "--goals-map", goals]
        var environment = ProcessInfo.processInfo.environment
        environment["BIGQUERY_EMULATOR_HOST"] = try BigQueryEmulator.required()

        let refused = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "turn", "--out", "refused"] + period, in: folder,
            environment: environment)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("say what each one is with --author-map"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path))

        let imported = try WarehouseCLITests.run(
            ["import", "--db", "t.sqlite", "--source", "turn"] + files.map(\.path) + maps, in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let sqlite = try WarehouseCLITests.run(
            ["report", "--db", "t.sqlite", "--out", "sqlite"] + period, in: folder)
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let warehouse = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "turn", "--out", "bigquery"] + period + maps, in: folder,
            environment: environment)
        #expect(warehouse.status == 0, "\(warehouse.stderr)")
        #expect(warehouse.stdout.contains("Turn.io dataset \(dataset) (read in place):"))
        #expect(warehouse.stdout.contains("  messages: 19 rows read from \(dataset).messages; 2 older versions of an id dropped"))
        let expected = try String(contentsOf: folder.appendingPathComponent("sqlite/metrics.json"), encoding: .utf8)
        let actual = try String(contentsOf: folder.appendingPathComponent("bigquery/metrics.json"), encoding: .utf8)
        #expect(actual == expected)
    }

    /// The fixture's `journeys/` export (statuses, Journey runs) on the command line: the
    /// report on the emulator prints the import's statuses and runs lines and writes the
    /// `metrics.json` of `import --source turn` + `report`, byte for byte.
    @Test(.enabled(if: BigQueryEmulator.shouldRun, "no emulator")) func oneCommandReportWithStatusesAndRuns() throws {
        let files = try TestTurnBigQuery.files("journeys")
        let dataset = try TestTurnBigQuery.load(files, label: "turn_cli_journeys").dialect.container
        let folder = try TestPaths.temporaryDirectory("turn-cli-journeys")
        let period = ["--from", "2026-10-05", "--to", "2026-10-11", "--timezone", "Africa/Nairobi", "--title", "Turn"]
        let goals = ["--goals-map", TestTurnBigQuery.fixture("journeys-goals.json").path]
        var environment = ProcessInfo.processInfo.environment
        environment["BIGQUERY_EMULATOR_HOST"] = try BigQueryEmulator.required()
        let imported = try WarehouseCLITests.run(
            ["import", "--db", "t.sqlite", "--source", "turn"] + files.map(\.path) + goals, in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let sqlite = try WarehouseCLITests.run(["report", "--db", "t.sqlite", "--out", "sqlite"] + period, in: folder)
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let warehouse = try WarehouseCLITests.run(
            ["report", "--bigquery", dataset, "--source", "turn", "--out", "bigquery"] + period + goals, in: folder,
            environment: environment)
        #expect(warehouse.status == 0, "\(warehouse.stderr)")
        // 8 statuses kept; sa completed, sb expired, sc in progress (README of the fixture).
        #expect(warehouse.stdout.contains("Message statuses: 8 → "), "\(warehouse.stdout)")
        #expect(warehouse.stdout.contains(": 3 → completed 1, expired 1, in progress 1"), "\(warehouse.stdout)")
        let expected = try String(contentsOf: folder.appendingPathComponent("sqlite/metrics.json"), encoding: .utf8)
        let actual = try String(contentsOf: folder.appendingPathComponent("bigquery/metrics.json"), encoding: .utf8)
        #expect(actual == expected)
    }

    /// A status word Insights does not read stops both paths (65) with every word and its
    /// count, and the report writes nothing: "Queued"/"QUEUED" (2, ids 2 and 3) and "deleted"
    /// (1, by message_uuid; an unknown word is refused before its message is looked for); then
    /// a status named by message_uuid only, without a messages table, stops both paths too.
    @Test(.enabled(if: BigQueryEmulator.shouldRun, "no emulator")) func unknownStatusWordsAreRefused() throws {
        let folder = try TestPaths.temporaryDirectory("turn-cli-statuses")
        let file = folder.appendingPathComponent("statuses.csv")
        try Data(
            """
            id,message_id,message_uuid,status,timestamp
            1,m1,,sent,2026-10-05 08:00:01 UTC
            2,m1,,Queued,2026-10-05 08:00:00 UTC
            3,m2,,QUEUED,2026-10-05 09:00:00 UTC
            4,,u3,deleted,2026-10-05 09:00:00 UTC

            """.utf8
        ).write(to: file)
        let imported = try WarehouseCLITests.run(["import", "--db", "t.sqlite", "--source", "turn", file.path], in: folder)
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("\"Queued\": 2 statuses, first at \(file.path):3"), "\(imported.stderr)")
        #expect(imported.stderr.contains("\"deleted\": 1 status, first at \(file.path):5"), "\(imported.stderr)")
        #expect(imported.stderr.contains("LOWER(status) NOT IN ('queued', 'deleted')"), "\(imported.stderr)")

        let connection = try TestTurnBigQuery.load([file], label: "turn_cli_statuses")
        var environment = ProcessInfo.processInfo.environment
        environment["BIGQUERY_EMULATOR_HOST"] = try BigQueryEmulator.required()
        let refused = try WarehouseCLITests.run(
            ["report", "--bigquery", connection.dialect.container, "--source", "turn", "--out", "refused", "--month", "2026-10"],
            in: folder, environment: environment)
        #expect(refused.status == 65)
        // Each word by its first spelling by code point ("QUEUED" < "Queued"), with a message.
        #expect(refused.stderr.contains("\"QUEUED\": 2 statuses, e.g. of message m1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\"deleted\": 1 status, e.g. of message u3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("LOWER(status) NOT IN ('deleted', 'queued')"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("refused").path))

        // Known words, but status 2 names its message by message_uuid only and there is no
        // messages table to find it in: both paths stop.
        let byUUID = try TestPaths.temporaryDirectory("turn-cli-uuid").appendingPathComponent("statuses.csv")
        try Data(
            """
            id,message_id,message_uuid,status,timestamp
            1,m1,,sent,2026-10-05 08:00:01 UTC
            2,,u1,read,2026-10-05 08:00:09 UTC

            """.utf8
        ).write(to: byUUID)
        let noMessages = try WarehouseCLITests.run(
            ["import", "--db", "u.sqlite", "--source", "turn", byUUID.path], in: folder)
        #expect(noMessages.status == 65)
        #expect(
            noMessages.stderr.contains("statuses rows need the messages table (message_uuid → messages.uuid"),
            "\(noMessages.stderr)")
        let uuidDataset = try TestTurnBigQuery.load([byUUID], label: "turn_cli_uuid").dialect.container
        let uuidRefused = try WarehouseCLITests.run(
            ["report", "--bigquery", uuidDataset, "--source", "turn", "--out", "uuid", "--month", "2026-10"],
            in: folder, environment: environment)
        #expect(uuidRefused.status == 65)
        #expect(
            uuidRefused.stderr.contains(
                "The dataset has statuses but no messages table: statuses name their message by message_uuid"),
            "\(uuidRefused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("uuid").path))
    }
}
