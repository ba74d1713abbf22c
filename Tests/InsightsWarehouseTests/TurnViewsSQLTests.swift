import Foundation
import InsightsImport
import InsightsTestSupport
import InsightsTurn
import InsightsWarehouse
import Testing

/// The Turn views' GoogleSQL, golden per kind, over a dataset with the fixture export's
/// columns (no emulator needed), and what the builder refuses before any query runs.
@Suite struct TurnViewsSQLTests {
    /// A dataset that only knows its tables' columns.
    struct Columns: WarehouseConnection {
        let dialect = SQLDialect.bigquery(dataset: "project.turn_27600000000")
        var tables: [String: [String: String]]
        func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] { [] }
        func columns(of table: String) throws(WarehouseError) -> [String: String]? { tables[table] }
    }

    /// The fixture export's tables as the test loader types them.
    static var fixture: [String: [String: String]] {
        func table(_ names: String) -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: names.split(separator: ",").map { name in
                    (String(name), name.hasSuffix("_at") ? "timestamp" : "string")
                })
        }
        return [
            "messages": table("id,uuid,chat_id,direction,content,inserted_at,updated_at,from_addr,author,author_type"),
            "chats": table("id,uuid,contact_id,owner,state,state_reason,inserted_at,updated_at"),
            "contacts": table("id,urn,details,inserted_at,updated_at"),
            "chat_events": table("id,chat_id,type,account_id,account_name,inserted_at,updated_at"),
            "flow_results": table("uuid,contact_id,stack_uuid,session_id,question_id,response,inserted_at"),
        ]
    }

    @Test func goldenViews() throws {
        var goals = TurnImportOptions(authorMap: ["REMINDER": .reminder], chatEventMap: ["CHAT_ASSIGNED": .ignore])
        goals.goals = try TurnGoalsMap(
            data: Data(
                """
                {"goals": [{"goal_id": "g", "name": "G", "behaviours": [{"behaviour_id": "b", "name": "B"}]}],
                 "results": [{"question_id": "q", "response": ["yes", "y"], "goal_id": "g", "behaviour_id": "b",
                              "event": "actioned"}]}
                """.utf8), file: "goals.json")
        let views = try TurnViewsBuilder.make(base: Columns(tables: Self.fixture), options: goals)
        #expect(
            views.connection.views.keys.sorted() == [
                "behaviours", "contacts", "conversation_events", "goal_events", "goals", "journey_results", "messages",
            ])
        for (kind, view) in views.connection.views.sorted(by: { $0.key < $1.key }) {
            try assertGolden(view.sql + "\n", named: "turn-\(kind).sql")
        }
        // The maps are parameters: built in + --author-map, sorted by key.
        #expect(views.connection.parameters["turn_author_keys"] == .strings(["OPERATOR", "REMINDER", "STACK", "SYSTEM"]))
        #expect(views.connection.parameters["turn_author_types"] == .strings(["coach", "reminder", "stack", "api"]))
        #expect(views.connection.parameters["turn_rule_responses"] == .strings(["yes", "y"]))
        #expect(!views.connection.views.values.contains { $0.sql.contains("REMINDER") || $0.sql.contains("'yes'") })
        // Without chat_events: closes from the chats' state, with the note.
        var tables = Self.fixture
        tables["chat_events"] = nil
        let state = try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        try assertGolden((state.connection.views["conversation_events"]?.sql ?? "") + "\n", named: "turn-closes-from-state.sql")
        #expect(state.closesNote.hasPrefix("Conversation closes are approximate"))
    }

    /// With a statuses table and a goals file listing Journeys: the `message_statuses` and
    /// `journey_runs` views, golden, the Journeys' values as parameters only.
    @Test func goldenStatusesAndJourneyRuns() throws {
        var tables = Self.fixture
        tables["statuses"] = [
            "id": "string", "message_id": "string", "message_uuid": "string", "status": "string", "timestamp": "timestamp",
            "errors": "string", "inserted_at": "timestamp", "updated_at": "timestamp",
        ]
        var options = TurnImportOptions()
        options.goals = try TurnGoalsMap(
            data: Data(
                """
                {"journeys": [{"stack_uuid": "j-anc", "name": "Antenatal course", "timeout_hours": 1.5,
                               "completed_when": {"question_id": "anc_done", "response": [" Yes", "y"]}},
                              {"stack_uuid": "j-faq", "completed_when": {"question_id": "topic"}}]}
                """.utf8), file: "goals.json")
        let views = try TurnViewsBuilder.make(base: Columns(tables: tables), options: options)
        #expect(
            views.connection.views.keys.sorted() == [
                "contacts", "conversation_events", "journey_results", "journey_runs", "message_statuses", "messages",
            ])
        for kind in ["message_statuses", "journey_runs"] {
            try assertGolden((views.connection.views[kind]?.sql ?? "") + "\n", named: "turn-\(kind).sql")
        }
        let parameters = views.connection.parameters
        #expect(parameters["turn_journey_ids"] == .strings(["j-anc", "j-faq"]))
        #expect(parameters["turn_journey_names"] == .strings(["Antenatal course", ""]))
        #expect(parameters["turn_journey_questions"] == .strings(["anc_done", "topic"]))
        #expect(parameters["turn_journey_any"] == .integers([0, 1]))
        // 1.5 h and the default 24 h, in microseconds.
        #expect(parameters["turn_journey_timeouts"] == .integers([5_400_000_000, 86_400_000_000]))
        #expect(parameters["turn_journey_response_ids"] == .strings(["j-anc", "j-anc"]))
        #expect(parameters["turn_journey_responses"] == .strings(["yes", "y"]))
        let runs = views.connection.views["journey_runs"]?.sql ?? ""
        #expect(!runs.contains("j-anc") && !runs.contains("anc_done") && !runs.contains("'y'"))
        // Without the goals file's journeys: no runs.
        let none = try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        #expect(none.connection.views["journey_runs"] == nil)
        #expect(none.connection.views["message_statuses"] != nil)
    }

    @Test func refusalsBeforeAnyQuery() throws {
        var tables = Self.fixture
        tables["chats"] = nil
        #expect(throws: TurnWarehouseError.missingTable(.chats, neededBy: .messages)) {
            try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        }
        tables = Self.fixture
        tables["messages"]?["chat_id"] = nil
        #expect(throws: TurnWarehouseError.missingColumn(table: .messages, column: "chat_id")) {
            try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        }
        tables = Self.fixture
        tables["messages"]?["inserted_at"] = "int64"
        #expect(
            throws: TurnWarehouseError.wrongType(table: .messages, column: "inserted_at", expected: "TIMESTAMP", found: "int64")
        ) {
            try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        }
        tables = Self.fixture
        tables["chat_events"] = ["id": "string", "chat_id": "string", "when": "timestamp"]
        let error = #expect(throws: TurnWarehouseError.self) {
            try TurnViewsBuilder.make(base: Columns(tables: tables), options: TurnImportOptions())
        }
        #expect(error?.description.contains("--chat-event-columns") == true)
        #expect(throws: TurnWarehouseError.noTables) {
            try TurnViewsBuilder.make(base: Columns(tables: [:]), options: TurnImportOptions())
        }
    }
}
