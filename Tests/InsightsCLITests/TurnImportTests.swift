import Foundation
import InsightsTestSupport
import Testing

/// `insights import --source turn` on the hand-written Turn-shaped export of
/// `Tests/InsightsTurnTests/Fixtures/turn` (its README tells the story), then `insights
/// report` for 2026-10-05 … 2026-10-11 (UTC), compared with numbers worked out by hand.
@Suite(.serialized, .temporaryFolders) struct TurnImportTests {
    let root = TestPaths.packageRoot
    let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsTurnTests/Fixtures/turn")
    let authorMap = ["--author-map", "REMINDER=reminder,THREAD=thread"]

    /// Imports `export` into a new database and reports the fixture week; returns the metrics
    /// and the import's standard output.
    func importAndReport(_ export: URL, goals: Bool = true) throws -> (
        metrics: Any, stdout: String, reportStdout: String, page: String
    ) {
        let work = try TestPaths.temporaryDirectory("turn-cli")
        let database = work.appendingPathComponent("turn.sqlite").path
        var arguments = ["import", "--db", database, "--source", "turn", export.path] + authorMap
        if goals { arguments += ["--goals-map", fixtures.appendingPathComponent("goals.json").path] }
        let imported = try CLIRunner.run(arguments, in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            ["report", "--db", database, "--from", "2026-10-05", "--to", "2026-10-11", "--out", out.path], in: root)
        #expect(reported.status == 0, "\(reported.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        return (try readJSON(out.appendingPathComponent("metrics.json")), imported.stdout, reported.stdout, page)
    }

    @Test func exportFolderBecomesTheHandWorkedReport() throws {
        let (metrics, stdout, reportStdout, page) = try importAndReport(fixtures.appendingPathComponent("export"))
        // Inbound messages in the week (UTC), after de-duplication (m01 is in the file twice):
        //   Ana  m01 10-05 08:00, m03 10-06 09:00   (her first inbound ever, m00, is 2026-09-20)
        //   Ben  m05 10-05 12:00, m08 10-07 07:30
        //   Cat  m10 10-08 10:00
        //   Eve  m14 10-10 20:00                     (no chats.owner, no contacts row: from_addr)
        //   Dan  none (only a reminder was sent to him)
        // active 4; new 3 (Ben, Cat, Eve); returning 1 (Ana).
        // Daily active: 10-05 Ana+Ben (Ben new), 10-06 Ana, 10-07 Ben, 10-08 Cat (new), 10-10 Eve (new).
        // Countries: chats.owner +27… ZA, +234… NG; contacts.urn +254… KE (the newer of two rows; the
        // older says +255… TZ); from_addr 55 11… BR.
        let audience: [String: Any] = [
            "active_users": 4, "new_users": 3, "returning_users": 1,
            "daily": [
                ["date": "2026-10-05", "active_users": 2, "new_users": 1, "returning_users": 1],
                ["date": "2026-10-06", "active_users": 1, "new_users": 0, "returning_users": 1],
                ["date": "2026-10-07", "active_users": 1, "new_users": 0, "returning_users": 1],
                ["date": "2026-10-08", "active_users": 1, "new_users": 1, "returning_users": 0],
                ["date": "2026-10-09", "active_users": 0, "new_users": 0, "returning_users": 0],
                ["date": "2026-10-10", "active_users": 1, "new_users": 1, "returning_users": 0],
                ["date": "2026-10-11", "active_users": 0, "new_users": 0, "returning_users": 0],
            ],
            "countries": [
                ["country": "BR", "active_users": 1], ["country": "KE", "active_users": 1],
                ["country": "NG", "active_users": 1], ["country": "ZA", "active_users": 1],
            ],
        ]
        // Received: the 6 inbound above. Sent (9): m02 STACK, m06 STACK, m15 STACK; m04 OPERATOR,
        // m09 OPERATOR, m12 OPERATOR (its newer version: op-1 Thandi); m11 REMINDER, m13 REMINDER
        // (type only in the author object); m07 SYSTEM. m16 (THREAD) is from 2024.
        // Per day received/sent: 10-05 2/2, 10-06 1/1, 10-07 1/2, 10-08 1/1, 10-09 0/1, 10-10 1/2.
        // avg per user per day = 6 received / (2+1+1+1+1) daily active = 1.0.
        let engagement: [String: Any] = [
            "messages_received": 6, "messages_sent": 9, "avg_messages_per_user_per_day": 1.0,
            "daily": [
                ["date": "2026-10-05", "received": 2, "sent": 2], ["date": "2026-10-06", "received": 1, "sent": 1],
                ["date": "2026-10-07", "received": 1, "sent": 2], ["date": "2026-10-08", "received": 1, "sent": 1],
                ["date": "2026-10-09", "received": 0, "sent": 1], ["date": "2026-10-10", "received": 1, "sent": 2],
                ["date": "2026-10-11", "received": 0, "sent": 0],
            ],
        ]
        // Authorship: stack 3/9, coach 3/9, reminder 2/9, api 1/9. Journeys are named by
        // journey_uuid/journey_name; coaches by the operator's id/name.
        // Conversations, from chat_events (CHAT_CLOSED → closed, CHAT_REOPENED → reopened,
        // CHAT_ASSIGNED ignored; e5 is in the file twice):
        //   Ana: closed 09-20 12:00 (e1) → m01 10-05 08:00 re-opens → e4 closes 10-06 09:30 (25.5 h)
        //   Ben: m05 opens 10-05 12:00 → e2 12:30 (0.5 h) → m08 re-opens 10-07 07:30 → e5 09:00 (1.5 h)
        //   Cat: m10 opens 10-08 10:00 → e7 11:00 (1 h) → e8 re-opens 10-09 10:01, open at the end
        //   Eve: m14 opens 10-10 20:00, open at the end
        // active 4; opened 1+2+2+1 = 6; reopened 3; closed 4; open/closed at end 2/2;
        // median of 0.5, 1, 1.5, 25.5 = 1.25 h.
        let guidance: [String: Any] = [
            "conversations": [
                "active": 4, "open_at_end": 2, "closed_at_end": 2, "opened": 6, "reopened": 3, "closed": 4,
                "median_time_to_close_hours": 1.25,
            ],
            "authorship": [
                ["author_type": "stack", "messages": 3, "share": 3.0 / 9],
                ["author_type": "coach", "messages": 3, "share": 3.0 / 9],
                ["author_type": "reminder", "messages": 2, "share": 2.0 / 9],
                ["author_type": "api", "messages": 1, "share": 1.0 / 9],
                ["author_type": "automation", "messages": 0, "share": 0],
                ["author_type": "thread", "messages": 0, "share": 0],
            ],
            "top_authors": [
                "stack": [
                    ["author_id": "j-onb", "name": "Onboarding", "messages": 2],
                    ["author_id": "j-faq", "name": "FAQ", "messages": 1],
                ],
                "coach": [
                    ["author_id": "op-1", "name": "Thandi", "messages": 2],
                    ["author_id": "op-2", "name": "Musa", "messages": 1],
                ],
                "reminder": [["author_id": "rem-1", "name": "Weekly check-in", "messages": 2]],
                "api": [["author_id": "tok-1", "name": "crm-sync", "messages": 1]],
                "automation": [[String: Any]](), "thread": [[String: Any]](),
            ],
        ]
        // Goals, from flow_results through goals.json (fr5 is in the file twice; fr12 is 09-21):
        //   hydration started: Ana fr1 "Yes", Ben fr5 → 2; completed: Ana fr4 → 1; rate 0.5
        //     water-log actioned: Ana fr2, Ben fr6 "y", Ben fr7 " YES " → 2 users, 3 actions
        //     (fr3 "no" matches no rule)
        //   sleep started: Cat fr9 → 1 (Eve's "no" matches no rule); completed 0; rate 0
        let impact: [String: Any] = [
            "goals": [
                [
                    "goal_id": "hydration", "name": "Drink enough water", "started": 2, "completed": 1,
                    "completion_rate": 0.5,
                    "behaviours": [["behaviour_id": "water-log", "name": "Logged water", "users": 2, "actions": 3]],
                ],
                [
                    "goal_id": "sleep", "name": "Sleep routine", "started": 1, "completed": 0, "completion_rate": 0,
                    "behaviours": [["behaviour_id": "bedtime", "name": "Kept bedtime", "users": 0, "actions": 0]],
                ],
            ]
        ]
        let expected: [String: Any] = [
            "audience": audience, "engagement": engagement, "guidance": guidance, "impact": impact,
        ]
        let found = differences(expected: expected, actual: metrics)
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")

        // The summary shows every choice.
        for line in [
            "  messages: 19 rows read from", "2 older versions of an id dropped (kept the latest updated_at)",
            "skipped \(fixtures.path)/export/attachments.csv: not a table Insights reads",
            "OPERATOR → coach (3, built in), REMINDER → reminder (2, --author-map), STACK → stack (3, built in), "
                + "SYSTEM → api (1, built in), THREAD → thread (1, --author-map); 7 inbound (OWNER)",
            "Contacts: 5; phone from chats.owner 3, contacts.urn 1, messages.from_addr 1",
            "columns chat_id (chat), type (type), inserted_at (time), id (id), account_id (actor id), account_name (actor name)",
            "event types: CHAT_ASSIGNED → ignore (2, guessed), CHAT_CLOSED → closed (5, guessed), CHAT_REOPENED → reopened (1, guessed)",
            "2 goals, 2 behaviours; flow_results: 11 → 8 goal events from 8 results, 3 ignored "
                + "(question_id: name 1, sleep_goal 1, water_today 1)",
            "  messages: 17 converted, 17 new, 0 replaced",
        ] {
            #expect(stdout.contains(line), "summary lacks: \(line)\n\(stdout)")
        }
        #expect(!stdout.contains("APPROXIMATE") && !reportStdout.contains("note:") && !page.contains("class=\"callout note\""))
    }

    @Test func withoutChatEventsClosesAreApproximateAndSaidSo() throws {
        let export = try TestPaths.temporaryDirectory("turn-approx").appendingPathComponent("export")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("export"), to: export)
        try FileManager.default.removeItem(at: export.appendingPathComponent("chat_events.csv"))
        let (metrics, stdout, reportStdout, page) = try importAndReport(export, goals: false)
        // The latest version of each chat: ch-1 Ana CLOSED at 10-06 09:30 (the older version,
        // later in the file, says 09-20 12:00), ch-2 Ben CLOSED 10-07 09:00, ch-4 Dan CLOSED
        // 10-10 06:00:01, ch-3 Cat and ch-5 Eve OPEN.
        //   Ana: m00 opened her conversation 09-20 and no earlier close is known → open at the
        //        start; closed 10-06 09:30, 16 days 1.5 h = 385.5 h after it opened
        //   Ben: m05 opens 10-05 12:00; m08 changes nothing; closed 10-07 09:00 (45 h)
        //   Cat: m10 opens 10-08 10:00 (her close and re-open are not known); Eve: m14 opens
        //   Dan: a close of a conversation that never opened counts for nothing
        // active 4; opened 3 (Ben, Cat, Eve); reopened 0; closed 2; median (45 + 385.5) / 2 = 215.25.
        let expected: [String: Any] = [
            "guidance": [
                "conversations": [
                    "active": 4, "open_at_end": 2, "closed_at_end": 2, "opened": 3, "reopened": 0, "closed": 2,
                    "median_time_to_close_hours": 215.25,
                ]
            ],
            "impact": ["goals": [Any]()],
            "audience": ["active_users": 4],
        ]
        let found = differences(expected: expected, actual: metrics)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        #expect(
            stdout.contains(
                "Conversation closes APPROXIMATE: no chat_events table, so the chats table's state was used"))
        #expect(stdout.contains("11 flow_results ignored (pass --goals-map FILE"))
        #expect(reportStdout.contains("note: Conversation closes are approximate"))
        #expect(page.contains("<p class=\"callout note\"><strong>Note:</strong> Conversation closes are approximate"))
    }

    @Test func unknownAuthorTypeStopsTheImportAndStoresNothing() throws {
        let work = try TestPaths.temporaryDirectory("turn-unknown")
        let database = work.appendingPathComponent("turn.sqlite").path
        let export = fixtures.appendingPathComponent("export")
        let result = try CLIRunner.run(["import", "--db", database, "--source", "turn", export.path], in: root)
        #expect(result.status == 65)
        let messages = export.appendingPathComponent("messages.csv").path
        #expect(result.stderr.contains("  THREAD: 1 message, first at \(messages):3"))
        #expect(result.stderr.contains("  REMINDER: 2 messages, first at \(messages):17"))
        #expect(result.stderr.contains("--author-map THREAD=thread,REMINDER=reminder"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(!FileManager.default.fileExists(atPath: database))

        // Bad flags are usage errors (64).
        let bad = try CLIRunner.run(
            ["import", "--db", database, "--source", "turn", "--author-map", "REMINDER=nudge", export.path], in: root)
        #expect(bad.status == 64)
        #expect(
            bad.stderr.contains(
                "--author-map: \"nudge\" in \"REMINDER=nudge\" is not one of stack, coach, reminder, api, automation, thread"
            ))
        let misplaced = try CLIRunner.run(["import", "--db", database, "--goals-map", "g.json", "x.csv"], in: root)
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--goals-map only applies with --source turn."))
        let missing = try CLIRunner.run(
            ["import", "--db", database, "--source", "turn", work.appendingPathComponent("nope").path], in: root)
        #expect(missing.status == 66)
    }

    @Test func importingTheSameExportTwiceReplaces() throws {
        let work = try TestPaths.temporaryDirectory("turn-twice")
        let database = work.appendingPathComponent("turn.sqlite").path
        let arguments =
            ["import", "--db", database, "--source", "turn", fixtures.appendingPathComponent("export").path] + authorMap
        #expect(try CLIRunner.run(arguments, in: root).status == 0)
        let again = try CLIRunner.run(arguments, in: root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("  messages: 17 converted, 0 new, 17 replaced"))
        #expect(again.stdout.contains("  conversation_events: 6 converted, 0 new, 6 replaced"))
    }
}
