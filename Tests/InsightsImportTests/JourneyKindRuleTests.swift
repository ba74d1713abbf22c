import InsightsImport
import InsightsMetrics
import InsightsTestSupport
import Testing

/// The row rules of message statuses, Journey runs and results, contact fields and the
/// integer columns `position` and `seq`, each on its own line.
@Suite(.temporaryFolders) struct JourneyKindRuleTests {
    @Test func statusRules() throws {
        let path = try fixture(
            "message_statuses.csv",
            """
            message_id,status,timestamp,error
            m1, Read ,1791036300,
            m2,failed,1791036300,131026
            ,sent,1791036300,
            m4,bounced,1791036300,
            m5,sent,,
            m6,sent,2026-10-03 12:05,

            """)
        let (records, issues) = try decodeAll(path)
        // 1791036300 s is 2026-10-03T14:05:00Z: 1,791,036,300,000,000 µs.
        #expect(
            records == [
                .messageStatus(MessageStatusRecord(messageID: "m1", status: .read, timestamp: 1_791_036_300_000_000)),
                .messageStatus(
                    MessageStatusRecord(messageID: "m2", status: .failed, timestamp: 1_791_036_300_000_000, error: "131026")),
            ])
        #expect(
            issues == [
                RowIssue(line: 4, reason: "column \"message_id\": a value is required"),
                RowIssue(line: 5, reason: "column \"status\": \"bounced\" is not one of sent, delivered, read, failed"),
                RowIssue(line: 6, reason: "column \"timestamp\": a value is required"),
                RowIssue(
                    line: 7,
                    reason:
                        "column \"timestamp\": \"2026-10-03 12:05\" is not a timestamp (use e.g. 2026-10-03T12:05:00Z, 2026-10-03 12:05:00 UTC or epoch seconds)"
                ),
            ])
    }

    @Test func runRules() throws {
        let path = try fixture(
            "journey_runs.csv",
            """
            run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
            r1,c1,j1,Onboarding,1791036300,,,q1
            r2,c1,j1,,1791036300,1791036360, Completed ,done
            r3,c1,j1,,1791036300,1791036360,,q2
            r4,c1,j1,,1791036300,,expired,q2
            r5,c1,j1,,1791036300,1791036360,finished,q2
            ,c1,j1,,1791036300,,,
            r7,,j1,,1791036300,,,
            r8,c1,,,1791036300,,,
            r9,c1,j1,,,,,
            r10,c1,j1,,1791036300,yesterday,completed,

            """)
        let (records, issues) = try decodeAll(path)
        #expect(
            records == [
                .journeyRun(
                    JourneyRunRecord(
                        runID: "r1", contactID: "c1", journeyID: "j1", journeyName: "Onboarding",
                        startedAt: 1_791_036_300_000_000, lastStep: "q1")),
                .journeyRun(
                    JourneyRunRecord(
                        runID: "r2", contactID: "c1", journeyID: "j1", startedAt: 1_791_036_300_000_000,
                        endedAt: 1_791_036_360_000_000, outcome: .completed, lastStep: "done")),
            ])
        #expect(
            issues == [
                RowIssue(
                    line: 4,
                    reason: "column \"outcome\": a run with an ended_at needs its outcome (completed, expired or interrupted)"),
                RowIssue(
                    line: 5,
                    reason: "column \"outcome\": \"expired\" on a run with no ended_at (a run still going has no outcome)"),
                RowIssue(line: 6, reason: "column \"outcome\": \"finished\" is not one of completed, expired, interrupted"),
                RowIssue(line: 7, reason: "column \"run_id\": a value is required"),
                RowIssue(line: 8, reason: "column \"contact_id\": a value is required"),
                RowIssue(line: 9, reason: "column \"journey_id\": a value is required"),
                RowIssue(line: 10, reason: "column \"started_at\": a value is required"),
                RowIssue(
                    line: 11,
                    reason:
                        "column \"ended_at\": \"yesterday\" is not a timestamp (use e.g. 2026-10-03T12:05:00Z, 2026-10-03 12:05:00 UTC or epoch seconds)"
                ),
            ])
    }

    @Test func resultRules() throws {
        let path = try fixture(
            "journey_results.ndjson",
            """
            {"contact_id":"c1","journey_id":"j1","question":"week","answer":12,"timestamp":1791036300}
            {"contact_id":"c1","journey_id":"j1","run_id":"r1","question":"","answer":"x","timestamp":1791036300}
            {"contact_id":"c1","journey_id":"j1","question":"week","answer":null,"timestamp":1791036300}
            {"contact_id":"c1","question":"week","answer":"x","timestamp":1791036300}

            """)
        let (records, issues) = try decodeAll(path)
        #expect(
            records == [
                .journeyResult(
                    JourneyResultRecord(
                        contactID: "c1", journeyID: "j1", question: "week", answer: "12", timestamp: 1_791_036_300_000_000))
            ])
        #expect(
            issues == [
                RowIssue(line: 2, reason: "column \"question\": a value is required"),
                RowIssue(line: 3, reason: "column \"answer\": a value is required"),
                RowIssue(line: 4, reason: "the object has no \"journey_id\" key"),
            ])
    }

    @Test func contactFieldsAndConsent() throws {
        let csv = try fixture(
            "contacts.csv",
            #"""
            contact_id,opted_in_at,opted_out_at,fields
            c1,1791036300,,"{""district"": ""Kisumu"", ""cohort"": 3, ""sms"": true, ""x"": null, ""y"": """", ""z"": 2.50}"
            c2,,1791036300,"{""a"": {""b"": 1}}"
            c3,,,"{""a"": [1]}"
            c4,,,"[1, 2]"
            c5,,,"{""a"": ""1"", ""a"": ""2""}"
            c6,,,"{""a"": ""\u00e9\n""}"
            c7,,,{}
            c8,soon,,

            """#)
        let (records, issues) = try decodeAll(csv)
        #expect(
            records == [
                .contact(
                    ContactRecord(
                        contactID: "c1", optedInAt: 1_791_036_300_000_000,
                        fields: [.init("district", "Kisumu"), .init("cohort", "3"), .init("sms", "true"), .init("z", "2.50")])),
                .contact(ContactRecord(contactID: "c6", fields: [.init("a", "é\n")])),
                .contact(ContactRecord(contactID: "c7")),
            ])
        #expect(
            issues == [
                RowIssue(
                    line: 3,
                    reason:
                        "column \"fields\": the value \"a\" holds an object or array (a field must be text, a number or true/false)"
                ),
                RowIssue(
                    line: 4,
                    reason:
                        "column \"fields\": the value \"a\" holds an object or array (a field must be text, a number or true/false)"
                ),
                RowIssue(line: 5, reason: "column \"fields\": the value is not a JSON object ({\"name\": value, …})"),
                RowIssue(line: 6, reason: "column \"fields\": the value names \"a\" twice"),
                RowIssue(
                    line: 9,
                    reason:
                        "column \"opted_in_at\": \"soon\" is not a timestamp (use e.g. 2026-10-03T12:05:00Z, 2026-10-03 12:05:00 UTC or epoch seconds)"
                ),
            ])

        let ndjson = try fixture(
            "contacts.ndjson",
            """
            {"contact_id":"n1","FIELDS":{"district":"Kisumu","cohort":3,"nested_text":"{\\"k\\": [1]}"},"phone":"+27821234567"}
            {"contact_id":"n2","fields":{"a":{"b":1}}}
            {"contact_id":"n3","fields":"{\\"a\\": \\"text form\\"}"}

            """)
        let (ndRecords, ndIssues) = try decodeAll(ndjson)
        #expect(
            ndRecords == [
                .contact(
                    ContactRecord(
                        contactID: "n1", phone: "+27821234567",
                        fields: [.init("district", "Kisumu"), .init("cohort", "3"), .init("nested_text", "{\"k\": [1]}")])),
                .contact(ContactRecord(contactID: "n3", fields: [.init("a", "text form")])),
            ])
        #expect(
            ndIssues == [
                RowIssue(
                    line: 2,
                    reason:
                        "column \"fields\": the value \"a\" holds an object or array (a field must be text, a number or true/false)"
                )
            ])
    }

    @Test func positionAndSeqAreWholeNumbers() throws {
        let goals = try fixture("goals.csv", "goal_id,name,position\ng1,Walk, 2 \ng2,Quit,\ng3,Sleep,1.5\n")
        let (goalRecords, goalIssues) = try decodeAll(goals)
        #expect(
            goalRecords == [
                .goal(GoalRecord(goalID: "g1", name: "Walk", position: 2)), .goal(GoalRecord(goalID: "g2", name: "Quit")),
            ])
        #expect(goalIssues == [RowIssue(line: 4, reason: "column \"position\": \"1.5\" is not a whole number")])

        let events = try fixture(
            "conversation_events.ndjson",
            """
            {"contact_id":"c1","event":"closed","timestamp":1791036300,"seq":3}
            {"contact_id":"c1","event":"opened","timestamp":1791036300,"seq":"first"}

            """)
        let (eventRecords, eventIssues) = try decodeAll(events)
        #expect(
            eventRecords == [
                .conversationEvent(
                    ConversationEventRecord(contactID: "c1", event: .closed, timestamp: 1_791_036_300_000_000, seq: 3))
            ])
        #expect(eventIssues == [RowIssue(line: 2, reason: "column \"seq\": \"first\" is not a whole number")])
    }

    @Test func newKindsFromFileNames() {
        #expect(RecordKind(fileName: "message_statuses.ndjson.gz") == .messageStatuses)
        #expect(RecordKind(fileName: "journey_runs-2026-10.csv") == .journeyRuns)
        #expect(RecordKind(fileName: "Journey_Results.jsonl") == .journeyResults)
    }
}
