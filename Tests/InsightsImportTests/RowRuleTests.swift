import InsightsImport
import InsightsTestSupport
import Testing

/// Every row rule of DATA.md that needs no stored data, each on its own line.
@Suite(.temporaryFolders) struct RowRuleTests {
    @Test func messageRules() throws {
        let path = try fixture(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-10-03T12:05:00Z,,,
            ,c1,inbound,2026-10-03T12:05:00Z,,,
            m3,,inbound,2026-10-03T12:05:00Z,,,
            m4,c1,sideways,2026-10-03T12:05:00Z,,,
            m5,c1,inbound,2026-10-03 12:05,,,
            m6,c1,inbound,2026-10-03T12:05:00,,,
            m7,c1,outbound,2026-10-03T12:05:00Z,,,
            m8,c1,inbound,2026-10-03T12:05:00Z,coach,,
            m9,c1,outbound,2026-10-03T12:05:00Z,robot,,
            m10,c1,inbound
            m11,c1,inbound,,,,
            """)
        let (records, issues) = try decodeAll(path)
        #expect(records.count == 1)
        #expect(
            issues == [
                RowIssue(line: 3, reason: "column \"message_id\": a value is required"),
                RowIssue(line: 4, reason: "column \"contact_id\": a value is required"),
                RowIssue(
                    line: 5, reason: "column \"direction\": \"sideways\" is not a direction (use inbound/outbound, in/out or I/O)"
                ),
                RowIssue(
                    line: 6,
                    reason:
                        "column \"timestamp\": \"2026-10-03 12:05\" is not a timestamp (use e.g. 2026-10-03T12:05:00Z, 2026-10-03 12:05:00 UTC or epoch seconds)"
                ),
                RowIssue(
                    line: 7,
                    reason:
                        "column \"timestamp\": \"2026-10-03T12:05:00\" has no time zone (add Z or an offset such as +02:00, or pass --assume-timezone ZONE)"
                ),
                RowIssue(
                    line: 8,
                    reason:
                        "column \"author_type\": an outbound message needs one of stack, coach, reminder, api, automation, thread"
                ),
                RowIssue(
                    line: 9, reason: "column \"author_type\": \"coach\" on an inbound message (must be empty: the user wrote it)"),
                RowIssue(
                    line: 10,
                    reason: "column \"author_type\": \"robot\" is not one of stack, coach, reminder, api, automation, thread"),
                RowIssue(line: 11, reason: "the row has 3 fields but the header has 7"),
                RowIssue(line: 12, reason: "column \"timestamp\": a value is required"),
            ])
    }

    @Test func contactConversationAndGoalRules() throws {
        let contacts = try fixture("contacts.csv", "contact_id,phone,country\nc1,+27821234567,za\nc2,,ZAF\nc3,,Z1\n")
        let (contactRecords, contactIssues) = try decodeAll(contacts)
        #expect(contactRecords == [.contact(.init(contactID: "c1", phone: "+27821234567", country: "ZA", createdAt: nil))])
        #expect(
            contactIssues.map(\.line) == [3, 4]
                && contactIssues[0].reason == "column \"country\": \"ZAF\" is not an ISO 3166-1 alpha-2 code (e.g. ZA, GB)")

        let events = try fixture(
            "conversation_events.csv", "contact_id,event,timestamp\nc1,closed,1791036300\nc1,archived,1791036300\n")
        let (_, eventIssues) = try decodeAll(events)
        #expect(
            eventIssues == [RowIssue(line: 3, reason: "column \"event\": \"archived\" is not one of closed, reopened, opened")])

        let goalEvents = try fixture(
            "goal_events.csv",
            "contact_id,goal_id,behaviour_id,event,timestamp\nc1,g1,,started,1791036300\nc1,g1,,actioned,1791036300\nc1,g1,,finished,1791036300\n"
        )
        let (_, goalIssues) = try decodeAll(goalEvents)
        #expect(
            goalIssues == [
                RowIssue(line: 3, reason: "column \"behaviour_id\": an actioned event needs the behaviour that was actioned"),
                RowIssue(line: 4, reason: "column \"event\": \"finished\" is not one of started, actioned, completed"),
            ])

        let behaviours = try fixture("behaviours.csv", "behaviour_id,goal_id,name\nb1,g1,\n")
        let (_, behaviourIssues) = try decodeAll(behaviours)
        #expect(behaviourIssues == [RowIssue(line: 2, reason: "column \"name\": a value is required")])
    }

    @Test func ndjsonRowProblems() throws {
        let path = try fixture(
            "goals.ndjson",
            """
            {"goal_id": "g1", "name": "A"}
            not json
            [1, 2]
            {"goal_id": "g3"}
            {"goal_id": "g4", "name": {"en": "x"}}
            """)
        let (records, issues) = try decodeAll(path)
        #expect(records.count == 1)
        #expect(
            issues == [
                RowIssue(line: 2, reason: "the line is not valid JSON"),
                RowIssue(line: 3, reason: "the line is JSON but not an object ({…})"),
                RowIssue(line: 4, reason: "the object has no \"name\" key"),
                RowIssue(line: 5, reason: "\"name\" holds an object or array, not a value"),
            ])
    }
}
