import Foundation
import InsightsGlific
import InsightsMetrics
import InsightsTestSupport
import InsightsWarehouse
import Testing

/// The views `GlificViews` makes over Glific's BigQuery tables, without an engine: which
/// kinds exist for which tables, the SQL (golden), the parameters the maps become, and the
/// columns refused. The emulator runs them in `GlificBigQueryTests` (InsightsWarehouseTests).
struct GlificViewsTests {
    /// A dataset with Glific's tables and the columns of its schema the views read; records
    /// the queries it is sent.
    final class Dataset: WarehouseConnection {
        let dialect = SQLDialect.bigquery(dataset: "org.glific")
        var tables: [String: [String: String]]
        var sent: [String] = []
        var answer: [[String?]] = []

        init(leaving: Set<String> = [], changing: [String: [String: String]] = [:]) {
            var tables: [String: [String: String]] = [
                "messages": [
                    "id": "int64", "bq_uuid": "string", "bq_inserted_at": "datetime", "flow": "string",
                    "bsp_status": "string", "errors": "string", "contact_phone": "string", "user_phone": "string",
                    "user_name": "string", "flow_name": "string", "flow_uuid": "string", "inserted_at": "datetime",
                    "updated_at": "datetime", "message_broadcast_id": "int64", "flow_broadcast_id": "int64",
                    "group_message_id": "int64", "body": "string",
                ],
                "contacts": [
                    "id": "int64", "bq_uuid": "string", "bq_inserted_at": "datetime", "phone": "string",
                    "optin_time": "datetime", "optout_time": "datetime", "inserted_at": "datetime",
                    "updated_at": "datetime", "fields": "array",
                ],
                "tickets": [
                    "id": "int64", "bq_uuid": "string", "bq_inserted_at": "datetime", "status": "string",
                    "contact_phone": "string", "user_id": "int64", "user_phone": "string", "user_name": "string",
                    "inserted_at": "datetime", "updated_at": "datetime",
                ],
                "flow_contexts": [
                    "id": "int64", "bq_uuid": "string", "bq_inserted_at": "datetime", "node_uuid": "string",
                    "flow_uuid": "string", "contact_phone": "string", "is_killed": "bool", "completed_at": "datetime",
                    "inserted_at": "datetime", "updated_at": "datetime",
                ],
                "flow_results": [
                    "id": "int64", "bq_uuid": "string", "bq_inserted_at": "datetime", "name": "string", "uuid": "string",
                    "inserted_at": "datetime", "updated_at": "datetime", "results": "string", "contact_phone": "string",
                    "flow_context_id": "int64",
                ],
                "stats": ["id": "int64"],
            ]
            for table in leaving { tables[table] = nil }
            for (table, columns) in changing { tables[table, default: [:]].merge(columns) { _, new in new } }
            self.tables = tables
        }

        func rows(_ sql: String, parameters: [String: WarehouseParameter]) throws(WarehouseError) -> [[String?]] {
            sent.append(sql)
            return answer
        }

        func columns(of table: String) throws(WarehouseError) -> [String: String]? {
            tables[table]
        }
    }

    let berlin = GlificImportOptions(zone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)

    @Test func everyKindGlificHasIsAViewAndTheSQLIsTheGoldenOne() throws {
        let views = try GlificViews.make(base: Dataset(), options: berlin)
        // Six kinds; Glific has no goals, so goals, behaviours and goal_events have no view.
        #expect(
            views.views.keys.sorted() == [
                "contacts", "conversation_events", "journey_results", "journey_runs", "message_statuses", "messages",
            ])
        for (kind, view) in views.views.sorted(by: { $0.key < $1.key }) {
            try assertGolden(view.sql + "\n", named: "glific-\(kind).sql")
        }
        try assertGolden(try GlificViews.checkQuery(base: Dataset()) + "\n", named: "glific-check.sql")
    }

    @Test func theMapsAreArrayParametersInAFixedOrder() throws {
        let options = GlificImportOptions(
            zone: TimeZone(identifier: "Asia/Kathmandu") ?? .gmt, authorMap: ["broadcast": .api],
            statusMap: ["Pending": .none], ticketMap: ["escalated": false])
        let parameters = GlificViews.parameters(options)
        #expect(parameters["glific_zone"] == .string("Asia/Kathmandu"))
        // user, broadcast, flow, none: broadcast mapped to api by the option.
        #expect(parameters["glific_author_types"] == .strings(["coach", "api", "stack", "api"]))
        // The built-in words and "pending" (lower-cased), sorted.
        #expect(parameters["glific_status_words"] == .strings(["delivered", "enqueued", "error", "pending", "read", "sent"]))
        #expect(parameters["glific_status_values"] == .strings(["delivered", "none", "failed", "none", "read", "sent"]))
        #expect(parameters["glific_ticket_words"] == .strings(["closed", "escalated", "open"]))
        #expect(parameters["glific_ticket_closed"] == .strings(["closed", "open", "open"]))
        // No value is pasted into the SQL.
        let views = try GlificViews.make(base: Dataset(), options: options)
        #expect(views.views.values.allSatisfy { !$0.sql.contains("Kathmandu") && !$0.sql.contains("pending") })
    }

    @Test func missingTablesAreKindsWithoutData() throws {
        // Without tickets and the flow tables: messages, statuses and contacts only.
        let views = try GlificViews.make(
            base: Dataset(leaving: ["tickets", "flow_contexts", "flow_results"]), options: berlin)
        #expect(views.views.keys.sorted() == ["contacts", "message_statuses", "messages"])
        // Without a contacts table, the contacts are those the messages name.
        let noContacts = try GlificViews.make(base: Dataset(leaving: ["contacts"]), options: berlin)
        #expect(noContacts.views["contacts"]?.sql.contains("`org.glific.contacts`") == false)
        #expect(noContacts.views["contacts"]?.sql.contains("`org.glific.messages`") == true)
        // An optional column Glific may not have is no value, not an error.
        let dataset = Dataset()
        dataset.tables["messages"]?["group_message_id"] = nil
        #expect(try GlificViews.make(base: dataset, options: berlin).views["messages"]?.sql.contains("group_message_id") == false)
    }

    @Test func columnsTheViewsCannotReadAreRefusedByName() throws {
        // inserted_at is required, and a DATETIME: a TIMESTAMP is not Glific's local time.
        let dataset = Dataset()
        dataset.tables["messages"]?["inserted_at"] = nil
        #expect(throws: WarehouseError.missingColumn(table: "messages", column: "inserted_at")) {
            try GlificViews.make(base: dataset, options: berlin)
        }
        #expect(
            throws: WarehouseError.wrongType(
                table: "flow_contexts", column: "completed_at", expected: "DATETIME (Glific's local time)", found: "timestamp")
        ) {
            try GlificViews.make(base: Dataset(changing: ["flow_contexts": ["completed_at": "timestamp"]]), options: berlin)
        }
    }

    @Test func theCheckRefusesWithEveryProblemNamingTheFlag() throws {
        let dataset = Dataset()
        dataset.answer = [
            ["status", "messages", "bsp_status", "pending", "2", "104"],
            ["missing", "messages", "contact_phone", nil, "1", "9"],
            ["ticket", "tickets", "status", "escalated", "1", "32"],
        ]
        do {
            _ = try GlificViews.connect(base: dataset, options: berlin)
            Issue.record("no refusal")
        } catch let error as GlificWarehouseError {
            #expect(error.problems.map(\.kind) == ["missing", "status", "ticket"])
            let text = error.errorDescription ?? ""
            #expect(text.contains("messages.contact_phone: 1 row without a value (first id 9)"))
            #expect(text.contains("\"pending\": 2 messages, first id 104"))
            #expect(text.contains("--status-map pending=<sent|delivered|read|failed|none>"))
            #expect(text.contains("--ticket-map escalated=<open|closed>"))
            #expect(text.hasSuffix("fix the tables or the options and run the same command again"))
        }
        // The check is one query, sent before any report query.
        #expect(dataset.sent.count == 1)
    }
}
