import Foundation
import InsightsImport
import InsightsRapidPro
import InsightsTestSupport
import Testing

/// Pages whose text holds JSON-looking strings, phones only runs know, masked URNs, and files
/// whose name says nothing.
@Suite(.temporaryFolders) struct RapidProEdgeTests {
    func write(_ name: String, _ text: String) throws -> String {
        let url = try TestPaths.temporaryDirectory("rapidpro-edge").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func pageLinesFollowStringsEscapesAndNesting() throws {
        // The first result's text looks like the end of a result and a "results" key; the
        // second result opens on line 9 and lacks created_on.
        let page = try write(
            "messages.json",
            #"""
            {"next": null, "previous": "x]},{\"",
             "results": [{"uuid": "m1", "contact": {"uuid": "c1", "name": "A \"}, {\" B"},
                          "urn": null, "direction": "in", "status": "handled",
                          "text": "\"results\": [{\n}, {",
                          "attachments": [{"content_type": "image/png", "url": "https://x/[1].png"}],
                          "created_on": "2026-10-05T08:00:00Z"},

                {"uuid": "m2", "contact": {"uuid": "c1", "name": null}, "direction": "in"}]}
            """#)
        do {
            _ = try RapidProConversion(files: try RapidProExport.locate([page]), options: RapidProImportOptions())
            Issue.record("the page was accepted")
        } catch {
            #expect(
                error.problems == [
                    .rows(file: page, issues: [RowIssue(line: 8, reason: "\"created_on\" is missing or empty")], total: 1)
                ])
        }
    }

    @Test func runsGiveThePhoneOfAContactNothingElseNames() throws {
        // runs.json's contact.urn is the only place c1's number is; c2's URN is masked (an
        // anonymous workspace); a run without exit_type or exited_on is still going.
        let page = try write(
            "runs.json",
            #"""
            {"next": null, "results": [
              {"uuid": "r1", "flow": {"uuid": "f1", "name": "F"}, "contact": {"uuid": "c1", "name": "A", "urn": "whatsapp:254711110003"},
               "path": null, "values": {}, "created_on": "2026-10-05T08:00:00Z", "modified_on": "2026-10-05T08:00:00Z",
               "exited_on": null, "exit_type": null},
              {"uuid": "r2", "flow": {"uuid": "f1", "name": "F"}, "contact": {"uuid": "c2", "name": null, "urn": "tel:********"},
               "path": [], "values": {"q": {"name": "Q", "value": null, "category": null, "node": "n", "time": "2026-10-05T08:01:00Z"}},
               "created_on": "2026-10-05T08:00:00Z", "modified_on": "2026-10-05T08:05:00Z",
               "exited_on": null, "exit_type": "completed"}
            ]}
            """#)
        let conversion = try RapidProConversion(files: try RapidProExport.locate([page]), options: RapidProImportOptions())
        #expect(conversion.contacts.map { "\($0.contactID) \($0.phone ?? "-")" } == ["c1 254711110003"])
        #expect(conversion.summary.phoneSources == ["runs.contact.urn": 1])
        #expect(conversion.summary.maskedURNs == 1 && conversion.summary.contactsWithoutRecord == 1)
        // r2 completed without exited_on: it ended at modified_on; its value has no answer.
        #expect(conversion.journeyRuns.map { $0.endedAt } == [nil, utc("2026-10-05T08:05")])
        #expect(conversion.summary.endedAtFromModifiedOn == 1 && conversion.summary.emptyResults == 1)
        #expect(conversion.journeyResults.isEmpty && conversion.journeyRuns.first?.lastStep == nil)
    }

    @Test func aFileNamedByNothingIsReadByItsFirstRecordOrByKind() throws {
        let line =
            #"{"uuid": "t1", "contact": {"uuid": "c1", "name": null}, "status": "open", "assignee": null, "#
            + #""opened_on": "2026-10-05T08:00:00Z", "closed_on": null}"#
        let path = try write("export-3.jsonl", line + "\n")
        #expect(try RapidProExport.locate([path]) == [RapidProExport.File(path: path, kind: nil)])
        let found = try RapidProConversion(files: try RapidProExport.locate([path]), options: RapidProImportOptions())
        #expect(found.conversationEvents.map(\.event) == [.opened] && found.summary.files.map(\.kind) == [.tickets])
        #expect(try RapidProExport.locate([path], forced: .tickets) == [RapidProExport.File(path: path, kind: .tickets)])
    }

    @Test func aClosedTicketWithoutItsCloseTimeIsRefused() throws {
        let path = try write(
            "tickets.jsonl",
            #"{"uuid": "t1", "contact": {"uuid": "c1"}, "status": "closed", "opened_on": "2026-10-05T08:00:00Z", "closed_on": null}"#
                + "\n")
        do {
            _ = try RapidProConversion(files: try RapidProExport.locate([path]), options: RapidProImportOptions())
            Issue.record("the ticket was accepted")
        } catch {
            #expect(
                error.problems == [
                    .rows(
                        file: path,
                        issues: [
                            RowIssue(
                                line: 1,
                                reason:
                                    "the ticket's \"status\" is closed but \"closed_on\" is missing: when it closed is unknown")
                        ], total: 1)
                ])
        }
    }
}

extension RapidProEdgeTests {
    @Test func bytesThatAreNotUTF8AreNamed() throws {
        let folder = try TestPaths.temporaryDirectory("rapidpro-utf8")
        let line = RapidProRefusalTests.message("m1")
        let archive = folder.appendingPathComponent("messages.jsonl")
        try Data(Array(line.utf8) + [0x0A] + [0x7B, 0xFF, 0x7D, 0x0A]).write(to: archive)
        let page = folder.appendingPathComponent("runs.json")
        try Data(Array("{\n  \"results\": [\"".utf8) + [0xC3, 0x28] + Array("\"]\n}\n".utf8)).write(to: page)
        do {
            _ = try RapidProConversion(
                files: try RapidProExport.locate([archive.path, page.path]), options: RapidProImportOptions())
            Issue.record("bytes that are not UTF-8 were accepted")
        } catch {
            #expect(
                error.problems == [
                    .document(file: page.path, line: nil, reason: "an API page that is not UTF-8 text"),
                    .rows(file: archive.path, issues: [RowIssue(line: 2, reason: "the line is not UTF-8 text")], total: 1),
                ])
        }
    }
}
