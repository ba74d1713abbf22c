import Foundation
import InsightsGlific
import InsightsImport
import InsightsTestSupport
import Testing

/// Every refusal of a Glific import: nothing converted, every problem named with FILE:LINE.
@Suite(.temporaryFolders) struct GlificRefusalTests {
    /// A folder holding `files` (name → lines).
    func folder(_ files: [String: [String]]) throws -> URL {
        let url = try TestPaths.temporaryDirectory("glific-refusal")
        for (name, lines) in files {
            try (lines.joined(separator: "\n") + "\n").write(
                to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    func refusal(_ files: [String: [String]], _ options: GlificImportOptions? = nil) throws -> GlificImportError {
        let url = try folder(files)
        let located = try GlificExport.locate([url.path])
        let options = options ?? GlificImportOptions(zone: TimeZone(identifier: "Asia/Kolkata") ?? .gmt)
        return try #require(throws: GlificImportError.self) { try GlificConversion(files: located, options: options) }
    }

    func message(_ id: Int, flow: String = "outbound", status: String? = "sent") -> String {
        let bsp = status.map { "\"\($0)\"" } ?? "null"
        return
            #"{"id":"\#(id)","flow":"\#(flow)","contact_phone":"919800000001","inserted_at":"2026-10-20T09:00:00","bsp_status":\#(bsp)}"#
    }

    @Test func unknownDirectionsStatusesAndTicketWordsAreListedWithCountsAndFirstLines() throws {
        let error = try refusal([
            "messages.json": [message(1, status: "seen"), message(2, flow: "sideways"), message(3, status: "seen")],
            "tickets.json": [
                #"{"id":"9","contact_phone":"919800000001","status":"resolved","inserted_at":"2026-10-20T09:00:00"}"#
            ],
        ])
        let file = { (name: String) in error.problems.description.contains(name) }
        #expect(file("messages.json") && file("tickets.json"))
        // "seen": messages 1 and 3 (first line 1); "sideways": message 2 (line 2); "resolved": line 1.
        guard error.problems.count == 3,
            case .unknownDirections(let directions) = error.problems[0],
            case .unknownStatuses(let statuses) = error.problems[1],
            case .unknownTicketStatuses(let tickets) = error.problems[2]
        else {
            Issue.record("unexpected problems: \(error.problems)")
            return
        }
        #expect(directions.map { "\($0.value) \($0.count) \($0.line)" } == ["sideways 1 2"])
        #expect(statuses.map { "\($0.value) \($0.count) \($0.line)" } == ["seen 2 1"])
        #expect(tickets.map { "\($0.value) \($0.count) \($0.line)" } == ["resolved 1 1"])
        let text = error.localizedDescription
        #expect(text.contains("say what each means with --status-map, e.g. --status-map seen=<sent|delivered|read|failed|none>"))
        #expect(text.contains("--ticket-map resolved=<open|closed>"))
        #expect(text.contains("\"seen\": 2 messages, first at "))
        #expect(text.hasSuffix("fix the files or the options and run the same command again"))
    }

    @Test func theMapsFixWhatTheyName() throws {
        let url = try folder(["messages.json": [message(1, status: "seen")]])
        let conversion = try GlificConversion(
            files: try GlificExport.locate([url.path]),
            options: GlificImportOptions(zone: .gmt, statusMap: ["seen": .read]))
        #expect(conversion.messageStatuses.map(\.status) == [.read])
        #expect(conversion.summary.lines.contains { $0.contains("seen → read (1, --status-map)") })
    }

    @Test func badRowsAreNamedByLine() throws {
        let error = try refusal([
            "messages.json": [
                #"{"id":"1","flow":"inbound","contact_phone":"9198","inserted_at":"2026-10-20T09:00:00Z"}"#,
                "not json",
                #"{"id":"2","flow":"inbound","inserted_at":"2026-10-20T09:00:00"}"#,
                #"{"id":"3","flow":"inbound","contact_phone":"9198","inserted_at":"20 Oct"}"#,
            ],
            "flow_contexts.json": [
                #"{"id":"4","flow_uuid":"f","contact_phone":"9198","inserted_at":"2026-10-20T09:00:00","is_killed":"maybe"}"#
            ],
            "flow_results.json": [
                #"{"id":"5","uuid":"f","contact_phone":"9198","updated_at":"2026-10-20T09:00:00","results":"[1]"}"#
            ],
        ])
        let lines = try #require(error.errorDescription).split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "messages.json:1: inserted_at \"2026-10-20T09:00:00Z\" has a zone or an offset, which Glific's DATETIMEs never have: these are not Glific's tables as exported, or were changed"
                )
            })
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "messages.json:2: the line is not a JSON object (bq extract --destination_format NEWLINE_DELIMITED_JSON writes one per line)"
                )
            })
        #expect(lines.contains { $0.hasSuffix("messages.json:3: contact_phone is missing or empty") })
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "messages.json:4: inserted_at \"20 Oct\" is not a Glific DATETIME (YYYY-MM-DDTHH:MM:SS, as bq extract writes it)"
                )
            })
        #expect(lines.contains { $0.hasSuffix("flow_contexts.json:1: is_killed is not true or false") })
        #expect(lines.contains { $0.hasSuffix("flow_results.json:1: results is not a JSON object (Glific writes one as text)") })
        #expect(
            lines.last
                == "nothing was imported (3 problems); Glific files are checked as a whole before anything is stored: fix the files or the options and run the same command again"
        )
    }

    @Test func filesThatAreNotTablesInsightsReadsAreRefusedBeforeReading() throws {
        let url = try folder(["messages_media.json": ["{}"], "messages.json": [message(1)]])
        let error = try #require(throws: GlificImportError.self) { try GlificExport.locate([url.path]) }
        #expect(error.problems == [.unknownTable(file: url.appendingPathComponent("messages_media.json").path)])
        let missing = try #require(throws: GlificImportError.self) { try GlificExport.locate(["/nonexistent/messages.json"]) }
        #expect(missing.isUnopenable)
        let empty = try TestPaths.temporaryDirectory("glific-empty")
        let none = try #require(throws: GlificImportError.self) { try GlificExport.locate([empty.path]) }
        #expect(none.problems == [.noFiles(folder: empty.path)])
        // --kind names the table of a file whose name does not.
        #expect(try GlificExport.locate([url.appendingPathComponent("messages_media.json").path], forced: .messages).count == 1)
    }
}
