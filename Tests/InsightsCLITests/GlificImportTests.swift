import Foundation
import InsightsTestSupport
import Testing

/// `insights import --source glific` end to end: the fixture tables of
/// `Tests/InsightsGlificTests/Fixtures/glific` (its README tells every row's story) and their
/// week's report worked out by hand, and the refusals of the command line.
@Suite(.serialized, .temporaryFolders) struct GlificImportTests {
    let root = TestPaths.packageRoot
    let export = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsGlificTests/Fixtures/glific")

    @Test func theFixtureImportsAndTheWeekReports() throws {
        let work = try TestPaths.temporaryDirectory("glific-cli")
        let database = work.appendingPathComponent("glific.sqlite").path
        let imported = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Europe/Berlin", export.path], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("  messages: 7 converted, 7 new, 0 replaced"))
        #expect(imported.stdout.contains("broadcast → reminder (1, built in)"))
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            ["report", "--db", database, "--from", "2026-10-19", "--to", "2026-10-25", "--out", out.path], in: root)
        #expect(reported.status == 0, "\(reported.stderr)")
        let metrics = try readJSON(out.appendingPathComponent("metrics.json"))
        let found = differences(expected: Self.theWeek, actual: metrics)
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
    }

    /// The fixture week 2026-10-19 … 2026-10-25 (UTC), worked out by hand from the fixture
    /// README's rows (Berlin is UTC+2 until 10-25 01:00Z, then UTC+1). Messages in UTC, with the
    /// statuses of all their versions: 101 Ana in 10-20 07:00; 102 Ana stack (f1) 07:00:30, sent
    /// then delivered 07:05; 103 Ana coach Ravi 07:10, sent, delivered, read 07:12 (read again
    /// at 07:40: the earliest counts); 104 Ben reminder (broadcast 7) 10-21 10:00, delivered
    /// 10:01:30 before its late sent; 106 Ben api 10-23 06:00, sent then failed; 105 Cat in
    /// 10-25 00:30 (the first 02:30); 107 Cat stack 10-25 02:30, enqueued: no status.
    static var theWeek: [String: Any] {
        [
            // Active: Ana (10-20) and Cat (10-25), both new (no inbound before); +49 → DE.
            // Reached: Ana (102 delivered, 103 read) and Ben (104 delivered; 106 failed).
            // Delivery rate (read + delivered) / (5 sent − 1 without status) = 3/4; read rate 1/3;
            // 103 read 2 minutes after it was sent (its earliest read). Per author type the read
            // rate is read over delivered-or-read: stack 0/1 (102), coach 1/1, reminder 0/1
            // (104), api none (null).
            "audience": [
                "active_users": 2, "new_users": 2, "returning_users": 0,
                "daily": [
                    ["date": "2026-10-19", "active_users": 0, "new_users": 0, "returning_users": 0],
                    ["date": "2026-10-20", "active_users": 1, "new_users": 1, "returning_users": 0],
                    ["date": "2026-10-21", "active_users": 0, "new_users": 0, "returning_users": 0],
                    ["date": "2026-10-22", "active_users": 0, "new_users": 0, "returning_users": 0],
                    ["date": "2026-10-23", "active_users": 0, "new_users": 0, "returning_users": 0],
                    ["date": "2026-10-24", "active_users": 0, "new_users": 0, "returning_users": 0],
                    ["date": "2026-10-25", "active_users": 1, "new_users": 1, "returning_users": 0],
                ],
                "countries": [["country": "DE", "active_users": 2]],
                "reach": [
                    "reached_users": 2, "delivery": ["read": 1, "delivered": 2, "failed": 1, "sent": 0, "no_status": 1],
                    "delivery_rate": 0.75, "read_rate": 1.0 / 3, "median_minutes_to_read": 2.0,
                    "by_author_type": [
                        ["author_type": "stack", "messages": 2, "read": 0, "read_rate": 0.0],
                        ["author_type": "coach", "messages": 1, "read": 1, "read_rate": 1.0],
                        ["author_type": "reminder", "messages": 1, "read": 0, "read_rate": 0.0],
                        ["author_type": "api", "messages": 1, "read": 0, "read_rate": NSNull()],
                        ["author_type": "automation", "messages": 0, "read": 0, "read_rate": NSNull()],
                        ["author_type": "thread", "messages": 0, "read": 0, "read_rate": NSNull()],
                    ],
                    "failures": [["error": #"{"message":"131026 receiver incapable"}"#, "messages": 1]],
                ],
                // Ana in 10-20 08:00Z; Ben (in since 09-01) out 10-22 16:00Z; at the end Ana only.
                "consent": ["opt_ins": 1, "opt_outs": 1, "opted_in_at_end": 1],
            ],
            // Received 2 / (1 + 1) daily active users = 1.0 per user per day.
            "engagement": [
                "messages_received": 2, "messages_sent": 5, "avg_messages_per_user_per_day": 1.0,
                "daily": [
                    ["date": "2026-10-19", "received": 0, "sent": 0], ["date": "2026-10-20", "received": 1, "sent": 2],
                    ["date": "2026-10-21", "received": 0, "sent": 1], ["date": "2026-10-22", "received": 0, "sent": 0],
                    ["date": "2026-10-23", "received": 0, "sent": 1], ["date": "2026-10-24", "received": 0, "sent": 0],
                    ["date": "2026-10-25", "received": 1, "sent": 1],
                ],
            ],
            // Conversations: Ana opened by 101 at 07:00 (ticket 31's open at 07:05 changes nothing),
            // closed by 31 at 07:20 (20 minutes = 1/3 h); Ben opened by ticket 32 at 10-22 08:00;
            // Cat opened by 105. Active 3, opened 3, closed 1, open at the end 2 (Ben, Cat).
            // Response times over the conversations users opened (Ana, Cat): Ravi answered Ana in
            // 10 minutes (103 at 07:10); Cat's 107 is a flow's, so she is unanswered.
            "guidance": [
                "conversations": [
                    "active": 3, "open_at_end": 2, "closed_at_end": 1, "opened": 3, "reopened": 0, "closed": 1,
                    "median_time_to_close_hours": 20.0 / 60,
                ],
                "authorship": [
                    ["author_type": "stack", "messages": 2, "share": 0.4], ["author_type": "coach", "messages": 1, "share": 0.2],
                    ["author_type": "reminder", "messages": 1, "share": 0.2],
                    ["author_type": "api", "messages": 1, "share": 0.2],
                    ["author_type": "automation", "messages": 0, "share": 0],
                    ["author_type": "thread", "messages": 0, "share": 0],
                ],
                "top_authors": [
                    "stack": [["author_id": "f1", "name": "Welcome", "messages": 2]],
                    "coach": [["author_id": "919800000000", "name": "Coach Ravi", "messages": 1]],
                    // A broadcast names no author (Glific's table has only the broadcast's id).
                    "reminder": [["author_id": NSNull(), "name": "(unnamed)", "messages": 1]],
                ],
                "response_times": [
                    "opened_by_users": 2, "answered_by_coach": 1, "unanswered": 1, "median_first_response_minutes": 10.0,
                    "p90_first_response_minutes": 10.0,
                    "coaches": [
                        [
                            "author_id": "919800000000", "name": "Coach Ravi", "replies": 1, "users": 1, "first_responses": 1,
                            "median_first_response_minutes": 10.0, "closes": 1,
                        ]
                    ],
                ],
            ],
            // Welcome (f1): 11 completed 07:00:10 → 07:15 (14 min 50 s), 12 killed at n2, 13 going.
            // Results of run 11: age = its category Adult, district = its input Nord.
            "impact": [
                "journeys": [
                    [
                        "journey_id": "f1", "name": "Welcome", "runs_started": 3, "users_started": 3, "completed": 1,
                        "expired": 0, "interrupted": 1, "in_progress": 1, "completion_rate": 1.0 / 3,
                        "median_minutes_to_complete": 14.0 + 50.0 / 60, "drop_off": [["step": "n2", "runs": 1]],
                        "answers": [
                            ["question": "age", "respondents": 1, "answers": [["answer": "Adult", "users": 1]]],
                            ["question": "district", "respondents": 1, "answers": [["answer": "Nord", "users": 1]]],
                        ],
                    ]
                ]
            ],
        ]
    }

    @Test func theCommandLineRefusesWhatItCannotUse() throws {
        let work = try TestPaths.temporaryDirectory("glific-refused")
        let database = work.appendingPathComponent("glific.sqlite").path
        // No zone: one sentence, usage error (64), nothing written.
        let noZone = try CLIRunner.run(["import", "--db", database, "--source", "glific", export.path], in: root)
        #expect(noZone.status == 64)
        #expect(
            noZone.stderr.contains(
                "--source glific needs --source-timezone ZONE (the organisation's IANA zone, e.g. Asia/Kolkata): "
                    + "Glific writes its DATETIMEs in local time without a zone, so Insights cannot place them otherwise."))
        let badZone = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Mars/Olympus", export.path], in: root)
        #expect(badZone.status == 64 && badZone.stderr.contains("Unknown time zone \"Mars/Olympus\" for --source-timezone."))
        let misplaced = try CLIRunner.run(
            ["import", "--db", database, "--source-timezone", "Asia/Kolkata", "x.csv"], in: root)
        #expect(misplaced.status == 64 && misplaced.stderr.contains("--source-timezone only applies with --source glific."))
        let bot = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--author-map",
                "bot=api", export.path,
            ], in: root)
        #expect(bot.status == 64 && bot.stderr.contains("\"bot\" is not what sends a Glific message"))
        let skip = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--skip-invalid",
                export.path,
            ], in: root)
        #expect(skip.status == 64 && skip.stderr.contains("--skip-invalid does not apply with --source glific"))
        #expect(!FileManager.default.fileExists(atPath: database))

        // An unknown bsp_status: data error (65), the value, its count, its first line, the flag.
        let messages = work.appendingPathComponent("messages.json")
        try Data(
            (#"{"id":"1","flow":"outbound","contact_phone":"919800000001","inserted_at":"2026-10-20T09:00:00","#
                + #""bsp_status":"seen"}"# + "\n").utf8
        ).write(to: messages)
        let unknown = try CLIRunner.run(
            ["import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", messages.path], in: root)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("  \"seen\": 1 message, first at \(messages.path):1"))
        #expect(unknown.stderr.contains("--status-map seen=<sent|delivered|read|failed|none>"))
        #expect(!FileManager.default.fileExists(atPath: database))
        let fixed = try CLIRunner.run(
            [
                "import", "--db", database, "--source", "glific", "--source-timezone", "Asia/Kolkata", "--status-map",
                "seen=read", messages.path,
            ], in: root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("seen → read (1, --status-map)"))
    }
}
