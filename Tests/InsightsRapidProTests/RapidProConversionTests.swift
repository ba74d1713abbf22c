import Foundation
import InsightsImport
import InsightsMetrics
import InsightsRapidPro
import InsightsTestSupport
import Testing

/// Where the fixture export is (its README beside it tells every record's story).
enum RapidProFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let export = folder.appendingPathComponent("rapidpro")

    static func path(_ name: String) -> String {
        export.appendingPathComponent(name).path
    }

    static func convert(options: RapidProImportOptions = RapidProImportOptions()) throws -> RapidProConversion {
        try RapidProConversion(files: try RapidProExport.locate([export.path]), options: options)
    }
}

/// The fixture export converted record by record. Its report is checked end to end in
/// `InsightsCLITests/RapidProImportTests`.
struct RapidProConversionTests {
    @Test func filesAreFoundByNameAndDuplicatesKeepTheLatestModifiedOn() throws {
        let files = try RapidProExport.locate([RapidProFixtures.export.path])
        #expect(
            files.map { "\(($0.path as NSString).lastPathComponent) \($0.kind?.rawValue ?? "-")" } == [
                "contacts.json contacts", "message_42_M20261001.jsonl.gz messages", "messages.json messages",
                "run_42_M20261001.jsonl.gz runs", "runs.json runs", "tickets.json tickets",
            ])
        let conversion = try RapidProFixtures.convert()
        // 10 archive lines + 3 page results = 13 messages read; m02 is in both: the page's
        // (read, modified 08:05) is newer than the archive's (sent, 08:00:31). r1 is in the run
        // archive twice: the completed version (modified 08:20:10) wins.
        #expect(
            conversion.summary.files.map { "\($0.kind.rawValue) \($0.records) -\($0.duplicates) \($0.archives)/\($0.pages)" }
                == ["messages 13 -1 1/1", "runs 6 -1 1/1", "contacts 3 -0 0/1", "tickets 2 -0 0/1"])
        #expect(conversion.messages.count == 12)
        let r1 = try #require(conversion.journeyRuns.first { $0.runID == "r1" })
        #expect(r1.outcome == .completed && r1.lastStep == "n-done" && r1.endedAt == utc("2026-10-05T08:20:10"))
    }

    @Test func outboundAuthorsComeFromFlowBroadcastAndTicket() throws {
        let conversion = try RapidProFixtures.convert()
        let byID = Dictionary(uniqueKeysWithValues: conversion.messages.map { ($0.messageID, $0) })
        #expect(
            byID["m02"]
                == MessageRecord(
                    messageID: "m02", contactID: "c-ana", inbound: false, timestamp: utc("2026-10-05T08:00:30"),
                    authorType: .stack, authorID: "f-onb", authorName: "Onboarding"))
        // m04's ticket t-ben1 is assigned to Thandi in tickets.json; m06's t-cat1 is not listed.
        #expect(byID["m04"]?.authorType == .coach && byID["m04"]?.authorID == "thandi@example.org")
        #expect(byID["m04"]?.authorName == "Thandi")
        #expect(byID["m06"]?.authorType == .coach && byID["m06"]?.authorID == nil && byID["m06"]?.authorName == nil)
        #expect(byID["m07"]?.authorType == .reminder && byID["m07"]?.authorID == "901")
        #expect(byID["m07"]?.authorName == "Broadcast 901")
        #expect(byID["m09"]?.authorType == .api && byID["m09"]?.authorID == nil)
        #expect(
            byID["m01"] == MessageRecord(messageID: "m01", contactID: "c-ana", inbound: true, timestamp: utc("2026-10-05T08:00")))
        let uses = conversion.summary.authors.map { "\($0.value)=\($0.mapped) \($0.count)" }
        #expect(uses == ["broadcast=reminder 2", "flow=stack 1", "none=api 1", "ticket=coach 2"])
        #expect(conversion.summary.inbound == 6 && conversion.summary.ticketMessagesWithoutAssignee == 1)
    }

    @Test func authorMapTurnsBroadcastsIntoApiMessages() throws {
        let conversion = try RapidProFixtures.convert(options: RapidProImportOptions(authorMap: ["broadcast": .api]))
        #expect(conversion.messages.filter { $0.authorType == .reminder }.isEmpty)
        #expect(conversion.messages.filter { $0.authorType == .api }.map(\.messageID) == ["m07", "m08", "m09"])
        #expect(conversion.summary.lines.contains { $0.contains("broadcast → api (2, --author-map)") })
    }

    @Test func statusWordsBecomeOneStatusPerOutboundMessage() throws {
        let conversion = try RapidProFixtures.convert()
        // m02 read at its modified_on; m04 delivered at modified_on; m06 errored → failed; m07 sent
        // at sent_on; m08 failed; m09 wired: no status. Inbound messages' handled counts for nothing.
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "m04", status: .delivered, timestamp: utc("2026-10-05T12:11")),
                MessageStatusRecord(
                    messageID: "m06", status: .failed, timestamp: utc("2026-10-06T09:25"), error: "RapidPro status errored"),
                MessageStatusRecord(messageID: "m07", status: .sent, timestamp: utc("2026-10-07T10:00:02")),
                MessageStatusRecord(
                    messageID: "m08", status: .failed, timestamp: utc("2026-10-07T10:30"), error: "RapidPro status failed"),
                MessageStatusRecord(messageID: "m02", status: .read, timestamp: utc("2026-10-05T08:05")),
            ])
        let uses = conversion.summary.statuses.map { "\($0.value)=\($0.mapped) \($0.count)" }
        #expect(
            uses == [
                "delivered=delivered 1", "errored=failed 1", "failed=failed 1", "read=read 1", "sent=sent 1", "wired=none 1",
            ])
    }

    @Test func phonesFromContactUrnsThenMessageUrns() throws {
        let conversion = try RapidProFixtures.convert()
        // Ana: her first URN, tel:+27…; Ben: telegram first (no phone), then whatsapp:234…;
        // Dan: only telegram, no phone; Cat has no contacts.json record: her messages' tel:+254….
        #expect(
            conversion.contacts.map { "\($0.contactID) \($0.phone ?? "-")" } == [
                "c-ana +27821110001", "c-ben 2348031110002", "c-dan -", "c-cat +254711110003",
            ])
        let ana = try #require(conversion.contacts.first)
        // due_date is null (no value); cohort 3 is kept as text; language is added as a field;
        // the date field opted_in_at (08:00:40 at +02:00) is also her opt-in time.
        #expect(
            ana.fields == [
                ContactField("cohort", "3"), ContactField("district", "Soweto"),
                ContactField("opted_in_at", "2026-10-05T08:00:40.000000+02:00"), ContactField("language", "eng"),
            ])
        #expect(ana.createdAt == utc("2026-09-20T08:59") && ana.optedInAt == utc("2026-10-05T06:00:40"))
        #expect(ana.optedOutAt == nil)
        let dan = try #require(conversion.contacts.first { $0.contactID == "c-dan" })
        #expect(dan.optedInAt == utc("2026-09-30T12:00") && dan.optedOutAt == utc("2026-10-09T18:00"))
        #expect(conversion.summary.contactsWithConsent == 2 && conversion.summary.fieldValues == 7)
        #expect(conversion.summary.phoneSources == ["contacts.urns": 2, "none": 1, "messages.urn": 1])
        // Telegram URNs: Ben's and Dan's in contacts.json, m07's and m12's.
        #expect(conversion.summary.urnsWithoutPhone == ["telegram": 4] && conversion.summary.stoppedContacts == 1)
    }

    @Test func runsBecomeJourneyRunsAndValuesJourneyResults() throws {
        let conversion = try RapidProFixtures.convert()
        #expect(
            conversion.journeyRuns.map { "\($0.runID) \($0.outcome?.rawValue ?? "-") \($0.lastStep ?? "-")" } == [
                "r1 completed n-done", "r2 expired n-week", "r3 - n-week", "r4 interrupted n-q1", "r5 interrupted n-q1",
            ])
        let r3 = try #require(conversion.journeyRuns.first { $0.runID == "r3" })
        #expect(r3.endedAt == nil && r3.journeyName == "Onboarding" && r3.startedAt == utc("2026-10-06T09:01"))
        // The category is the answer (RapidPro's own summary of the value).
        #expect(
            conversion.journeyResults == [
                JourneyResultRecord(
                    contactID: "c-ana", journeyID: "f-onb", runID: "r1", question: "pregnancy_week", answer: "1-20",
                    timestamp: utc("2026-10-05T08:05")),
                JourneyResultRecord(
                    contactID: "c-cat", journeyID: "f-onb", runID: "r3", question: "pregnancy_week", answer: "21-40",
                    timestamp: utc("2026-10-06T09:02")),
                JourneyResultRecord(
                    contactID: "c-dan", journeyID: "f-survey", runID: "r4", question: "agree", answer: "Strongly agree",
                    timestamp: utc("2026-10-07T10:01:30")),
                JourneyResultRecord(
                    contactID: "c-ana", journeyID: "f-survey", runID: "r5", question: "agree", answer: "Agree",
                    timestamp: utc("2026-10-08T07:32")),
            ])
        let exits = conversion.summary.exits.map { "\($0.value)=\($0.mapped) \($0.count)" }
        #expect(
            exits == [
                "(none)=active 1", "completed=completed 1", "expired=expired 1", "failed=interrupted 1",
                "interrupted=interrupted 1",
            ])
    }

    @Test func ticketsOpenAndCloseConversations() throws {
        let conversion = try RapidProFixtures.convert()
        #expect(
            conversion.conversationEvents == [
                ConversationEventRecord(contactID: "c-ben", event: .opened, timestamp: utc("2026-10-05T12:05")),
                ConversationEventRecord(
                    contactID: "c-ben", event: .closed, timestamp: utc("2026-10-05T13:05"), actorID: "thandi@example.org",
                    actorName: "Thandi"),
                ConversationEventRecord(
                    contactID: "c-ana", event: .opened, timestamp: utc("2026-10-08T07:35"), actorID: "sipho@example.org",
                    actorName: "Sipho"),
            ])
        #expect(conversion.summary.closesNote.isEmpty)
    }

    @Test func everyRecordNamesTheLineItWasMadeOf() throws {
        let conversion = try RapidProFixtures.convert()
        let kinds = conversion.recordsByKind.map { "\($0.kind.rawValue) \($0.records.count)" }
        #expect(
            kinds == [
                "contacts 4", "messages 12", "message_statuses 5", "conversation_events 3", "journey_runs 5",
                "journey_results 4",
            ])
        let messages = try #require(conversion.recordsByKind.first { $0.kind == .messages }).records
        // m00 is the first result of messages.json, its object opening on line 5; m02's newer
        // version is the page's second result (line 27).
        let page = RapidProFixtures.path("messages.json")
        let m00 = try #require(messages.first { if case .message(let m) = $0.record { m.messageID == "m00" } else { false } })
        let m02 = try #require(messages.first { if case .message(let m) = $0.record { m.messageID == "m02" } else { false } })
        #expect(m00.origin == RecordOrigin(file: page, line: 5) && m02.origin == RecordOrigin(file: page, line: 27))
        let cat = try #require(conversion.recordsByKind.first { $0.kind == .contacts }?.records.last)
        #expect(cat.origin == RecordOrigin(file: RapidProFixtures.path("message_42_M20261001.jsonl.gz"), line: 5))
    }
}
