import Foundation
import InsightsTestSupport
import Testing

/// `insights export` of the kinds and columns of schema v4: message statuses, Journey runs and
/// results, consent times, contact fields, and the `position` and `seq` that keep listing and
/// replay order in a copy without row order.
@Suite(.serialized, .temporaryFolders) struct ExportKindsTests {
    let root = TestPaths.packageRoot

    static let files: [(name: String, text: String)] = [
        (
            "contacts.ndjson",
            """
            {"contact_id":"c1","opted_in_at":"2026-10-01T08:00:00Z","fields":{"district":" Kisumu ","cohort":3,"sms_ok":true,"note":null,"empty":""}}
            {"contact_id":"c2","opted_out_at":1791036300,"fields":null}

            """
        ),
        (
            "goals.csv",
            "goal_id,name,position\ng1,Walk,2\ng2,Quit,1\ng3,Sleep,\n"
        ),
        (
            "behaviours.csv",
            "behaviour_id,goal_id,name,position\nb1,g1,Walked,\nb2,g1,Ran,5\n"
        ),
        (
            "message_statuses.csv",
            """
            message_id,status,timestamp,error
            m1,Delivered ,2026-10-03T12:06:00Z,
            m1,read,2026-10-03T12:07:00Z,
            m9,failed,2026-10-03T12:06:00Z,131026

            """
        ),
        (
            "messages.csv",
            "message_id,contact_id,direction,timestamp,author_type\nm1,c1,outbound,2026-10-03T12:05:00Z,stack\n"
        ),
        (
            "conversation_events.csv",
            """
            contact_id,event,timestamp,seq
            c1,closed,2026-10-03T13:00:00Z,2
            c1,reopened,2026-10-03T13:00:00Z,1

            """
        ),
        (
            "journey_runs.csv",
            """
            run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
            r1,c1,onboarding,Onboarding,2026-10-03T12:00:00Z,,,q1
            r2,c3,onboarding,,2026-10-04T12:00:00Z,2026-10-04T12:30:00Z, EXPIRED,q2
            r1,c1,onboarding,Onboarding,2026-10-03T12:00:00Z,2026-10-03T12:10:00Z,completed,done

            """
        ),
        (
            "journey_results.csv",
            """
            contact_id,journey_id,run_id,question,answer,timestamp,seq
            c1,onboarding,r1,week,12,2026-10-03T12:05:00Z,
            c1,onboarding,r1,week,12,2026-10-03T12:05:00Z,
            c3,onboarding,,week,20,2026-10-04T12:05:00Z,2
            c3,onboarding,,week,21,2026-10-04T12:05:00Z,1

            """
        ),
    ]

    @Test func newKindsAndColumnsRoundTripExactly() throws {
        let work = try TestPaths.temporaryDirectory("export-kinds")
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, text) in Self.files { try Data(text.utf8).write(to: input.appendingPathComponent(name)) }
        let original = work.appendingPathComponent("original.sqlite").path
        let imported = try run(["import", "--db", original] + Self.files.map { input.appendingPathComponent($0.name).path })
        // Three statuses, all new (m9's message is not stored: kept); the second r1 replaces
        // the first; the second result row is identical to the first.
        #expect(imported.contains("message_statuses.csv (message_statuses): 3 read, 3 new, 0 replaced, 0 rejected"))
        #expect(imported.contains("journey_runs.csv (journey_runs): 3 read, 2 new, 1 replaced, 0 rejected"))
        #expect(imported.contains("journey_results.csv (journey_results): 4 read, 3 new, 1 replaced, 0 rejected"))

        let csv = work.appendingPathComponent("csv")
        try run(["export", "--db", original, "--out", csv.path])
        // Fields: null and "" are no value; 3 and true are kept as text; " Kisumu " as given.
        // 1791036300 s = 20729 days (2026-10-03) + 50700 s (14:05:00).
        #expect(
            try text(csv, "contacts.csv") == """
                contact_id,phone,country,created_at,opted_in_at,opted_out_at,fields
                c1,,,,2026-10-01T08:00:00Z,,"{""district"":"" Kisumu "",""cohort"":""3"",""sms_ok"":""true""}"
                c2,,,,,2026-10-03T14:05:00Z,
                c3,,,,,,

                """)
        // Listing order: g2 (position 1), g1 (2), then g3 (none); b2 (5) before b1 (none).
        #expect(try text(csv, "goals.csv") == "goal_id,name,description,position\ng2,Quit,,1\ng1,Walk,,2\ng3,Sleep,,3\n")
        #expect(try text(csv, "behaviours.csv") == "behaviour_id,goal_id,name,position\nb2,g1,Ran,1\nb1,g1,Walked,2\n")
        // Import order, each with its replay place at the instant: the reopen (seq 1) first.
        #expect(
            try text(csv, "conversation_events.csv") == """
                contact_id,event,timestamp,actor_id,actor_name,seq
                c1,closed,2026-10-03T13:00:00Z,,,2
                c1,reopened,2026-10-03T13:00:00Z,,,1

                """)
        #expect(
            try text(csv, "message_statuses.csv") == """
                message_id,status,timestamp,error
                m1,delivered,2026-10-03T12:06:00Z,
                m1,read,2026-10-03T12:07:00Z,
                m9,failed,2026-10-03T12:06:00Z,131026

                """)
        #expect(
            try text(csv, "journey_runs.csv") == """
                run_id,contact_id,journey_id,journey_name,started_at,ended_at,outcome,last_step
                r1,c1,onboarding,Onboarding,2026-10-03T12:00:00Z,2026-10-03T12:10:00Z,completed,done
                r2,c3,onboarding,,2026-10-04T12:00:00Z,2026-10-04T12:30:00Z,expired,q2

                """)
        // Import order, each with its place among the contact's answers to the question at
        // the instant: c3's "21" (seq 1) before "20" (seq 2, the later row: the newest answer).
        #expect(
            try text(csv, "journey_results.csv") == """
                contact_id,journey_id,run_id,question,answer,timestamp,seq
                c1,onboarding,r1,week,12,2026-10-03T12:05:00Z,1
                c3,onboarding,,week,20,2026-10-04T12:05:00Z,2
                c3,onboarding,,week,21,2026-10-04T12:05:00Z,1

                """)

        let ndjson = work.appendingPathComponent("ndjson")
        try run(["export", "--db", original, "--out", ndjson.path, "--format", "ndjson"])
        #expect(
            try text(ndjson, "contacts.ndjson").hasPrefix(
                #"{"contact_id":"c1","phone":null,"country":null,"created_at":null,"opted_in_at":"2026-10-01T08:00:00Z","opted_out_at":null,"fields":{"district":" Kisumu ","cohort":"3","sms_ok":"true"}}"#
                    + "\n"))

        // Each export imported into a fresh database and exported again gives the same bytes.
        for (format, folder) in [("csv", csv), ("ndjson", ndjson)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let copy = work.appendingPathComponent("copy-\(format).sqlite").path
            try run(["import", "--db", copy] + names.map { folder.appendingPathComponent($0).path })
            let again = work.appendingPathComponent("again-\(format)")
            try run(["export", "--db", copy, "--out", again.path, "--format", format])
            for name in names {
                #expect(
                    try text(folder, name) == text(again, name), "\(format): \(name) differs when exported again")
            }
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try CLIRunner.run(arguments, in: root)
        try #require(result.status == 0, "insights \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    private func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
