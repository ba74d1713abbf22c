import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsMetrics
import InsightsRender
import InsightsStore
import InsightsTestSupport
import InsightsTurn
import InsightsWarehouse
import Testing

/// `report --bigquery … --source turn` on Turn's own tables in the emulator gives the
/// aggregates and the `metrics.json` of `import --source turn` + `report` on SQLite, and both
/// paths refuse what the importer refuses. Few reports: each is ~45 queries of 1–5 s.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct TurnBigQueryParityTests {
    /// The fixture's mapping: its two author types that are not built in, and its goals file.
    static func options() throws -> TurnImportOptions {
        var options = TurnImportOptions(authorMap: ["REMINDER": .reminder, "THREAD": .thread])
        let goals = TestTurnBigQuery.fixture("goals.json").path
        options.goals = try TurnGoalsMap(path: goals)
        options.goalsFile = goals
        return options
    }

    /// The fixture export (README: duplicated ids, `author` as JSON text, chat_events with
    /// invented columns, flow_results mapped to goals): without `--author-map` both paths stop
    /// at REMINDER (m11, m13) and THREAD (m16); with it, its week in UTC and in São Paulo
    /// (the fixture's evening messages fall on the next local day in neither).
    @Test func fixtureExport() throws {
        let files = try TestTurnBigQuery.files("export")
        let base = try TestTurnBigQuery.load(files, label: "turn_export")

        // Without the map: the importer and the checks refuse, naming every value.
        #expect(throws: TurnImportError.self) { try TestTurnBigQuery.store(files, options: TurnImportOptions()) }
        let unmapped = try TurnViewsBuilder.make(base: base, options: TurnImportOptions())
        let refusal = #expect(throws: TurnWarehouseError.self) { try unmapped.check() }
        // REMINDER: m11 (author_type) and m13 (the type only in the author object); THREAD: m16.
        #expect(refusal?.description.contains("REMINDER: 2 messages, e.g. message m11") == true)
        #expect(refusal?.description.contains("THREAD: 1 message, e.g. message m16") == true)
        #expect(refusal?.description.contains("--author-map REMINDER=<type>,THREAD=<type>") == true)

        let options = try Self.options()
        let store = try TestTurnBigQuery.store(files, options: options)
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let summary = try views.check()
        // messages: 19 rows, m01 and m12 twice; chats: 7 rows, ch-1 and ch-3 twice.
        #expect(
            summary.tables.map { "\($0.table.rawValue) \($0.rows) \($0.duplicates)" }.sorted() == [
                "chat_events 9 0", "chats 7 2", "contacts 5 1", "flow_results 12 1", "messages 19 2",
            ])
        // OPERATOR m04, m09, m12; REMINDER m11, m13; STACK m02, m06, m15; SYSTEM m07; THREAD m16.
        #expect(
            summary.authorTypes.map { "\($0.value) \($0.messages)" } == [
                "OPERATOR 3", "REMINDER 2", "STACK 3", "SYSTEM 1", "THREAD 1",
            ])
        #expect(summary.inboundMessages == 7)
        // chat_events' types as the importer tallies them (e5's two versions are one row).
        let imported = try TestTurnBigQuery.conversion(files, options: options).summary
        guard case .chatEvents(_, let types) = summary.closes, case .chatEvents(_, let importedTypes) = imported.closes
        else {
            Issue.record("closes from chat_events on both paths")
            return
        }
        #expect(types == importedTypes)
        #expect(types.map { "\($0.value) \($0.rows)" } == ["CHAT_ASSIGNED 2", "CHAT_CLOSED 5", "CHAT_REOPENED 1"])
        #expect(views.closesNote.isEmpty)
        try expectParity(store, views.connection, from: "2026-10-05", to: "2026-10-11", zone: "UTC")
        try expectParity(store, views.connection, from: "2026-10-05", to: "2026-10-11", zone: "America/Sao_Paulo")
    }

    /// Without chat_events, closes come from the chats' state on both paths, with the note.
    @Test func closesFromChatsState() throws {
        let files = try TestTurnBigQuery.files("export", leaving: [.chatEvents])
        let base = try TestTurnBigQuery.load(files, label: "turn_state")
        let options = try Self.options()
        let store = try TestTurnBigQuery.store(files, options: options)
        let job = TurnWarehouseJob(base: base, options: options)
        var printed: [String] = []
        let source = try job.source { printed.append($0) }
        let note = try #require(try store.meta(.closesNote))
        #expect(note.hasPrefix("Conversation closes are approximate"))
        #expect(try source.meta(.closesNote) == note)
        #expect(printed.last == "note: \(note)")
        // ch-1, ch-2, ch-4 closed; ch-3 (re-opened) and ch-5 open: as the importer counts them.
        let imported = try TestTurnBigQuery.conversion(files, options: options).summary
        #expect(
            printed.contains {
                $0.hasPrefix("Conversation closes APPROXIMATE") && $0.contains("3 closed chats") && $0.contains("2 open")
            })
        #expect(
            imported.lines.filter { $0.contains("APPROXIMATE") || $0.contains("re-opened before") }
                == printed.filter { $0.contains("APPROXIMATE") || $0.contains("re-opened before") })
        try expectParity(store, try job.views(), from: "2026-10-05", to: "2026-10-11", zone: "UTC")
    }
}

/// The fixture's second export (`journeys/`, README): statuses and Journey runs read in place
/// as the importer reads them, its summary lines printed alike, the same aggregates.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct TurnStatusesJourneysParityTests {
    /// `journeys-goals.json`: the Journey j-anc (completed by anc_done = yes/y, timeout 48 h).
    static func options() throws -> TurnImportOptions {
        var options = TurnImportOptions()
        let goals = TestTurnBigQuery.fixture("journeys-goals.json").path
        options.goals = try TurnGoalsMap(path: goals)
        options.goalsFile = goals
        return options
    }

    /// Both statuses files in one table (the CSV's rows without an id), the runs of sa, sb, sc.
    @Test func statusesAndJourneyRuns() throws {
        let files = try TestTurnBigQuery.files("journeys")
        let base = try TestTurnBigQuery.load(files, label: "turn_journeys")
        let options = try Self.options()
        let store = try TestTurnBigQuery.store(files, options: options)
        let imported = try TestTurnBigQuery.conversion(files, options: options).summary
        let job = TurnWarehouseJob(base: base, options: options)
        var printed: [String] = []
        let source = try job.source { printed.append($0) }

        // statuses: 7 + 3 rows read; id 2's older version and the CSV's second m2 `sent` dropped.
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let summary = try views.check()
        #expect(summary.tables.first { $0.table == .statuses }.map { "\($0.rows) \($0.duplicates)" } == "10 2")
        // Kept: 8. sent: 1 (m1 SENT), m2 (CSV); delivered: 2 (newer version, m1), m4 (Delivered);
        // read: 3 (u1 → m1), 6 (m4, timed by inserted_at); failed: 4 (m2, the one with an error);
        // 5 names u-gone: not found, not stored.
        var statuses = TurnSummary.StatusUse()
        statuses.rows = 8
        statuses.byStatus = [.sent: 2, .delivered: 2, .read: 2, .failed: 1]
        statuses.byUUID = 1
        statuses.uuidNotFound = 1
        statuses.timeFromInsertedAt = 1
        statuses.withError = 1
        #expect(summary.statuses == statuses)
        #expect(imported.statuses == statuses)
        // Results: fa-0 (newer), fa-1, fa-2, fb-1, fb-2, fb-3 (no session), fc-1, ff-1 (j-faq);
        // fx-1 has no stack_uuid, fc-2 no response. Runs: sa completed (fa-1 "Yes" at 10-06
        // 08:00), sb expired (last result 10-05 10:00, 48 h before the newest instant, ff-1's
        // 10-09 12:00), sc in progress (10-08 12:00, 24 h before it).
        var journeys = TurnSummary.JourneyUse()
        journeys.results = 8
        journeys.withoutJourney = 1
        journeys.withoutResponse = 1
        journeys.listed = 1
        journeys.runs = ["completed": 1, "expired": 1, "in progress": 1]
        journeys.withoutSession = 1
        journeys.unlisted = ["j-faq": 1]
        journeys.asOf = 1_791_547_200_000_000  // 2026-10-09 12:00:00 UTC
        #expect(summary.journeys == journeys)
        #expect(imported.journeys == journeys)
        // The importer's lines for statuses and Journeys, printed by the report too.
        let kinds = imported.lines.filter {
            $0.hasPrefix("Message statuses") || $0.contains("message_uuid no message") || $0.contains("Journey")
        }
        #expect(kinds.count == 6)
        #expect(printed.filter { kinds.contains($0) } == kinds)
        #expect(!printed.contains { $0.contains("not read on BigQuery") || $0.contains("not derived on BigQuery") })

        // The runs as the store has them (sa's last step: fa-2 "feedback", after fa-1 by uuid).
        let runs = try base.rows(
            "SELECT r.run_id, r.outcome, CAST(r.ended_at AS STRING), r.last_step FROM (\(try #require(views.connection.views["journey_runs"]).sql)) r ORDER BY r.run_id",
            parameters: views.connection.parameters.filter { $0.key.hasPrefix("turn_journey") })
        #expect(
            runs == [
                ["sa", "completed", "2026-10-06 08:00:00+00", "feedback"],
                ["sb", "expired", "2026-10-07 10:00:00+00", "anc_done"],
                ["sc", nil, nil, "week"],
            ])
        // No chat_events: the approximate closes' note on both paths.
        #expect(source.notes[.closesNote] == (try store.meta(.closesNote)))
        // The blocks compared are not empty: the SQLite report has the failure and the Journey.
        let first = try #require(LocalDate(iso: "2026-10-05"))
        let last = try #require(LocalDate(iso: "2026-10-11"))
        let period = try #require(ReportPeriod(from: first, to: last))
        let utc = try #require(ReportCalendar(identifier: "UTC"))
        let data = try store.periodData(period: period, calendar: utc)
        let json = MetricsJSON.render(Report(data: data, serviceName: "Parity", generatorVersion: "test"))
        #expect(json.contains("131047: Re-engagement message") && json.contains("Antenatal course"))
        try expectParity(store, views.connection, from: "2026-10-05", to: "2026-10-11", zone: "UTC")
        try expectParity(store, views.connection, from: "2026-10-05", to: "2026-10-11", zone: "Africa/Nairobi")
    }

    /// A session is one run of one Journey by one contact: the journeys export with one more
    /// result of session `sa` (c-ana's j-anc run) written by another Journey, `j-faq`, is
    /// refused by the import (the row named with its file and line) and by the report.
    @Test func aSessionOfTwoJourneysIsRefusedOnBothPaths() throws {
        let folder = try TestPaths.temporaryDirectory("turn-shared-session")
        var files: [URL] = []
        for file in try TestTurnBigQuery.files("journeys") {
            let copy = folder.appendingPathComponent(file.lastPathComponent)
            var data = try Data(contentsOf: file)
            if file.lastPathComponent == "flow_results.ndjson" {
                data.append(
                    Data(
                        """
                        {"uuid": "fz-1", "contact_id": "c-ana", "stack_uuid": "j-faq", "session_id": "sa", \
                        "question_id": "topic", "response": "fees", "inserted_at": "2026-10-07 09:00:00 UTC"}

                        """.utf8))
            }
            try data.write(to: copy)
            files.append(copy)
        }
        let options = try Self.options()
        let imported = #expect(throws: TurnImportError.self) { try TestTurnBigQuery.store(files, options: options) }
        #expect(imported?.localizedDescription.contains("session \"sa\" is also a session of Journey") == true)
        let base = try TestTurnBigQuery.load(files, label: "turn_shared")
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let refused = #expect(throws: TurnWarehouseError.self) { try views.check() }
        #expect(refused == .sharedSessions(count: 1, examples: ["sa"]))
    }
}

/// The generated Turn-shaped dataset (`TurnGeneratedDataset`) on both paths, and a message
/// whose chat is missing refused on both.
@Suite(
    .serialized, .temporaryFolders,
    .enabled(if: BigQueryEmulator.shouldRun, "no emulator: eval \"$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)\""))
struct TurnGeneratedParityTests {
    /// Its fortnight in Berlin, over the end of summer time.
    @Test func generatedDataset() throws {
        let files = try TurnGeneratedDataset.write()
        let base = try TestTurnBigQuery.load(files, label: "turn_generated")
        // The fixture's goals file with the Journey j-hyd listed: completed by hydration_goal
        // = yes (" Yes " once trimmed), expired 200 hours after a session's last result.
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: TestTurnBigQuery.fixture("goals.json")))
                as? [String: Any])
        document["journeys"] = [
            [
                "stack_uuid": "j-hyd", "name": "Hydration", "timeout_hours": 200,
                "completed_when": ["question_id": "hydration_goal", "response": "yes"],
            ]
        ]
        let goals = try TestPaths.temporaryDirectory("turn-generated-goals").appendingPathComponent("goals.json")
        try JSONSerialization.data(withJSONObject: document).write(to: goals)
        var options = try TurnBigQueryParityTests.options()
        options.goals = try TurnGoalsMap(path: goals.path)
        options.goalsFile = goals.path
        let store = try TestTurnBigQuery.store(files, options: options)
        let imported = try TestTurnBigQuery.conversion(files, options: options).summary
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let summary = try views.check()
        #expect(
            summary.tables
                == imported.tables.map { table in
                    var named = table
                    named.files = ["\(base.dialect.container).\(table.table.rawValue)"]
                    return named
                })
        #expect(summary.statuses == imported.statuses)
        #expect(summary.journeys == imported.journeys)
        // Not vacuous: statuses found by uuid, timed by inserted_at, with errors; runs of
        // every outcome.
        let statuses = try #require(summary.statuses)
        #expect(statuses.byUUID > 0 && statuses.timeFromInsertedAt > 0 && statuses.withError > 0)
        #expect((statuses.byStatus[.failed] ?? 0) > 0 && (statuses.byStatus[.read] ?? 0) > 0)
        let runs = try #require(summary.journeys).runs
        #expect(["completed", "expired", "in progress"].allSatisfy { (runs[$0] ?? 0) > 0 }, "\(runs)")
        try expectParity(store, views.connection, from: "2026-10-19", to: "2026-11-01", zone: "Europe/Berlin")
    }

    /// Message m5's chat is not in chats: the import names the row, the checks count and name it.
    @Test func aMissingChatIsRefusedOnBothPaths() throws {
        let files = try TurnGeneratedDataset.write(missingChat: true).filter {
            ["messages.csv", "chats.csv"].contains($0.lastPathComponent)
        }
        let options = TurnImportOptions()
        let imported = #expect(throws: TurnImportError.self) { try TestTurnBigQuery.store(files, options: options) }
        #expect(imported?.localizedDescription.contains("chat \"ch-missing\" is not in the chats table") == true)
        let base = try TestTurnBigQuery.load(files, label: "turn_missing")
        let views = try TurnViewsBuilder.make(base: base, options: options)
        let refused = #expect(throws: TurnWarehouseError.self) { try views.check() }
        #expect(refused == .missingChats(table: .messages, count: 1, examples: [("m5", "ch-missing")]))
    }
}
