import Foundation
import InsightsTestSupport
import Testing

/// `insights import --source turn` on the second hand-written export,
/// `Tests/InsightsTurnTests/Fixtures/turn/journeys`: statuses, consent, contact fields and
/// Journey runs go through the ordinary import and are stored as worked out by hand (read back
/// with `insights export`).
@Suite(.serialized) struct TurnNewKindsImportTests {
    let root = TestPaths.packageRoot
    let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/InsightsTurnTests/Fixtures/turn")

    func importArguments(_ database: String, export: URL? = nil) -> [String] {
        [
            "import", "--db", database, "--source", "turn", (export ?? fixtures.appendingPathComponent("journeys")).path,
            "--goals-map", fixtures.appendingPathComponent("journeys-goals.json").path,
        ]
    }

    @Test func storedRowsAreTheHandWorkedOnes() throws {
        let work = try TestPaths.temporaryDirectory("turn-kinds")
        let database = work.appendingPathComponent("turn.sqlite").path
        let imported = try CLIRunner.run(importArguments(database), in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        // 8 statuses left after de-duplication, one naming a message_uuid no message has: 7.
        // Results: 11 rows, fa-0 twice, fx-1 without stack_uuid, fc-2 without response: 8.
        // Runs: the sessions sa, sb, sc of the listed Journey j-anc.
        for line in [
            "  statuses: 10 rows read from", "  contacts: 5 converted, 5 new, 0 replaced",
            "  message_statuses: 7 converted, 7 new, 0 replaced", "  journey_runs: 3 converted, 3 new, 0 replaced",
            "  journey_results: 8 converted, 8 new, 0 replaced",
            "Journey runs APPROXIMATE, one per session of the 1 listed Journey: 3 → completed 1, expired 1, in progress 1",
        ] {
            #expect(imported.stdout.contains(line), "summary lacks: \(line)\n\(imported.stdout)")
        }
        let out = work.appendingPathComponent("copy")
        let exported = try CLIRunner.run(["export", "--db", database, "--out", out.path], in: root)
        #expect(exported.status == 0, "\(exported.stderr)")
        func file(_ name: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        // Consent: Ana opted in 10-01; Ben's opted_in is false: his opt-out is dated by updated_at
        // 10-04 10:00; Dan is opted in with no time (none stored); Eve's times are in details.
        // Fields: the scalar keys of details, numbers as written; "tags" and "address" left out.
        #expect(
            try file("contacts.csv") == """
                contact_id,phone,country,created_at,opted_in_at,opted_out_at,fields
                c-ana,+254700000001,,2026-09-01T08:00:00Z,2026-10-01T09:00:00Z,,"{""name"":""Ana"",""district"":""Kisumu"",""cohort"":""3"",""pregnant"":""true"",""week"":""12.50""}"
                c-ben,+254700000002,,2026-09-01T08:00:00Z,2026-09-01T08:00:00Z,2026-10-04T10:00:00Z,"{""district"":""Nairobi""}"
                c-cat,+254700000003,,2026-09-01T08:00:00Z,,,"{""district"":""kisumu ""}"
                c-dan,+254700000004,,2026-09-01T08:00:00Z,,,
                c-eve,+254700000005,,2026-09-01T08:00:00Z,2026-10-02T07:00:00Z,,"{""opted_in"":""true"",""opted_in_at"":""2026-10-02T07:00:00Z"",""language"":""sw""}"

                """)
        #expect(
            try file("message_statuses.csv") == """
                message_id,status,timestamp,error
                m1,sent,2026-10-05T08:00:01Z,
                m1,delivered,2026-10-05T08:00:03Z,
                m1,read,2026-10-05T08:10:00Z,
                m2,sent,2026-10-05T09:00:01Z,
                m2,failed,2026-10-05T09:00:02Z,131047: Re-engagement message
                m4,delivered,2026-10-06T10:20:00Z,
                m4,read,2026-10-06T10:30:00Z,

                """)
        // sa completed by "Yes" at 10-06 08:00 (last step "feedback", same instant, later uuid);
        // sb expired 48 h after its last result; sc still going at the export's newest time.
        #expect(
            try file("journey_runs.csv") == """
                run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
                sa,c-ana,j-anc,Antenatal course,2026-10-05T08:00:00Z,2026-10-06T08:00:00Z,completed,feedback
                sb,c-ben,j-anc,Antenatal course,2026-10-05T09:00:00Z,2026-10-07T10:00:00Z,expired,anc_done
                sc,c-cat,j-anc,Antenatal course,2026-10-08T12:00:00Z,,,week

                """)
        #expect(
            try file("journey_results.csv") == """
                contact_id,journey_id,run_id,question,answer,timestamp,seq
                c-ana,j-anc,sa,week,12,2026-10-05T08:00:00Z,1
                c-ana,j-anc,sa,feedback,good,2026-10-06T08:00:00Z,1
                c-ana,j-anc,sa,anc_done,Yes,2026-10-06T08:00:00Z,1
                c-ben,j-anc,sb,week,20,2026-10-05T09:00:00Z,1
                c-ben,j-anc,sb,anc_done,no,2026-10-05T10:00:00Z,1
                c-cat,j-anc,sc,week,8,2026-10-08T12:00:00Z,1
                c-ben,j-anc,,week,21,2026-10-07T09:00:00Z,1
                c-ben,j-faq,sf,topic,feeding,2026-10-09T12:00:00Z,1

                """)

        // The same export again replaces what it stored.
        let again = try CLIRunner.run(importArguments(database), in: root)
        #expect(again.status == 0, "\(again.stderr)")
        for line in [
            "  message_statuses: 7 converted, 0 new, 7 replaced", "  journey_runs: 3 converted, 0 new, 3 replaced",
            "  journey_results: 8 converted, 0 new, 8 replaced",
        ] {
            #expect(again.stdout.contains(line), "summary lacks: \(line)\n\(again.stdout)")
        }
    }

    @Test func anUnknownStatusWordStoresNothing() throws {
        let work = try TestPaths.temporaryDirectory("turn-status")
        let export = work.appendingPathComponent("export")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("journeys"), to: export)
        let file = export.appendingPathComponent("statuses-000000000001.csv")
        try Data("message_id,status,timestamp\nm2,sent,2026-10-05 09:00:01 UTC\nm2,deleted,2026-10-05 09:10:00 UTC\n".utf8)
            .write(to: file)
        let database = work.appendingPathComponent("turn.sqlite").path
        let result = try CLIRunner.run(importArguments(database, export: export), in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("  \"deleted\": 1 status, first at \(file.path):3"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}
