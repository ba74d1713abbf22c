import Foundation
import InsightsTestSupport
import Testing

/// `insights import --source rapidpro` on the hand-written RapidPro workspace of
/// `Tests/InsightsRapidProTests/Fixtures/rapidpro` (its README tells every record's story),
/// then `insights report` for 2026-10-05 … 2026-10-11 (UTC), compared with numbers worked out
/// by hand.
@Suite(.serialized, .temporaryFolders) struct RapidProImportTests {
    let root = TestPaths.packageRoot
    let export = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsRapidProTests/Fixtures/rapidpro")

    /// Imports the fixture folder with `extra` flags into a new database and reports the week.
    func importAndReport(_ extra: [String] = []) throws -> (metrics: Any, stdout: String, reportStdout: String) {
        let work = try TestPaths.temporaryDirectory("rapidpro-cli")
        let database = work.appendingPathComponent("rapidpro.sqlite").path
        let imported = try CLIRunner.run(["import", "--db", database, "--source", "rapidpro", export.path] + extra, in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        let out = work.appendingPathComponent("report")
        let reported = try CLIRunner.run(
            ["report", "--db", database, "--from", "2026-10-05", "--to", "2026-10-11", "--out", out.path], in: root)
        #expect(reported.status == 0, "\(reported.stderr)")
        return (try readJSON(out.appendingPathComponent("metrics.json")), imported.stdout, reported.stdout)
    }

    @Test func theWorkspaceBecomesTheHandWorkedReport() throws {
        let (metrics, stdout, _) = try importAndReport()
        // Inbound in the week: Ana m01 10-05 08:00 and m10 10-08 07:30 (her first ever, m00, is
        // 09-20), Ben m03 10-05 12:00, Cat m05 10-06 09:00, Dan m12 10-10 20:00 → 5 received,
        // active 4, new 3 (Ben, Cat, Dan), returning 1 (Ana). Countries: Ana tel:+27 ZA, Ben
        // whatsapp:234 NG, Cat tel:+254 (from her messages) KE, Dan telegram only ZZ.
        // Sent: m02 (stack), m04, m06 (coach), m07, m08 (reminder), m09 (api) → 6.
        // Delivery: m02 read (its newer version, from messages.json), m04 delivered, m06 errored
        // and m08 failed, m07 sent, m09 wired (no status): reached Ana and Ben; rate 2 / (6 − 1);
        // read 08:05 − sent 08:00:30 = 4.5 minutes.
        let audience: [String: Any] = [
            "active_users": 4, "new_users": 3, "returning_users": 1,
            "daily": [
                ["date": "2026-10-05", "active_users": 2, "new_users": 1, "returning_users": 1],
                ["date": "2026-10-06", "active_users": 1, "new_users": 1, "returning_users": 0],
                ["date": "2026-10-07", "active_users": 0, "new_users": 0, "returning_users": 0],
                ["date": "2026-10-08", "active_users": 1, "new_users": 0, "returning_users": 1],
                ["date": "2026-10-09", "active_users": 0, "new_users": 0, "returning_users": 0],
                ["date": "2026-10-10", "active_users": 1, "new_users": 1, "returning_users": 0],
                ["date": "2026-10-11", "active_users": 0, "new_users": 0, "returning_users": 0],
            ],
            "countries": [
                ["country": "KE", "active_users": 1], ["country": "NG", "active_users": 1],
                ["country": "ZA", "active_users": 1], ["country": "ZZ", "active_users": 1],
            ],
            "reach": [
                "reached_users": 2, "delivery": ["read": 1, "delivered": 1, "failed": 2, "sent": 1, "no_status": 1],
                "delivery_rate": 0.4, "read_rate": 0.5, "median_minutes_to_read": 4.5,
                "failures": [
                    ["error": "RapidPro status errored", "messages": 1], ["error": "RapidPro status failed", "messages": 1],
                ],
            ],
            // Consent from the date fields: Ana opted in 10-05 06:00:40 UTC (in the week); Dan opted in
            // 09-30 and out 10-09 (an opt-out in the week): opted in at the end, Ana only.
            "consent": ["opt_ins": 1, "opt_outs": 1, "opted_in_at_end": 1],
        ]
        // avg per user per day: 5 received / (2 + 1 + 1 + 1) daily active = 1.0.
        let engagement: [String: Any] = [
            "messages_received": 5, "messages_sent": 6, "avg_messages_per_user_per_day": 1.0,
            "daily": [
                ["date": "2026-10-05", "received": 2, "sent": 2], ["date": "2026-10-06", "received": 1, "sent": 1],
                ["date": "2026-10-07", "received": 0, "sent": 2], ["date": "2026-10-08", "received": 1, "sent": 1],
                ["date": "2026-10-09", "received": 0, "sent": 0], ["date": "2026-10-10", "received": 1, "sent": 0],
                ["date": "2026-10-11", "received": 0, "sent": 0],
            ],
        ]
        // Conversations: Ana open since m00 (t-ana1's open changes nothing); Ben: m03 opens 12:00,
        // t-ben1 closes 13:05 (65 minutes = 1.08333 h); Cat: m05 opens; Dan: m12 opens.
        // Response times over Ben, Cat, Dan: Thandi answered Ben in 10 minutes (m04), the
        // unnamed coach of t-cat1 Cat in 20 (m06); Dan unanswered. Median 15, p90 the 2nd of 2.
        let guidance: [String: Any] = [
            "conversations": [
                "active": 4, "open_at_end": 3, "closed_at_end": 1, "opened": 3, "reopened": 0, "closed": 1,
                "median_time_to_close_hours": 65.0 / 60,
            ],
            "authorship": [
                ["author_type": "stack", "messages": 1, "share": 1.0 / 6],
                ["author_type": "coach", "messages": 2, "share": 2.0 / 6],
                ["author_type": "reminder", "messages": 2, "share": 2.0 / 6],
                ["author_type": "api", "messages": 1, "share": 1.0 / 6],
                ["author_type": "automation", "messages": 0, "share": 0],
                ["author_type": "thread", "messages": 0, "share": 0],
            ],
            "top_authors": [
                "stack": [["author_id": "f-onb", "name": "Onboarding", "messages": 1]],
                "reminder": [["author_id": "901", "name": "Broadcast 901", "messages": 2]],
            ],
            "response_times": [
                "opened_by_users": 3, "answered_by_coach": 2, "unanswered": 1, "median_first_response_minutes": 15.0,
                "p90_first_response_minutes": 20.0,
                "coaches": [
                    [
                        "author_id": "thandi@example.org", "name": "Thandi", "replies": 1, "users": 1, "first_responses": 1,
                        "median_first_response_minutes": 10.0, "closes": 1,
                    ],
                    [
                        "author_id": NSNull(), "name": "(unnamed)", "replies": 1, "users": 1, "first_responses": 1,
                        "median_first_response_minutes": 20.0, "closes": 0,
                    ],
                ],
            ],
        ]
        // Journeys: Onboarding r1 completed (20 minutes), r2 expired at n-week, r3 in progress;
        // Survey r4 failed → interrupted and r5 interrupted, both at n-q1. Answers: categories.
        let impact: [String: Any] = [
            "journeys": [
                [
                    "journey_id": "f-onb", "name": "Onboarding", "runs_started": 3, "users_started": 3, "completed": 1,
                    "expired": 1, "interrupted": 0, "in_progress": 1, "completion_rate": 1.0 / 3,
                    "median_minutes_to_complete": 20.0, "drop_off": [["step": "n-week", "runs": 1]],
                    "answers": [
                        [
                            "question": "pregnancy_week", "respondents": 2,
                            "answers": [["answer": "1-20", "users": 1], ["answer": "21-40", "users": 1]],
                        ]
                    ],
                ],
                [
                    "journey_id": "f-survey", "name": "Survey", "runs_started": 2, "users_started": 2, "completed": 0,
                    "expired": 0, "interrupted": 2, "in_progress": 0, "completion_rate": 0,
                    "median_minutes_to_complete": NSNull(), "drop_off": [["step": "n-q1", "runs": 2]],
                    "answers": [
                        [
                            "question": "agree", "respondents": 2,
                            "answers": [["answer": "Agree", "users": 1], ["answer": "Strongly agree", "users": 1]],
                        ]
                    ],
                ],
            ]
        ]
        let expected: [String: Any] = [
            "audience": audience, "engagement": engagement, "guidance": guidance, "impact": impact,
        ]
        let found = differences(expected: expected, actual: metrics)
        #expect(found.isEmpty, "\(found.count) differences:\n\(found.prefix(40).joined(separator: "\n"))")
        for line in [
            "1 older version of a uuid dropped (kept the latest modified_on)",
            "Outbound messages by what sent them: broadcast → reminder (2, built in), flow → stack (1, built in), "
                + "none → api (1, built in), ticket → coach (2, built in); 6 inbound",
            "errored → failed (1, built in)", "wired → none (1, built in)",
            "Contacts: 4 (3 from contacts.json); phone from contacts.urns 2, messages.urn 1, none 1",
            "Consent from the date fields opted_in_at and opted_out_at: 2 contacts; 1 stopped contact not counted as opt-outs",
            "failed → interrupted (1, built in)",
            "Conversation events from tickets: 2 opened (opened_on, by opened_by), 1 closed (closed_on, by the assignee)",
            "  messages: 12 converted, 12 new, 0 replaced",
        ] {
            #expect(stdout.contains(line), "summary lacks: \(line)\n\(stdout)")
        }
    }

    @Test func authorMapCountsBroadcastsAsApi() throws {
        let (metrics, stdout, _) = try importAndReport(["--author-map", "broadcast=api"])
        // m07 and m08 join m09: api 3 of 6; no reminders.
        let expected: [String: Any] = [
            "guidance": [
                "authorship": [
                    ["author_type": "stack", "messages": 1], ["author_type": "coach", "messages": 2],
                    ["author_type": "reminder", "messages": 0], ["author_type": "api", "messages": 3, "share": 0.5],
                    ["author_type": "automation", "messages": 0], ["author_type": "thread", "messages": 0],
                ]
            ]
        ]
        let found = differences(expected: expected, actual: metrics)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        #expect(stdout.contains("broadcast → api (2, --author-map)"))
    }

    @Test func anUnknownStatusStopsTheImportAndStoresNothing() throws {
        let work = try TestPaths.temporaryDirectory("rapidpro-refused")
        let database = work.appendingPathComponent("rapidpro.sqlite").path
        let archive = work.appendingPathComponent("message_1_M20261001.jsonl")
        try Data(
            (#"{"uuid":"m1","contact":{"uuid":"c1","name":null},"urn":"tel:+27821110001","direction":"out","#
                + #""status":"scheduled","created_on":"2026-10-05T08:00:00+00:00"}"# + "\n").utf8
        ).write(to: archive)
        let result = try CLIRunner.run(["import", "--db", database, "--source", "rapidpro", archive.path], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("  \"scheduled\": 1 message, first at \(archive.path):1"))
        #expect(result.stderr.contains("--status-map scheduled=<sent|delivered|read|failed|none>"))
        #expect(!FileManager.default.fileExists(atPath: database))
        let fixed = try CLIRunner.run(
            ["import", "--db", database, "--source", "rapidpro", "--status-map", "scheduled=none", archive.path], in: root)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("scheduled → none (1, --status-map)"))

        // Flags of another source, and bad values, are usage errors (64).
        let misplaced = try CLIRunner.run(["import", "--db", database, "--exit-map", "x=completed", "x.csv"], in: root)
        #expect(misplaced.status == 64 && misplaced.stderr.contains("--exit-map only applies with --source rapidpro."))
        let bad = try CLIRunner.run(
            ["import", "--db", database, "--source", "rapidpro", "--author-map", "bot=api", archive.path], in: root)
        #expect(bad.status == 64 && bad.stderr.contains("\"bot\" is not what sends a RapidPro message"))
        let missing = try CLIRunner.run(
            ["import", "--db", database, "--source", "rapidpro", work.appendingPathComponent("nope.json").path], in: root)
        #expect(missing.status == 66)
    }
}
