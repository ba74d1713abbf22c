import Foundation
import InsightsBigQuery
import InsightsImport
import InsightsJobs
import InsightsMetrics
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
        let options = try TurnBigQueryParityTests.options()
        let store = try TestTurnBigQuery.store(files, options: options)
        let views = try TurnViewsBuilder.make(base: base, options: options)
        _ = try views.check()
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
