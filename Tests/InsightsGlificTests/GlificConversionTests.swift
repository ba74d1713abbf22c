import Foundation
import InsightsGlific
import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The fixture files of `Fixtures/glific` (their README tells every row's story).
enum GlificFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let export = folder.appendingPathComponent("glific")
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    static func convert(_ options: GlificImportOptions = GlificImportOptions(zone: berlin)) throws -> GlificConversion {
        try GlificConversion(files: try GlificExport.locate([export.path]), options: options)
    }

    /// A UTC instant written as ISO 8601 (`2026-10-20T07:00:00Z`).
    static func utc(_ text: String) -> Instant {
        Instant((ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 ?? -1) * 1_000_000)
    }
}

struct GlificConversionTests {
    let utc = GlificFixtures.utc

    @Test func theFixtureFilesBecomeTheHandWorkedRecords() throws {
        let conversion = try GlificFixtures.convert()
        // Europe/Berlin is +02:00 (CEST) until 2026-10-25 03:00 local (01:00Z), then +01:00.
        // Messages in the reading order of their newest versions: 101 (line 1), 104 (line 4,
        // updated 12:02, newer than lines 14 and 15), 105, 102 (line 6, updated_at 09:05 >
        // 09:00:30 on line 2), 107 (line 8), 103 (line 11, updated 09:40), 106 (line 13: the
        // same updated_at as line 7, a later bq_inserted_at).
        let A = "491700000001"
        let B = "491700000002"
        let C = "491700000003"
        #expect(
            conversion.messages == [
                MessageRecord(messageID: "101", contactID: A, inbound: true, timestamp: utc("2026-10-20T07:00:00Z")),
                // A broadcast of a flow: the broadcast wins → reminder.
                MessageRecord(
                    messageID: "104", contactID: B, inbound: false, timestamp: utc("2026-10-21T10:00:00Z"),
                    authorType: .reminder),
                // 02:30 on 10-25 happens twice; the first (CEST) is taken: 00:30Z.
                MessageRecord(messageID: "105", contactID: C, inbound: true, timestamp: utc("2026-10-25T00:30:00Z")),
                MessageRecord(
                    messageID: "102", contactID: A, inbound: false, timestamp: utc("2026-10-20T07:00:30Z"),
                    authorType: .stack, authorID: "f1", authorName: "Welcome"),
                // 03:30 on 10-25 is after the change: CET, 02:30Z.
                MessageRecord(
                    messageID: "107", contactID: C, inbound: false, timestamp: utc("2026-10-25T02:30:00Z"),
                    authorType: .stack, authorID: "f1", authorName: "Welcome"),
                MessageRecord(
                    messageID: "103", contactID: A, inbound: false, timestamp: utc("2026-10-20T07:10:00Z"),
                    authorType: .coach, authorID: "919800000000", authorName: "Coach Ravi"),
                MessageRecord(
                    messageID: "106", contactID: B, inbound: false, timestamp: utc("2026-10-23T06:00:00Z"),
                    authorType: .api),
            ])
        // The status history: every version's bsp_status at its updated_at, the earliest of each
        // status of a message, message by message (as above), each in time order. 104: delivered
        // 12:01:30 (line 15) before its late sent callback 12:02 (line 4; enqueued on line 14
        // gives none); 102: sent 09:00:30 (line 2), delivered 09:05 (line 6); 103: sent 09:10:02,
        // delivered 09:11, read 09:12 (lines 9, 10, 3; line 11 reads again at 09:40: the
        // earliest is kept); 106: sent 08:00:02 (line 12), error → failed 08:00:05 with line 7's
        // errors text (line 13 has the same updated_at, a later bq_inserted_at); 107 enqueued:
        // no status.
        #expect(
            conversion.messageStatuses == [
                MessageStatusRecord(messageID: "104", status: .delivered, timestamp: utc("2026-10-21T10:01:30Z")),
                MessageStatusRecord(messageID: "104", status: .sent, timestamp: utc("2026-10-21T10:02:00Z")),
                MessageStatusRecord(messageID: "102", status: .sent, timestamp: utc("2026-10-20T07:00:30Z")),
                MessageStatusRecord(messageID: "102", status: .delivered, timestamp: utc("2026-10-20T07:05:00Z")),
                MessageStatusRecord(messageID: "103", status: .sent, timestamp: utc("2026-10-20T07:10:02Z")),
                MessageStatusRecord(messageID: "103", status: .delivered, timestamp: utc("2026-10-20T07:11:00Z")),
                MessageStatusRecord(messageID: "103", status: .read, timestamp: utc("2026-10-20T07:12:00Z")),
                MessageStatusRecord(messageID: "106", status: .sent, timestamp: utc("2026-10-23T06:00:02Z")),
                MessageStatusRecord(
                    messageID: "106", status: .failed, timestamp: utc("2026-10-23T06:00:05Z"),
                    error: #"{"message":"131026 receiver incapable"}"#),
            ])
        // Ticket 31 opened 09:05 and closed (updated_at 09:20) by Coach Ravi; 32 open.
        #expect(
            conversion.conversationEvents == [
                ConversationEventRecord(contactID: A, event: .opened, timestamp: utc("2026-10-20T07:05:00Z")),
                ConversationEventRecord(
                    contactID: A, event: .closed, timestamp: utc("2026-10-20T07:20:00Z"), actorID: "919800000000",
                    actorName: "Coach Ravi"),
                ConversationEventRecord(contactID: B, event: .opened, timestamp: utc("2026-10-22T08:00:00Z")),
            ])
        // Flow contexts: 11 completed at 09:15, 12 killed at 13:00 → interrupted, 13 still
        // running (no completed_at); the journey's name comes from flow_results.name.
        #expect(
            conversion.journeyRuns == [
                JourneyRunRecord(
                    runID: "11", contactID: A, journeyID: "f1", journeyName: "Welcome",
                    startedAt: utc("2026-10-20T07:00:10Z"), endedAt: utc("2026-10-20T07:15:00Z"), outcome: .completed,
                    lastStep: "n9"),
                JourneyRunRecord(
                    runID: "12", contactID: B, journeyID: "f1", journeyName: "Welcome",
                    startedAt: utc("2026-10-21T10:00:05Z"), endedAt: utc("2026-10-21T11:00:00Z"), outcome: .interrupted,
                    lastStep: "n2"),
                JourneyRunRecord(
                    runID: "13", contactID: C, journeyID: "f1", journeyName: "Welcome",
                    startedAt: utc("2026-10-25T02:30:00Z"), endedAt: nil, outcome: nil, lastStep: "n1"),
            ])
        // results: age → category Adult, district → input Nord (no category); skipped has
        // neither: not a result.
        #expect(
            conversion.journeyResults == [
                JourneyResultRecord(
                    contactID: A, journeyID: "f1", runID: "11", question: "age", answer: "Adult",
                    timestamp: utc("2026-10-20T07:15:00Z")),
                JourneyResultRecord(
                    contactID: A, journeyID: "f1", runID: "11", question: "district", answer: "Nord",
                    timestamp: utc("2026-10-20T07:15:00Z")),
            ])
        // Contacts: Ana's newer row (line 1, updated 10-20) over her older one (line 3); Ben;
        // Cat only in messages and flow_contexts. Ana's empty age_group field is no field.
        #expect(
            conversion.contacts == [
                ContactRecord(
                    contactID: A, phone: "+491700000001", createdAt: utc("2026-10-01T07:00:00Z"),
                    optedInAt: utc("2026-10-20T08:00:00Z"), fields: [ContactField("district", "Nord")]),
                ContactRecord(
                    contactID: B, phone: "+491700000002", createdAt: utc("2026-09-01T06:00:00Z"),
                    optedInAt: utc("2026-09-01T06:00:00Z"), optedOutAt: utc("2026-10-22T16:00:00Z")),
                ContactRecord(contactID: C, phone: "+491700000003"),
            ])
    }

    @Test func everyRecordKnowsTheRowItWasMadeOf() throws {
        let conversion = try GlificFixtures.convert()
        let contexts = GlificFixtures.export.appendingPathComponent("flow_contexts-000000000000.json.gz").path
        let messages = GlificFixtures.export.appendingPathComponent("messages-000000000000.json").path
        // Run 13 is the gzipped file's third line; Cat, in no contacts row, is first seen in
        // message 105 (line 5); message 102 is its newer version on line 6; each status is the
        // version it was kept from (104's delivered line 15, 103's sent, delivered, read lines
        // 9, 10, 3, 106's failed line 7).
        let runs = try #require(conversion.recordsByKind.first { $0.kind == .journeyRuns }).records
        #expect(runs.last?.origin == RecordOrigin(file: contexts, line: 3))
        let contacts = try #require(conversion.recordsByKind.first { $0.kind == .contacts }).records
        #expect(contacts.last?.origin == RecordOrigin(file: messages, line: 5))
        #expect(conversion.origins[.messages]?[3] == RecordOrigin(file: messages, line: 6))
        #expect(conversion.origins[.messageStatuses]?.map(\.line) == [15, 4, 2, 6, 9, 10, 3, 12, 7])
        #expect(conversion.origins[.messageStatuses]?.allSatisfy { $0.file == messages } == true)
    }

    @Test func theSummaryNamesEveryMappingApplied() throws {
        let lines = try GlificFixtures.convert().summary.lines
        #expect(lines.contains { $0.hasPrefix("Glific export (DATETIMEs read in Europe/Berlin") })
        #expect(
            lines.contains(
                "Direction from messages.flow: 2 inbound; outbound by what sent them: user → coach (1, built in), "
                    + "broadcast → reminder (1, built in), flow → stack (2, built in), none → api (1, built in)"))
        #expect(
            lines.contains(
                "Statuses from the bsp_status of every version (at its updated_at; of one status of a message the "
                    + "earliest), per word the messages with it: delivered → delivered (3, 2 from older versions, "
                    + "built in), enqueued → none (2, built in), error → failed (1, 1 from older versions, built in), "
                    + "read → read (1, 1 from older versions, built in), sent → sent (4, 3 from older versions, "
                    + "built in)"))
        #expect(
            lines.contains(
                "Journey runs from flow_contexts (is_killed → interrupted, else completed_at → completed): "
                    + "completed 1, interrupted 1, active 1"))
        #expect(
            lines.contains(
                "  messages: 15 rows from 1 file; 8 older versions of an id: only their bsp_status read (the status "
                    + "history), the rest from the newest (updated_at, then bq_inserted_at)"))
    }

    @Test func authorMapOverridesABuiltInSourceAndTheSummarySaysSo() throws {
        let conversion = try GlificFixtures.convert(
            GlificImportOptions(zone: GlificFixtures.berlin, authorMap: ["broadcast": .api]))
        // 104 was the one broadcast.
        #expect(conversion.messages.first { $0.messageID == "104" }?.authorType == .api)
        #expect(conversion.summary.lines.contains { $0.contains("broadcast → api (1, --author-map)") })
    }

    @Test func newestVersionWinsByUpdatedAtThenBigQueryInsertTimeThenReadingOrder() {
        // Later updated_at wins whatever the other columns say.
        #expect(GlificRules.isNewer((2, 0, 0), than: (1, 9, 1)))
        // Same updated_at: the later bq_inserted_at wins.
        #expect(GlificRules.isNewer((1, 5, 0), than: (1, 4, 1)))
        #expect(!GlificRules.isNewer((1, 4, 1), than: (1, 5, 0)))
        // All equal: the one read last.
        #expect(GlificRules.isNewer((1, 4, 2), than: (1, 4, 1)))
        // A missing updated_at is older than any.
        #expect(!GlificRules.isNewer((nil, 9, 3), than: (1, nil, 0)))
    }

    @Test func rulesAsPlainFunctions() {
        #expect(GlificRules.isInbound(flow: "inbound") == true && GlificRules.isInbound(flow: "outbound") == false)
        #expect(GlificRules.isInbound(flow: "in") == nil)
        #expect(
            GlificRules.authorSource(userPhone: nil, userName: "Ravi", broadcast: true, flowUUID: "f", flowName: nil)
                == .user)
        #expect(
            GlificRules.authorSource(userPhone: nil, userName: nil, broadcast: false, flowUUID: nil, flowName: nil) == .none)
        #expect(GlificRules.outcome(isKilled: true, completedAt: nil) == .interrupted)
        #expect(GlificRules.outcome(isKilled: false, completedAt: 5) == .completed)
        #expect(GlificRules.outcome(isKilled: false, completedAt: nil) == nil)
        #expect(GlificRules.phone("919876543210") == "+919876543210" && GlificRules.phone("+4917012") == "+4917012")
        #expect(GlificRules.phone("09876543210") == nil && GlificRules.phone("abc") == nil)
    }

    @Test func fileNamesSayTheTable() {
        #expect(GlificTable(fileName: "messages.json") == .messages)
        #expect(GlificTable(fileName: "messages-000000000003.json.gz") == .messages)
        #expect(GlificTable(fileName: "flow_contexts.ndjson") == .flowContexts)
        #expect(GlificTable(fileName: "Tickets.jsonl") == .tickets)
        // Other Glific tables are not messages or contacts.
        #expect(GlificTable(fileName: "messages_media.json") == nil)
        #expect(GlificTable(fileName: "message_broadcast_contacts.json") == nil)
        #expect(GlificTable(fileName: "contact_histories.json") == nil)
    }
}
