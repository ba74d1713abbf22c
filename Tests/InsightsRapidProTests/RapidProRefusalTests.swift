import Foundation
import InsightsImport
import InsightsRapidPro
import InsightsTestSupport
import Testing

/// Everything that stops a RapidPro import: each refusal lists every value, its count, its
/// first FILE:LINE and the flag that fixes it, and nothing is converted.
@Suite(.temporaryFolders) struct RapidProRefusalTests {
    /// One archive message line (RapidPro's keys, in its order).
    static func message(
        _ uuid: String, direction: String = "in", status: String = "handled", urn: String = "tel:+27821110001",
        contact: String = "c-ana"
    ) -> String {
        #"{"uuid":"\#(uuid)","id":1,"broadcast":null,"contact":{"uuid":"\#(contact)","name":null},"urn":"\#(urn)","#
            + #""channel":null,"flow":null,"ticket_uuid":null,"direction":"\#(direction)","type":"text","#
            + #""status":"\#(status)","visibility":"visible","text":"hi","attachments":[],"labels":[],"#
            + #""created_on":"2026-10-05T08:00:00.000000+00:00","sent_on":null,"#
            + #""modified_on":"2026-10-05T08:00:00.000000+00:00"}"#
    }

    /// One archive run line.
    static func run(_ uuid: String, exitType: String?, exitedOn: String? = "2026-10-05T09:00:00+00:00") -> String {
        let exit = exitType.map { "\"\($0)\"" } ?? "null"
        let exited = exitedOn.map { "\"\($0)\"" } ?? "null"
        return #"{"id":1,"uuid":"\#(uuid)","flow":{"uuid":"f-1","name":"F"},"contact":{"uuid":"c-ana","name":null},"#
            + #""responded":true,"path":[],"values":{},"created_on":"2026-10-05T08:00:00+00:00","#
            + #""modified_on":"2026-10-05T09:00:00+00:00","exited_on":\#(exited),"exit_type":\#(exit)}"#
    }

    func write(_ name: String, _ lines: [String]) throws -> String {
        let url = try TestPaths.temporaryDirectory("rapidpro").appendingPathComponent(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url.path
    }

    func convert(_ paths: [String], options: RapidProImportOptions = RapidProImportOptions()) throws
        -> RapidProConversion
    {
        try RapidProConversion(files: try RapidProExport.locate(paths), options: options)
    }

    /// The problems of converting `paths`, and the error's text.
    func refusal(_ paths: [String], options: RapidProImportOptions = RapidProImportOptions()) throws -> (
        [RapidProImportError.Problem], String
    ) {
        do {
            _ = try convert(paths, options: options)
        } catch let error as RapidProImportError {
            return (error.problems, error.errorDescription ?? "")
        }
        Issue.record("the conversion was not refused")
        return ([], "")
    }

    @Test func unknownDirectionsAreListedWithCountAndFirstLine() throws {
        let file = try write(
            "messages.jsonl",
            [Self.message("m1"), Self.message("m2", direction: "sideways"), Self.message("m3", direction: "sideways")])
        let (problems, text) = try refusal([file])
        #expect(problems == [.unknownDirections([.init(value: "sideways", count: 2, file: file, line: 2)])])
        #expect(text.contains("  \"sideways\": 2 messages, first at \(file):2"))
        #expect(text.contains("RapidPro writes in and out"))
        #expect(text.hasSuffix("fix the files or the options and run the same command again"))
    }

    @Test func unknownStatusWordsNameTheStatusMapAndItFixesThem() throws {
        let file = try write(
            "messages.jsonl",
            [
                Self.message("m1", direction: "out", status: "scheduled"), Self.message("m2", direction: "out", status: "sent"),
                Self.message("m3", direction: "out", status: "bounced"),
                Self.message("m4", direction: "out", status: "Scheduled"),
            ])
        let (problems, text) = try refusal([file])
        // Status words compare lower-cased: "Scheduled" is "scheduled" (2 messages, first line 1).
        #expect(
            problems == [
                .unknownStatuses([
                    .init(value: "scheduled", count: 2, file: file, line: 1),
                    .init(value: "bounced", count: 1, file: file, line: 3),
                ])
            ])
        #expect(text.contains("--status-map scheduled=<sent|delivered|read|failed|none>,bounced=<"))
        let fixed = try convert([file], options: RapidProImportOptions(statusMap: ["scheduled": .none, "bounced": .failed]))
        #expect(fixed.messageStatuses.map { "\($0.messageID) \($0.status.rawValue)" } == ["m2 sent", "m3 failed"])
        #expect(fixed.summary.statuses.first { $0.value == "bounced" }?.fromUser == true)
    }

    @Test func unknownExitTypesAndEndedRunsWithoutOneAreRefused() throws {
        let file = try write(
            "runs.jsonl",
            [
                Self.run("r1", exitType: "completed"), Self.run("r2", exitType: "abandoned"),
                Self.run("r3", exitType: nil), Self.run("r4", exitType: nil, exitedOn: nil),
            ])
        let (problems, text) = try refusal([file])
        // r3 has exited_on but no exit_type ("none"); r4 is still going (neither): fine.
        #expect(
            problems == [
                .unknownExitTypes([
                    .init(value: "abandoned", count: 1, file: file, line: 2), .init(value: "none", count: 1, file: file, line: 3),
                ])
            ])
        #expect(text.contains("--exit-map abandoned=<completed|expired|interrupted|active>,none=<"))
        let fixed = try convert([file], options: RapidProImportOptions(exitMap: ["abandoned": .expired, "none": .completed]))
        #expect(fixed.journeyRuns.map { $0.outcome?.rawValue ?? "-" } == ["completed", "expired", "completed", "-"])
    }

    @Test func unknownURNSchemesNameTheUrnMap() throws {
        let file = try write(
            "messages.jsonl", [Self.message("m1", urn: "signal:+27821110001"), Self.message("m2", urn: "tel:+27821110001")])
        let (problems, text) = try refusal([file])
        #expect(problems == [.unknownURNSchemes([.init(value: "signal", count: 1, file: file, line: 1)])])
        #expect(text.contains("--urn-map signal=<phone|none>"))
        let fixed = try convert([file], options: RapidProImportOptions(urnMap: ["signal": .phone]))
        #expect(fixed.contacts.map(\.phone) == ["+27821110001"])
    }

    @Test func aRecordWithSeveralUnknownValuesListsThemAll() throws {
        let file = try write(
            "messages.jsonl",
            [Self.message("m1", direction: "sideways", urn: "signal:1"), Self.message("m2", status: "lost", urn: "tel:0821")])
        let (problems, _) = try refusal([file])
        #expect(
            problems == [
                .unknownDirections([.init(value: "sideways", count: 1, file: file, line: 1)]),
                .unknownStatuses([.init(value: "lost", count: 1, file: file, line: 2)]),
                .unknownURNSchemes([.init(value: "signal", count: 1, file: file, line: 1)]),
                .urnsWithoutPhone([.init(value: "tel:0821", count: 1, file: file, line: 2)]),
            ])
    }

    @Test func phoneURNsWithoutAnInternationalNumberAreRefused() throws {
        let file = try write(
            "messages.jsonl",
            [
                Self.message("m1", urn: "tel:0821110001"), Self.message("m2", urn: "tel:12345", contact: "c-b"),
                Self.message("m3", urn: "tel:0821110001"), Self.message("m4", urn: "whatsapp:27821110009", contact: "c-c"),
            ])
        let (problems, text) = try refusal([file])
        #expect(
            problems == [
                .urnsWithoutPhone([
                    .init(value: "tel:0821110001", count: 2, file: file, line: 1),
                    .init(value: "tel:12345", count: 1, file: file, line: 2),
                ])
            ])
        #expect(text.contains("correct them in RapidPro, or pass --urn-map tel=none"))
        // With tel=none the whatsapp number still gives c-c its phone.
        let fixed = try convert([file], options: RapidProImportOptions(urnMap: ["tel": .none]))
        #expect(fixed.contacts.map { "\($0.contactID) \($0.phone ?? "-")" } == ["c-c 27821110009"])
    }

    @Test func aMalformedLineIsNamedByFileAndLine() throws {
        let file = try write(
            "message_1_M20261001.jsonl",
            [Self.message("m1"), #"{"uuid":"m2","contact":{"uuid":"#, Self.message("m3"), "[1, 2]"])
        let (problems, text) = try refusal([file])
        #expect(
            problems == [
                .rows(
                    file: file,
                    issues: [
                        RowIssue(line: 2, reason: "the line is not valid JSON (an archive has one JSON record per line)"),
                        RowIssue(line: 4, reason: "the line is not a JSON object"),
                    ], total: 2)
            ])
        #expect(text.contains("\(file):2: the line is not valid JSON"))
    }

    @Test func aRecordWithoutItsTimeIsNamedByTheLineItStartsOn() throws {
        // An API page: the second result opens on line 8 and has no created_on.
        let page = try write(
            "messages.json",
            [
                "{", #"  "next": "https://app.rapidpro.io/api/v2/messages.json?cursor=abc","#, #"  "results": ["#,
                "    " + Self.message("m1") + ",", "    {", #"      "uuid": "m2","#, #"      "direction": "in","#,
                #"      "contact": {"uuid": "c-ana", "name": "Ana"}"#, "    }", "  ]", "}",
            ])
        let (problems, _) = try refusal([page])
        #expect(
            problems == [.rows(file: page, issues: [RowIssue(line: 5, reason: "\"created_on\" is missing or empty")], total: 1)])
    }

    @Test func aPageThatIsNotTheLastOneIsSaidInTheSummary() throws {
        let page = try write(
            "messages.json",
            [
                "{", #"  "next": "https://app.rapidpro.io/api/v2/messages.json?cursor=abc","#, #"  "results": ["#,
                "    " + Self.message("m1"), "  ]", "}",
            ])
        let conversion = try convert([page])
        #expect(conversion.messages.count == 1)
        #expect(
            conversion.summary.lines.contains(
                "  warning: \(page) is not the last page (next: https://app.rapidpro.io/api/v2/messages.json?cursor=abc); fetch the rest too"
            ))
        // No tickets: conversations never close, and the note says so.
        #expect(conversion.summary.closesNote.contains("no tickets.json"))
    }

    @Test func aTruncatedPageAndAFileOfUnknownContentAreRefused() throws {
        let truncated = try write("runs.json", ["{", #"  "next": null,"#, #"  "results": ["#, "    {\"uuid\": \"r1\","])
        let unknown = try write("export.jsonl", [#"{"name": "something else"}"#])
        let (problems, text) = try refusal([truncated, unknown])
        #expect(problems.count == 2)
        #expect(text.contains("\(truncated): an API page ({\"results\": [...]}) that is not valid JSON"))
        #expect(text.contains("\(unknown): cannot tell what the file holds") && text.contains("--kind"))
    }

    @Test func aMissingFileIsUnopenable() throws {
        let missing = try TestPaths.temporaryDirectory("rapidpro").appendingPathComponent("messages.json").path
        do {
            _ = try RapidProExport.locate([missing])
            Issue.record("a missing file was accepted")
        } catch {
            #expect(error.isUnopenable && error.problems == [.file(ImportError(file: missing, reason: .notFound))])
        }
    }
}
