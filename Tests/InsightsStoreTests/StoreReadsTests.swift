import Foundation
import InsightsImport
import InsightsMetrics
import InsightsStore
import InsightsTestSupport
import Testing

/// The period reads of Journeys, delivery, consent, response times and segments, on a tiny
/// hand-made import whose every expected row is worked out below.
@Suite(.temporaryFolders) struct StoreReadsTests {
    static let october = utc("2026-10-01T00:00")..<utc("2026-11-01T00:00")
    static let september = utc("2026-09-01T00:00")..<utc("2026-10-01T00:00")

    /// Contacts 1 c1, 2 c2, 3 c3 (the contacts file), 4 c4 (made by message m0).
    static func database() throws -> TestDatabase {
        let db = try TestDatabase()
        // Statuses first: m1's and m2's messages are not stored yet; m9's never is.
        try db.importText(
            "message_statuses.csv",
            """
            message_id,status,timestamp,error
            m1,sent,2026-10-03T10:00:01Z,
            m1,read,2026-10-03T10:05:00Z,
            m2,failed,2026-10-03T11:00:05Z,131026
            m9,delivered,2026-10-03T11:00:00Z,

            """)
        try db.importText(
            "contacts.csv",
            """
            contact_id,opted_in_at,opted_out_at,fields
            c1,2026-10-01T00:00:00Z,,"{""district"": ""Kisumu"", ""cohort"": 3}"
            c2,,2026-10-02T00:00:00Z,"{""district"": "" kisumu ""}"
            c3,,,"{""district"": ""Nairobi""}"

            """)
        try db.importText(
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,outbound,2026-10-03T10:00:00Z,coach,k1,Ann
            m2,c2,outbound,2026-10-03T11:00:00Z,stack,s1,
            m3,c1,inbound,2026-10-03T12:00:00Z,,,
            m4,c1,outbound,2026-10-03T12:00:00Z,coach,k1,
            m5,c2,outbound,2026-09-30T23:00:00Z,coach,k2,Bob
            m0,c4,outbound,2026-10-03T12:00:00Z,coach,k1,Ann B.
            m6,c1,outbound,2026-10-03T12:00:00Z,coach,k1,Ann C.

            """)
        try db.importText(
            "conversation_events.csv",
            """
            contact_id,event,timestamp,actor_id,actor_name,seq
            c1,closed,2026-10-03T13:00:00Z,k1,Ann,2
            c1,reopened,2026-10-03T13:00:00Z,k1,Ann,1
            c2,closed,2026-10-03T13:00:00Z,k2,Bob,
            c1,closed,2026-09-30T13:00:00Z,k1,Ann,

            """)
        try db.importText(
            "journey_runs.csv",
            """
            run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
            r1,c1,j1,Old name,2026-09-20T00:00:00Z,,,
            r2,c2,j1,,2026-10-05T00:00:00Z,,,q1
            r3,c1,j1,New name,2026-10-04T00:00:00Z,2026-10-04T00:10:00Z,completed,done
            r4,c3,j2,,2026-10-06T00:00:00Z,2026-10-07T00:00:00Z,expired,q2
            r5,c3,j2,Second,2026-11-02T00:00:00Z,,,
            r6,c1,j3,Zed,2026-10-08T00:00:00Z,,,
            r7,c1,j3,Alpha,2026-10-08T00:00:00Z,,,
            r2,c2,j1,,2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,interrupted,q3

            """)
        try db.importText(
            "journey_results.csv",
            """
            contact_id,journey_id,run_id,question,answer,timestamp
            c1,j1,r3,week,12,2026-10-04T00:05:00Z
            c1,j1,r3,week,13,2026-10-04T00:05:00Z
            c1,j1,r3,week,12,2026-10-04T00:05:00Z
            c2,j1,,mood,good,2026-09-30T00:00:00Z

            """)
        return db
    }

    @Test func journeyRunsNamesAndResults() throws {
        let db = try Self.database()
        // Started in October, by started_at: r3 (4th), r2 (5th; its second row replaced it:
        // interrupted at q3), r4 (6th), r6 and r7 (8th, in import order). r1 (September) and
        // r5 (November) are outside.
        #expect(
            try db.store.journeyRuns(startedIn: Self.october) == [
                JourneyRunRow(
                    runID: "r3", contact: 1, journeyID: "j1", startedAt: utc("2026-10-04T00:00"),
                    endedAt: utc("2026-10-04T00:10"), outcome: .completed, lastStep: "done"),
                JourneyRunRow(
                    runID: "r2", contact: 2, journeyID: "j1", startedAt: utc("2026-10-05T00:00"),
                    endedAt: utc("2026-10-05T01:00"), outcome: .interrupted, lastStep: "q3"),
                JourneyRunRow(
                    runID: "r4", contact: 3, journeyID: "j2", startedAt: utc("2026-10-06T00:00"),
                    endedAt: utc("2026-10-07T00:00"), outcome: .expired, lastStep: "q2"),
                JourneyRunRow(runID: "r6", contact: 1, journeyID: "j3", startedAt: utc("2026-10-08T00:00")),
                JourneyRunRow(runID: "r7", contact: 1, journeyID: "j3", startedAt: utc("2026-10-08T00:00")),
            ])
        // j1: r3 (4 Oct) is newer than r1 (20 Sep); j2: r5 (November) names it, over all data;
        // j3: r6 and r7 start together, r7 is the larger run_id; j4 has no run.
        #expect(
            try db.store.journeyNames(for: ["j1", "j2", "j3", "j4"]) == ["j1": "New name", "j2": "Second", "j3": "Alpha"])
        // The third row repeats the first (stored once); the fourth is September's. Row ids 1, 2.
        #expect(
            try db.store.journeyResults(in: Self.october) == [
                JourneyResultRow(
                    contact: 1, journeyID: "j1", question: "week", answer: "12", timestamp: utc("2026-10-04T00:05"), sequence: 1),
                JourneyResultRow(
                    contact: 1, journeyID: "j1", question: "week", answer: "13", timestamp: utc("2026-10-04T00:05"), sequence: 2),
            ])
    }

    @Test func deliveryAndConsent() throws {
        let db = try Self.database()
        // October's outbound messages with a status, by time then import order: m1 and m2 (m4,
        // m0 and m6 at 12:00 have none, so they are not listed). The statuses imported before
        // the messages count; m9's does not.
        #expect(
            try db.store.outboundDeliveries(in: Self.october) == [
                OutboundDeliveryRow(
                    contact: 1, timestamp: utc("2026-10-03T10:00"), authorType: .coach,
                    statuses: [
                        MessageStatusRow(status: .sent, timestamp: utc("2026-10-03T10:00:01")),
                        MessageStatusRow(status: .read, timestamp: utc("2026-10-03T10:05")),
                    ]),
                OutboundDeliveryRow(
                    contact: 2, timestamp: utc("2026-10-03T11:00"), authorType: .stack,
                    statuses: [MessageStatusRow(status: .failed, timestamp: utc("2026-10-03T11:00:05"), error: "131026")]),
            ])
        // September: m5 alone, with no status.
        #expect(try db.store.outboundDeliveries(in: Self.september) == [])
        #expect(try db.store.hasMessageStatuses())
        #expect(
            try db.store.consentRows() == [
                ConsentRow(contact: 1, optedInAt: utc("2026-10-01T00:00"), optedOutAt: nil),
                ConsentRow(contact: 2, optedInAt: nil, optedOutAt: utc("2026-10-02T00:00")),
            ])
        #expect(try db.store.hasConsentTimes())

        let empty = try TestDatabase()
        try empty.importText("contacts.csv", "contact_id,phone\nc1,+27821234567\n")
        #expect(try !empty.store.hasMessageStatuses())
        #expect(try !empty.store.hasConsentTimes())
        #expect(try empty.store.consentRows().isEmpty)
    }

    @Test func coachMessagesClosesAndNames() throws {
        let db = try Self.database()
        // October's coach messages by time then message_id: m1 (10:00), then m0, m4, m6 at
        // 12:00. m2 is a Journey's; m5 is September's.
        #expect(
            try db.store.coachMessages(in: Self.october) == [
                CoachMessageRow(
                    messageID: "m1", contact: 1, timestamp: utc("2026-10-03T10:00"), authorID: "k1", authorName: "Ann"),
                CoachMessageRow(
                    messageID: "m0", contact: 4, timestamp: utc("2026-10-03T12:00"), authorID: "k1", authorName: "Ann B."),
                CoachMessageRow(messageID: "m4", contact: 1, timestamp: utc("2026-10-03T12:00"), authorID: "k1"),
                CoachMessageRow(
                    messageID: "m6", contact: 1, timestamp: utc("2026-10-03T12:00"), authorID: "k1", authorName: "Ann C."),
            ])
        // c1's reopen (seq 1) applies before its close (seq 2) at 13:00: the close is second;
        // c2's close is alone at its instant. September's close of c1 is outside.
        #expect(
            try db.store.closeEvents(in: Self.october) == [
                CloseEventRow(contact: 1, timestamp: utc("2026-10-03T13:00"), actorID: "k1", sequence: 2),
                CloseEventRow(contact: 2, timestamp: utc("2026-10-03T13:00"), actorID: "k2", sequence: 1),
            ])
        // k1's named messages: m1 (10:00) Ann, m0 and m6 (12:00): m6 is the larger id. m4 has
        // no name. k2: Bob (m5, September: names resolve over all data).
        #expect(try db.store.authorNames(for: ["k1", "k2", "k9"]) == ["k1": "Ann C.", "k2": "Bob"])
    }

    @Test func closesAtOneInstantAreNumberedInReplayOrder() throws {
        let db = try TestDatabase()
        // At 13:00 (one event per contact, kind and instant): c1's close without seq is
        // imported first, then an open with seq 5 and a reopen without seq: open, close,
        // reopen. c2's reopen comes before its close, neither with seq. c4's open without seq
        // is imported before its close with seq 3: the close comes first. c3's close at
        // 13:00:01 is alone. Replay order: events with seq first, then the others in import
        // order. Contact row ids follow first appearance: c1 1, c2 2, c4 3, c3 4.
        try db.importText(
            "conversation_events.csv",
            """
            contact_id,event,timestamp,actor_id,actor_name,seq
            c1,closed,2026-10-03T13:00:00Z,k1,,
            c2,reopened,2026-10-03T13:00:00Z,,,
            c4,opened,2026-10-03T13:00:00Z,,,
            c1,opened,2026-10-03T13:00:00Z,,,5
            c2,closed,2026-10-03T13:00:00Z,k2,,
            c1,reopened,2026-10-03T13:00:00Z,,,
            c4,closed,2026-10-03T13:00:00Z,k4,,3
            c3,closed,2026-10-03T13:00:01Z,,,

            """)
        #expect(
            try db.store.closeEvents(in: Self.october) == [
                CloseEventRow(contact: 1, timestamp: utc("2026-10-03T13:00"), actorID: "k1", sequence: 2),
                CloseEventRow(contact: 2, timestamp: utc("2026-10-03T13:00"), actorID: "k2", sequence: 2),
                CloseEventRow(contact: 3, timestamp: utc("2026-10-03T13:00"), actorID: "k4", sequence: 1),
                CloseEventRow(contact: 4, timestamp: utc("2026-10-03T13:00:01"), actorID: nil, sequence: 1),
            ])
    }

    @Test func contactsByFieldValue() throws {
        let db = try Self.database()
        // "Kisumu" and " kisumu " match "KISUMU " once trimmed and folded; names match exactly.
        #expect(try db.store.contacts(whereField: "district", equals: "KISUMU ") == [1, 2])
        #expect(try db.store.contacts(whereField: "district", equals: "nairobi") == [3])
        #expect(try db.store.contacts(whereField: "District", equals: "Kisumu").isEmpty)
        #expect(try db.store.contacts(whereField: "cohort", equals: "3") == [1])
        #expect(try db.store.fieldValues("district") == [1: "Kisumu", 2: " kisumu ", 3: "Nairobi"])

        // A later import of c1 replaces its fields whole: no district, a new language.
        try db.importText("contacts-2.csv", "contact_id,fields\nc1,\"{\"\"language\"\": \"\"sw\"\"}\"\n", kind: .contacts)
        #expect(try db.store.contacts(whereField: "district", equals: "kisumu") == [2])
        #expect(try db.store.fieldValues("language") == [1: "sw"])
        #expect(try db.store.fieldValues("cohort").isEmpty)
        // And its consent times with it: the file has none.
        #expect(try db.store.consentRows() == [ConsentRow(contact: 2, optedInAt: nil, optedOutAt: utc("2026-10-02T00:00"))])
    }
}

@Suite(.temporaryFolders) struct GoalOrderTests {
    @Test func goalsAndBehavioursAreListedByPositionThenImportOrder() throws {
        let db = try TestDatabase()
        try db.importText("goals.csv", "goal_id,name,position\ng1,Walk,2\ng2,Quit,\ng3,Sleep,1\ng4,Eat,\n")
        try db.importText("behaviours.csv", "behaviour_id,goal_id,name,position\nb1,g1,Walked,\nb2,g1,Ran,3\nb3,g3,Slept,\n")
        // g3 (1), g1 (2), then the goals without a position in import order: g2, g4. Within
        // g1: b2 (3) before b1 (none).
        #expect(
            try db.store.goalDefinitions() == [
                GoalDefinition(id: "g3", name: "Sleep", behaviours: [BehaviourDefinition(id: "b3", name: "Slept")]),
                GoalDefinition(
                    id: "g1", name: "Walk",
                    behaviours: [BehaviourDefinition(id: "b2", name: "Ran"), BehaviourDefinition(id: "b1", name: "Walked")]),
                GoalDefinition(id: "g2", name: "Quit", behaviours: []),
                GoalDefinition(id: "g4", name: "Eat", behaviours: []),
            ])
    }
}
