import Foundation
import InsightsFormat
import InsightsImport
import InsightsTurn
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The fixture export converted record by record.
///
/// The metrics of the same export are checked
/// end to end in `InsightsCLITests/TurnImportTests`.
@Suite(.temporaryFolders) struct TurnConversionTests {
    let mapped = TurnImportOptions(authorMap: ["REMINDER": .reminder, "THREAD": .thread])

    func convert(_ folder: URL = TurnFixtures.export, options: TurnImportOptions) throws -> TurnConversion {
        let (files, skipped) = try TurnExport.locate([folder.path])
        return try TurnConversion(files: files, skipped: skipped, options: options)
    }

    func file(_ name: String, in folder: URL = TurnFixtures.export) -> String {
        folder.appendingPathComponent(name).path
    }

    @Test func duplicatesKeepTheLatestUpdatedAt() throws {
        let conversion = try convert(options: mapped)
        let counts = conversion.summary.tables.map { "\($0.table.rawValue) \($0.rows) -\($0.duplicates)" }
        #expect(counts == ["contacts 5 -1", "chats 7 -2", "messages 19 -2", "chat_events 9 -1", "flow_results 12 -1"])
        // m12's newer version (updated 10:06) says op-1 Thandi; the older one, later in the file, op-2 Musa.
        let m12 = try #require(conversion.messages.first { $0.messageID == "m12" })
        #expect(m12.authorID == "op-1" && m12.authorName == "Thandi")
        #expect(conversion.messages.filter { $0.messageID == "m01" }.count == 1)
        // c-cat's newer contacts row has urn +254… (Kenya); the older one +255… (Tanzania).
        #expect(conversion.contacts.first { $0.contactID == "c-cat" }?.phone == "+254711110003")
    }

    @Test func messagesJoinContactsThroughChats() throws {
        let conversion = try convert(options: mapped)
        let byID = Dictionary(uniqueKeysWithValues: conversion.messages.map { ($0.messageID, $0) })
        #expect(
            byID["m14"]
                == MessageRecord(
                    messageID: "m14", contactID: "c-eve", inbound: true, timestamp: utc("2026-10-10T20:00")))
        // A Journey is named by its journey_uuid and journey_name, not the author's own id.
        #expect(
            byID["m06"]
                == MessageRecord(
                    messageID: "m06", contactID: "c-ben", inbound: false,
                    timestamp: utc("2026-10-05T12:00:03") + 250_000,
                    authorType: .stack, authorID: "j-onb", authorName: "Onboarding"))
        #expect(byID["m07"]?.authorType == .api && byID["m07"]?.authorName == "crm-sync")
        // m13 has no flat author_type: the author object's type is used.
        #expect(byID["m13"]?.authorType == .reminder && byID["m13"]?.contactID == "c-dan")
        #expect(byID["m16"]?.authorType == .thread)
        let uses = conversion.summary.authorTypes.map { "\($0.value)=\($0.type.rawValue) \($0.messages)" }
        #expect(
            uses == ["OPERATOR=coach 3", "REMINDER=reminder 2", "STACK=stack 3", "SYSTEM=api 1", "THREAD=thread 1"])
        #expect(conversion.summary.inboundMessages == 7)
    }

    @Test func phonesFromChatsOwnerThenUrnThenFromAddr() throws {
        let conversion = try convert(options: mapped)
        #expect(
            conversion.contacts.map { "\($0.contactID) \($0.phone ?? "-")" } == [
                "c-ana +27821110001", "c-ben +2348031110002", "c-cat +254711110003", "c-dan +447700900004",
                "c-eve 5511987650005",
            ])
        #expect(conversion.contacts.first?.createdAt == utc("2026-09-20T08:00"))
        #expect(
            conversion.summary.phoneSources == ["chats.owner": 3, "contacts.urn": 1, "messages.from_addr": 1])
    }

    @Test func unknownAuthorTypesStopTheImportAndSayTheFix() throws {
        let messages = file("messages.csv")
        let expected = TurnImportError(
            problems: [
                .unknownAuthorTypes([
                    .init(value: "THREAD", count: 1, file: messages, line: 3),
                    .init(value: "REMINDER", count: 2, file: messages, line: 17),
                ])
            ])
        #expect(throws: expected) { try convert(options: TurnImportOptions()) }
        let text = expected.localizedDescription
        #expect(text.contains("  THREAD: 1 message, first at \(messages):3"))
        #expect(text.contains("  REMINDER: 2 messages, first at \(messages):17"))
        #expect(text.contains("--author-map THREAD=thread,REMINDER=reminder"))
        // The user's map overrides the built-in one.
        let overridden = TurnImportOptions(authorMap: ["REMINDER": .reminder, "THREAD": .thread, "SYSTEM": .automation])
        #expect(try convert(options: overridden).messages.first { $0.messageID == "m07" }?.authorType == .automation)
    }

    @Test func closesFromChatEventsByTypeColumn() throws {
        let conversion = try convert(options: mapped)
        guard case .chatEvents(let files, let types) = conversion.summary.closes else {
            Issue.record("closes should come from chat_events")
            return
        }
        #expect(
            files.map(\.columns.description) == [
                "chat_id (chat), type (type), inserted_at (time), id (id), account_id (actor id), account_name (actor name)"
            ])
        #expect(
            types.map { "\($0.value)=\($0.action.rawValue) \($0.rows)" } == [
                "CHAT_ASSIGNED=ignore 2", "CHAT_CLOSED=closed 5", "CHAT_REOPENED=reopened 1",
            ])
        #expect(
            conversion.conversationEvents.map { "\($0.contactID) \($0.event.rawValue) \($0.actorName ?? "")" } == [
                "c-ana closed Thandi", "c-ben closed Musa", "c-ana closed Thandi", "c-ben closed Musa",
                "c-cat closed Thandi",
                "c-cat reopened Thandi",
            ])
        #expect(conversion.summary.closesNote.isEmpty)
        // --chat-event-map overrides the guess.
        var options = mapped
        options.chatEventMap = ["CHAT_ASSIGNED": .opened]
        let remapped = try convert(options: options)
        #expect(remapped.conversationEvents.filter { $0.event == .opened }.count == 2)
    }

    @Test func undetectableChatEventColumnsAreAnErrorWithTheFlag() throws {
        let folder = try TurnFixtures.copy(leaving: ["chat_events.csv"])
        try Data("id,chat_id,what,at\ne1,ch-1,CLOSED,2026-10-06 09:30:00 UTC\n".utf8)
            .write(to: folder.appendingPathComponent("chat_events.csv"))
        let path = file("chat_events.csv", in: folder)
        #expect {
            try convert(folder, options: mapped)
        } throws: { error in
            guard let error = error as? TurnImportError, error.problems.count == 1,
                case .chatEventColumns(path, let missing, let found) = error.problems[0]
            else { return false }
            return missing.roles == [.type, .time] && found == ["id", "chat_id", "what", "at"]
                && error.localizedDescription.contains("--chat-event-columns chat=COLUMN,type=COLUMN,time=COLUMN")
        }
        var options = mapped
        options.chatEventColumns = [.type: "what", .time: "at"]
        let conversion = try convert(folder, options: options)
        #expect(
            conversion.conversationEvents == [
                ConversationEventRecord(contactID: "c-ana", event: .closed, timestamp: utc("2026-10-06T09:30"))
            ])
    }

    @Test func withoutChatEventsClosesComeFromTheChatsStateApproximately() throws {
        let conversion = try convert(try TurnFixtures.copy(leaving: ["chat_events.csv"]), options: mapped)
        guard case .chatsState(let state) = conversion.summary.closes else {
            Issue.record("closes should come from the chats state")
            return
        }
        #expect(state.closed == 3 && state.open == 2 && state.reopenedBefore == 1 && state.otherStates.isEmpty)
        // One close per closed chat, at the latest version's updated_at.
        #expect(
            conversion.conversationEvents == [
                ConversationEventRecord(contactID: "c-ana", event: .closed, timestamp: utc("2026-10-06T09:30")),
                ConversationEventRecord(contactID: "c-ben", event: .closed, timestamp: utc("2026-10-07T09:00")),
                ConversationEventRecord(contactID: "c-dan", event: .closed, timestamp: utc("2026-10-10T06:00:01")),
            ])
        #expect(conversion.summary.closesNote.hasPrefix("Conversation closes are approximate"))
        #expect(conversion.summary.lines.contains { $0.hasPrefix("Conversation closes APPROXIMATE") })
    }

    @Test func flowResultsBecomeGoalEvents() throws {
        var options = mapped
        options.goals = try TurnGoalsMap(path: TurnFixtures.goals.path)
        options.goalsFile = "goals.json"
        let conversion = try convert(options: options)
        #expect(conversion.goals.map(\.goalID) == ["hydration", "sleep"])
        #expect(conversion.behaviours.map(\.behaviourID) == ["water-log", "bedtime"])
        #expect(
            conversion.goalEvents.map { "\($0.contactID) \($0.goalID) \($0.event.rawValue) \($0.behaviourID ?? "-")" }
                == [
                    "c-ana hydration started -",  // fr12, before the report period
                    "c-ana hydration started -",  // fr1 "Yes": responses ignore case
                    "c-ana hydration actioned water-log",  // fr2
                    "c-ana hydration completed -",  // fr4: the rule has no response, any matches
                    "c-ben hydration started -",  // fr5 (its duplicate dropped)
                    "c-ben hydration actioned water-log",  // fr6 "y"
                    "c-ben hydration actioned water-log",  // fr7 " YES ": trimmed
                    "c-cat sleep started -",  // fr9
                ])
        let goals = try #require(conversion.summary.goals)
        #expect(goals.results == 11 && goals.matched == 8 && goals.events == 8)
        #expect(goals.ignored == ["water_today": 1, "name": 1, "sleep_goal": 1])
        // Without a goals file every result is ignored, and the summary says how to use them.
        let without = try convert(options: mapped)
        #expect(without.goalEvents.isEmpty && without.summary.flowResultsWithoutMap == 11)
        #expect(without.summary.lines.contains { $0.contains("pass --goals-map FILE") })
    }

    @Test func rowProblemsNameTheirFileAndLine() throws {
        let folder = try TurnFixtures.copy(leaving: ["messages.csv"])
        try Data(
            """
            id,chat_id,direction,inserted_at,author,author_type
            m1,ch-1,inbound,2026-10-05 08:00:00 UTC,,OWNER
            m2,ch-9,inbound,2026-10-05 08:00:00 UTC,,OWNER
            m3,ch-1,sideways,2026-10-05 08:00:00 UTC,,OWNER
            m4,ch-1,outbound,yesterday,,OPERATOR
            m5,ch-1,outbound,2026-10-05 08:00:00 UTC,not json,OPERATOR
            m6,ch-1,outbound,2026-10-05 08:00:00,,OPERATOR

            """.utf8
        ).write(to: folder.appendingPathComponent("messages.csv"))
        let messages = file("messages.csv", in: folder)
        #expect(
            throws: TurnImportError(
                problems: [
                    .rows(
                        file: messages,
                        issues: [
                            RowIssue(
                                line: 3,
                                reason:
                                    "column \"chat_id\": chat \"ch-9\" is not in the chats table (export the whole chats table: it finds the message's contact)"
                            ),
                            RowIssue(
                                line: 4, reason: "column \"direction\": \"sideways\" is neither inbound nor outbound"),
                            RowIssue(
                                line: 5,
                                reason:
                                    "column \"inserted_at\": \"yesterday\" is not a timestamp (BigQuery writes e.g. 2026-10-03 12:05:00.123456 UTC)"
                            ),
                            RowIssue(
                                line: 6,
                                reason:
                                    "column \"author\": not a JSON object (expected e.g. {\"type\": \"OPERATOR\", \"id\": …, \"name\": …})"
                            ),
                            RowIssue(
                                line: 7,
                                reason:
                                    "column \"inserted_at\": \"2026-10-05 08:00:00\" has no time zone (Turn's times are UTC: add Z, or pass --assume-timezone UTC)"
                            ),
                        ], total: 5)
                ])
        ) { try convert(folder, options: mapped) }
    }

    @Test func messagesWithoutChatsNameTheMissingTable() throws {
        let folder = try TurnFixtures.copy(leaving: ["chats.ndjson"])
        let error = try #require(throws: TurnImportError.self) { try convert(folder, options: mapped) }
        #expect(
            error.problems == [
                .missingTable(.chats, neededBy: .messages, file: file("messages.csv", in: folder)),
                .missingTable(.chats, neededBy: .chatEvents, file: file("chat_events.csv", in: folder)),
            ])
        #expect(
            error.localizedDescription.contains(
                "messages rows need the chats table (chat_id → chats.contact_id finds the contact)"))
    }

    @Test func missingCSVColumnsAreFileErrors() throws {
        let folder = try TurnFixtures.copy(leaving: ["chats.ndjson"])
        try Data("id,owner\nch-1,+27821110001\n".utf8).write(to: folder.appendingPathComponent("chats.csv"))
        let error = try #require(throws: TurnImportError.self) { try convert(folder, options: mapped) }
        let chats = file("chats.csv", in: folder)
        #expect(
            error.problems.first
                == .file(
                    ImportError(file: chats, line: 1, reason: .missingColumns(["contact_id"], found: ["id", "owner"]))))
        #expect(
            error.localizedDescription.hasPrefix(
                "\(chats):1: required column \"contact_id\" missing; the header has: id, owner"))
    }
}
