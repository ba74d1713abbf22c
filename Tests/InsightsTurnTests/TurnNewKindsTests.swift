import Foundation
import InsightsFormat
import InsightsImport
import InsightsTurn
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The second hand-written Turn export, `Fixtures/turn/journeys` (see the fixture README):
/// statuses, consent, contact details and Journey sessions, converted record by record.
@Suite struct TurnNewKindsTests {
    static let export = TurnFixtures.folder.appendingPathComponent("journeys")
    static let goals = TurnFixtures.folder.appendingPathComponent("journeys-goals.json")

    func options(goals: Bool = true) throws -> TurnImportOptions {
        var options = TurnImportOptions()
        if goals {
            options.goals = try TurnGoalsMap(path: Self.goals.path)
            options.goalsFile = "journeys-goals.json"
        }
        return options
    }

    func convert(_ folder: URL = export, options: TurnImportOptions) throws -> TurnConversion {
        let (files, skipped) = try TurnExport.locate([folder.path])
        return try TurnConversion(files: files, skipped: skipped, options: options)
    }

    /// A copy of the journeys export in a new temporary folder.
    func copy() throws -> URL {
        let target = try TestPaths.temporaryDirectory("turn-journeys").appendingPathComponent("export")
        try FileManager.default.copyItem(at: Self.export, to: target)
        return target
    }

    @Test func statusesByIDOrUUIDNewestVersionWordsIgnoringCase() throws {
        let conversion = try convert(options: try options())
        // statuses-000000000001.csv 3 rows (no id: the second m2 sent row is the same status as the
        // first), statuses.ndjson 7 rows (id 2 twice: the older "sent" version comes later): 10 read,
        // 2 dropped. Of the 8 left, id 5 names message_uuid u-gone, which no message has.
        let statuses = try #require(conversion.summary.tables.first { $0.table == .statuses })
        #expect(statuses.rows == 10 && statuses.duplicates == 2)
        let at = { (text: String) in utc(text) }
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "m1", status: .sent, timestamp: at("2026-10-05T08:00:01")),  // "SENT"
                MessageStatusRecord(messageID: "m1", status: .delivered, timestamp: at("2026-10-05T08:00:03")),
                MessageStatusRecord(messageID: "m1", status: .read, timestamp: at("2026-10-05T08:10")),  // u1 → m1
                MessageStatusRecord(messageID: "m2", status: .sent, timestamp: at("2026-10-05T09:00:01")),
                MessageStatusRecord(
                    messageID: "m2", status: .failed, timestamp: at("2026-10-05T09:00:02"),
                    error: "131047: Re-engagement message"),
                MessageStatusRecord(messageID: "m4", status: .delivered, timestamp: at("2026-10-06T10:20")),
                MessageStatusRecord(messageID: "m4", status: .read, timestamp: at("2026-10-06T10:30")),  // inserted_at
            ])
        let use = try #require(conversion.summary.statuses)
        #expect(use.rows == 8 && use.byUUID == 1 && use.uuidNotFound == 1 && use.timeFromInsertedAt == 1)
        #expect(use.withError == 1 && use.byStatus == [.sent: 2, .delivered: 2, .read: 2, .failed: 1])
        let lines = conversion.summary.lines
        #expect(
            lines.contains(
                "Message statuses: 8 → sent 2, delivered 2, read 2, failed 1 (status words compared ignoring case); "
                    + "1 found through message_uuid → messages.uuid; 1 with an error from errors; "
                    + "1 timed by inserted_at (no timestamp)"))
        #expect(
            lines.contains(
                "  1 status names a message_uuid no message of the export has: not stored (export their messages too)"))
    }

    @Test func unknownStatusWordsStopTheImportWithCountsAndFirstLines() throws {
        let folder = try copy()
        let file = folder.appendingPathComponent("statuses-000000000001.csv")
        try Data(
            """
            message_id,status,timestamp,errors
            m2,sent,2026-10-05 09:00:01 UTC,
            m2,Deleted,2026-10-05 09:10:00 UTC,
            m4,warning,2026-10-06 10:20:00 UTC,
            m4,DELETED,2026-10-06 10:25:00 UTC,

            """.utf8
        ).write(to: file)
        let expected = TurnImportError(
            problems: [
                .unknownStatuses([
                    .init(value: "Deleted", count: 2, file: file.path, line: 3),
                    .init(value: "warning", count: 1, file: file.path, line: 4),
                ])
            ])
        #expect(throws: expected) { try convert(folder, options: try options()) }
        let text = expected.localizedDescription
        #expect(text.contains("  \"Deleted\": 2 statuses, first at \(file.path):3"))
        #expect(text.contains("  \"warning\": 1 status, first at \(file.path):4"))
        #expect(text.contains("LOWER(status) NOT IN ('deleted', 'warning')"))
        #expect(text.hasSuffix("fix the files or the options and run the same command again"))
    }

    @Test func statusesByUUIDNeedTheMessagesTable() throws {
        let folder = try copy()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("messages.csv"))
        let statuses = folder.appendingPathComponent("statuses.ndjson").path
        let error = try #require(throws: TurnImportError.self) { try convert(folder, options: try options()) }
        #expect(error.problems == [.missingTable(.messages, neededBy: .statuses, file: statuses)])
        #expect(error.localizedDescription.contains("message_uuid → messages.uuid finds the message's id"))
    }

    @Test func contactsGiveConsentTimesAndDetailsAsFields() throws {
        let conversion = try convert(options: try options())
        let byID = Dictionary(uniqueKeysWithValues: conversion.contacts.map { ($0.contactID, $0) })
        // c-ana: opted_in true at 10-01 09:00; details nested in NDJSON: the numbers as written,
        // true as "true", the "tags" array left out.
        #expect(
            byID["c-ana"]
                == ContactRecord(
                    contactID: "c-ana", phone: "+254700000001", createdAt: utc("2026-09-01T08:00"),
                    optedInAt: utc("2026-10-01T09:00"),
                    fields: [
                        ContactField("name", "Ana"), ContactField("district", "Kisumu"), ContactField("cohort", "3"),
                        ContactField("pregnant", "true"), ContactField("week", "12.50"),
                    ]))
        // c-ben: opted_in false with an opted_in_at: opted out at an unknown time, dated by the row's
        // updated_at (10-04 10:00); details is a JSON string, its "address" object left out.
        #expect(
            byID["c-ben"]
                == ContactRecord(
                    contactID: "c-ben", phone: "+254700000002", createdAt: utc("2026-09-01T08:00"),
                    optedInAt: utc("2026-09-01T08:00"), optedOutAt: utc("2026-10-04T10:00"),
                    fields: [ContactField("district", "Nairobi")]))
        // c-cat: the newer row (updated 09-03) wins; the value kept as given, null is no value.
        #expect(byID["c-cat"]?.fields == [ContactField("district", "kisumu ")])
        #expect(byID["c-cat"]?.optedInAt == nil && byID["c-cat"]?.optedOutAt == nil)
        // c-dan: opted_in true with no time: no consent time.
        #expect(byID["c-dan"]?.optedInAt == nil && byID["c-dan"]?.fields == [])
        // c-eve: opted_in and opted_in_at inside details (and kept as fields too).
        #expect(byID["c-eve"]?.optedInAt == utc("2026-10-02T07:00"))
        #expect(
            byID["c-eve"]?.fields == [
                ContactField("opted_in", "true"), ContactField("opted_in_at", "2026-10-02T07:00:00Z"),
                ContactField("language", "sw"),
            ])
        let details = conversion.summary.contactDetails
        #expect(
            details.consent == [
                "opted in": 2, "opted out, dated by updated_at (approximate)": 1,
                "opted in at an unknown time (no consent time stored)": 1,
            ])
        // 5 (Ana) + 1 (Ben) + 1 (Cat) + 3 (Eve) values of 4 contacts.
        #expect(details.contactsWithFields == 4 && details.fieldValues == 10 && details.nested == ["tags": 1, "address": 1])
        #expect(
            conversion.summary.lines.contains(
                "Contact fields from contacts.details: 10 values of 4 contacts; left out (objects or arrays): address 1, tags 1"
            ))
    }

    @Test func badConsentAndDetailsAreRowProblems() throws {
        let folder = try copy()
        let file = folder.appendingPathComponent("contacts.ndjson")
        try Data(
            """
            {"id": "c-ana", "opted_in": "maybe"}
            {"id": "c-ben", "details": "{\\"a\\": 1, \\"a\\": 2}"}
            {"id": "c-cat", "details": {"opted_in_at": "last week"}}

            """.utf8
        ).write(to: file)
        let error = try #require(throws: TurnImportError.self) { try convert(folder, options: try options()) }
        #expect(
            error.problems == [
                .rows(
                    file: file.path,
                    issues: [
                        RowIssue(line: 1, reason: "column \"opted_in\": \"maybe\" is neither true nor false"),
                        RowIssue(line: 2, reason: "column \"details\": the value names \"a\" twice"),
                        RowIssue(
                            line: 3,
                            reason: "column \"details.opted_in_at\": \"last week\" is not a timestamp "
                                + "(BigQuery writes e.g. 2026-10-03 12:05:00.123456 UTC)"),
                    ], total: 3)
            ])
    }

    @Test func flowResultsBecomeJourneyResultsAndSessionsRuns() throws {
        let conversion = try convert(options: try options())
        let at = { (text: String) in utc(text) }
        // fa-0 twice: the version updated at 08:30 says "12". fc-2 has no response and fx-1 no
        // stack_uuid: not results. fb-3 has no session_id: a result in no run.
        #expect(
            conversion.journeyResults == [
                JourneyResultRecord(
                    contactID: "c-ana", journeyID: "j-anc", runID: "sa", question: "week", answer: "12",
                    timestamp: at("2026-10-05T08:00")),
                JourneyResultRecord(
                    contactID: "c-ana", journeyID: "j-anc", runID: "sa", question: "feedback", answer: "good",
                    timestamp: at("2026-10-06T08:00")),
                JourneyResultRecord(
                    contactID: "c-ana", journeyID: "j-anc", runID: "sa", question: "anc_done", answer: "Yes",
                    timestamp: at("2026-10-06T08:00")),
                JourneyResultRecord(
                    contactID: "c-ben", journeyID: "j-anc", runID: "sb", question: "week", answer: "20",
                    timestamp: at("2026-10-05T09:00")),
                JourneyResultRecord(
                    contactID: "c-ben", journeyID: "j-anc", runID: "sb", question: "anc_done", answer: "no",
                    timestamp: at("2026-10-05T10:00")),
                JourneyResultRecord(
                    contactID: "c-cat", journeyID: "j-anc", runID: "sc", question: "week", answer: "8",
                    timestamp: at("2026-10-08T12:00")),
                JourneyResultRecord(
                    contactID: "c-ben", journeyID: "j-anc", question: "week", answer: "21",
                    timestamp: at("2026-10-07T09:00")),
                JourneyResultRecord(
                    contactID: "c-ben", journeyID: "j-faq", runID: "sf", question: "topic", answer: "feeding",
                    timestamp: at("2026-10-09T12:00")),
            ])
        // The export's newest instant is ff-1's 10-09 12:00; j-anc times out after 48 h.
        //   sa: completed by fa-1 "Yes" at 10-06 08:00; fa-2 at the same instant comes after it
        //       (uuid fa-1 < fa-2, though later in the file), so last_step is "feedback".
        //   sb: its last result 10-05 10:00 ("no" does not complete) is 98 h before 10-09 12:00:
        //       expired at 10-05 10:00 + 48 h = 10-07 10:00.
        //   sc: 24 h without a result: still going.
        //   sf is a session of j-faq, not listed: no run.
        #expect(
            conversion.journeyRuns == [
                JourneyRunRecord(
                    runID: "sa", contactID: "c-ana", journeyID: "j-anc", journeyName: "Antenatal course",
                    startedAt: at("2026-10-05T08:00"), endedAt: at("2026-10-06T08:00"), outcome: .completed,
                    lastStep: "feedback"),
                JourneyRunRecord(
                    runID: "sb", contactID: "c-ben", journeyID: "j-anc", journeyName: "Antenatal course",
                    startedAt: at("2026-10-05T09:00"), endedAt: at("2026-10-07T10:00"), outcome: .expired,
                    lastStep: "anc_done"),
                JourneyRunRecord(
                    runID: "sc", contactID: "c-cat", journeyID: "j-anc", journeyName: "Antenatal course",
                    startedAt: at("2026-10-08T12:00"), lastStep: "week"),
            ])
        let lines = conversion.summary.lines
        for line in [
            "Journey results: 8 from flow_results (stack_uuid → journey, session_id → run, question_id → question, "
                + "response → answer); 1 without stack_uuid, 1 without response: not results",
            "Journey runs APPROXIMATE, one per session of the 1 listed Journey: 3 → completed 1, expired 1, "
                + "in progress 1 (expired: no result for longer than the timeout before 2026-10-09T12:00:00Z, "
                + "the export's newest time)",
            "  1 result(s) of listed Journeys have no session_id: in no run",
            "  no runs for Journeys not listed in the goals file (results: j-faq 1)",
        ] {
            #expect(lines.contains(line), "summary lacks: \(line)\n\(lines.joined(separator: "\n"))")
        }
        // Without a goals file the results are the same and no run is derived.
        let without = try convert(options: try options(goals: false))
        #expect(without.journeyResults == conversion.journeyResults && without.journeyRuns.isEmpty)
        #expect(without.summary.lines.contains { $0.hasPrefix("Journey runs: none (list Journeys under \"journeys\"") })
    }

    @Test func aShorterTimeoutExpiresTheOpenSession() throws {
        var options = try options(goals: false)
        options.goals = try TurnGoalsMap(
            data: Data(
                #"{"journeys": [{"stack_uuid": "j-anc", "completed_when": {"question_id": "anc_done"}, "timeout_hours": 1.5}]}"#
                    .utf8), file: "g.json")
        let runs = try convert(options: options).journeyRuns
        // Any answer to anc_done completes now: sb completes at 10-05 10:00 ("no"). sc expires
        // 1.5 h after 10-08 12:00.
        #expect(
            runs.map { "\($0.runID) \($0.outcome?.rawValue ?? "-") \($0.endedAt.map(TimestampFormatter.string) ?? "-")" } == [
                "sa completed 2026-10-06T08:00:00Z", "sb completed 2026-10-05T10:00:00Z", "sc expired 2026-10-08T13:30:00Z",
            ])
        #expect(runs.allSatisfy { $0.journeyName == nil })
    }

    @Test func aSessionOfTwoJourneysIsARowProblem() throws {
        let folder = try copy()
        let file = folder.appendingPathComponent("flow_results.ndjson")
        var text = try String(contentsOf: file, encoding: .utf8)
        text +=
            #"{"uuid": "fz-1", "contact_id": "c-ana", "stack_uuid": "j-faq", "session_id": "sa", "question_id": "topic", "response": "sleep", "inserted_at": "2026-10-06 09:00:00 UTC"}"#
            + "\n"
        try Data(text.utf8).write(to: file)
        let error = try #require(throws: TurnImportError.self) { try convert(folder, options: try options()) }
        #expect(
            error.problems == [
                .rows(
                    file: file.path,
                    issues: [
                        RowIssue(
                            line: 12,
                            reason: "column \"session_id\": session \"sa\" is also a session of Journey \"j-anc\" "
                                + "and contact \"c-ana\" (\(file.path):2); a session is one run of one Journey by one contact"
                        )
                    ], total: 1)
            ])
    }

    @Test func journeysInTheGoalsFileAreChecked() throws {
        func map(_ json: String) throws(TurnGoalsMapError) -> TurnGoalsMap {
            try TurnGoalsMap(data: Data(json.utf8), file: "g.json")
        }
        let journeys = try map(
            #"{"goals": [], "results": [], "journeys": [{"stack_uuid": "j", "completed_when": {"question_id": "q", "response": " Done "}}]}"#
        ).journeys
        #expect(
            journeys == [
                TurnGoalsMap.Journey(
                    stackUUID: "j", name: nil, completionQuestion: "q", completionResponses: ["done"], timeoutHours: 24)
            ])
        for (json, message) in [
            (
                #"{"journeys": [{"stack_uuid": "", "completed_when": {"question_id": "q"}}]}"#,
                "journeys[0]: \"stack_uuid\" needs a value"
            ),
            (
                #"{"journeys": [{"stack_uuid": "j", "completed_when": {"question_id": "q"}}, {"stack_uuid": "j", "completed_when": {"question_id": "r"}}]}"#,
                "journeys[1]: Journey \"j\" is listed twice"
            ),
            (
                #"{"journeys": [{"stack_uuid": "j", "completed_when": {"question_id": ""}}]}"#,
                "journeys[0].completed_when: \"question_id\" needs a value"
            ),
            (
                #"{"journeys": [{"stack_uuid": "j", "completed_when": {"question_id": "q"}, "timeout_hours": 0}]}"#,
                "journeys[0]: \"timeout_hours\" must be a positive number of hours (default 24)"
            ),
            (#"{"results": []}"#, "the key \"goals\" is missing"),
        ] {
            #expect {
                _ = try map(json)
            } throws: { error in
                (error as? TurnGoalsMapError)?.reason == message
            }
        }
    }

    @Test func theFirstFixtureGivesFieldsAndResultsButNoRuns() throws {
        let conversion = try convert(
            TurnFixtures.export, options: TurnImportOptions(authorMap: ["REMINDER": .reminder, "THREAD": .thread]))
        // contacts.csv: details as JSON text; c-eve has no contacts row, so no fields.
        #expect(
            conversion.contacts.map { $0.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ") } == [
                "whatsapp_id=27821110001 name=Ana", "whatsapp_id=2348031110002 name=Ben",
                "whatsapp_id=254711110003 name=Cat", "whatsapp_id=447700900004 name=Dan", "",
            ])
        #expect(conversion.contacts.allSatisfy { $0.optedInAt == nil && $0.optedOutAt == nil })
        // The 11 flow_results left after de-duplication all have a stack_uuid and a response.
        #expect(conversion.journeyResults.count == 11 && conversion.journeyRuns.isEmpty)
        #expect(conversion.messageStatuses.isEmpty && conversion.summary.statuses == nil)
    }
}
