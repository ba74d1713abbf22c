import Foundation
import InsightsDemo
import InsightsTestSupport
import Testing

/// `insights export`: every stored record back in the import format, such that importing the
/// files into a fresh database gives byte-identical `metrics.json` for any period, and exporting
/// that database again gives byte-identical files. Not serialized: every test (and each
/// format of the generated helpline's round trip, the suite's longest work) has folders of
/// its own, so Swift Testing runs them side by side.
@Suite(.temporaryFolders) struct ExportTests {
    let root = TestPaths.packageRoot
    /// The generated helpline both formats' round trips import (made once).
    static let generatedHelpline = DemoDataset.generate(DemoConfiguration(contacts: 300, includesNewKinds: true))
    static let kinds = [
        "goals", "behaviours", "contacts", "messages", "message_statuses", "conversation_events", "goal_events",
        "journey_runs", "journey_results",
    ]

    @Test func conformanceDatasetRoundTripsInBothFormats() throws {
        let work = try TestPaths.temporaryDirectory("export-conformance")
        let data = TestPaths.shared.appendingPathComponent("conformance/berlin-dst/data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let original = work.appendingPathComponent("original.sqlite").path
        try run(["import", "--db", original] + files)
        try requireRoundTrip(
            of: original, in: work,
            periods: [
                ["--from", "2026-10-19", "--to", "2026-11-01", "--timezone", "Europe/Berlin"],
                ["--month", "2026-10"],
                ["--from", "2026-10-26", "--to", "2026-11-01", "--timezone", "Asia/Kathmandu"],
                ["--month", "2026-09", "--timezone", "America/St_Johns"],
            ])
    }

    @Test func journeysConformanceDatasetRoundTripsInBothFormats() throws {
        let work = try TestPaths.temporaryDirectory("export-journeys")
        let data = TestPaths.shared.appendingPathComponent("conformance/nairobi-journeys/data")
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        let original = work.appendingPathComponent("original.sqlite").path
        try run(["import", "--db", original] + files)
        try requireRoundTrip(
            of: original, in: work,
            periods: [["--month", "2026-10", "--timezone", "Africa/Nairobi"], ["--month", "2026-09"]])
    }

    /// The demo's generator at a tenth of its people (300 contacts over the same 34 months:
    /// every record kind, legacy Automation and Threads, statuses, Journeys, consent and
    /// contact fields), imported as `insights import` reads it. A tenth keeps the variety and
    /// costs a tenth of the demo's 330,000 rows to export and import twice in a debug build.
    /// One test case per format, side by side.
    @Test(arguments: ["csv", "ndjson"]) func generatedHelplineRoundTrips(format: String) throws {
        let work = try TestPaths.temporaryDirectory("export-generated-\(format)")
        let files = try Self.generatedHelpline.write(into: work.appendingPathComponent("generated"))
        let original = work.appendingPathComponent("original.sqlite").path
        try run(["import", "--db", original] + files)
        try requireRoundTrip(
            of: original, in: work, formats: [format],
            periods: [
                ["--month", "2026-10", "--timezone", "Africa/Johannesburg"],
                ["--from", "2026-10-05", "--to", "2026-10-11", "--timezone", "Asia/Kathmandu"],
                ["--month", "2024-06"],  // legacy automations and threads still running
                ["--from", "2025-03-24", "--to", "2025-04-06", "--timezone", "Europe/London"],  // DST change
            ])
    }

    @Test func handMadeEdgeCasesRoundTripExactly() throws {
        let work = try TestPaths.temporaryDirectory("export-edges")
        let input = work.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, text) in Self.edgeFiles {
            try Data(text.utf8).write(to: input.appendingPathComponent(name))
        }
        let original = work.appendingPathComponent("original.sqlite").path
        try run(
            ["import", "--db", original]
                + Self.edgeFiles.map { input.appendingPathComponent($0.name).path })

        let csv = work.appendingPathComponent("csv")
        let summary = try run(["export", "--db", original, "--out", csv.path])
        #expect(summary.contains("messages.csv             5 rows"), "\(summary)")
        #expect(summary.contains("contacts.csv             6 rows"), "\(summary)")
        #expect(!summary.contains("note:"), "no service name stored, so nothing to note")
        let messages = try text(csv, "messages.csv")
        #expect(
            messages == """
                message_id,contact_id,direction,timestamp,author_type,author_id,author_name
                m1,"c,1",inbound,2026-10-03T12:05:00.123456Z,,,
                m2,"c,1",outbound,2026-10-03T12:05:01.120Z,coach,coach-1,"Ann ""the coach"", RN
                second line"
                m3,ghost,inbound,2026-10-03T12:05:00.123Z,,,
                m4,c2,outbound,2026-10-03T12:05:00Z,stack,journey-7,Welcome 👋 journey
                m5,c2,inbound,2026-10-04T00:00:00Z,,,

                """)
        let contacts = try text(csv, "contacts.csv")
        #expect(
            contacts == """
                contact_id,phone,country,created_at,opted_in_at,opted_out_at,fields
                "c,1",+27821234567,,2026-10-01T06:00:00.500Z,,,
                c2,447911123456,KE,,,,
                c3,,,,,,
                ghost,,,,,,
                ghost2,,,,,,
                ghost3,,,,,,

                """)
        let events = try text(csv, "conversation_events.csv")
        #expect(
            events == """
                contact_id,event,timestamp,actor_id,actor_name,seq
                c2,reopened,2026-10-04T10:00:00Z,coach-1,"Ann, RN",1
                c2,closed,2026-10-04T10:00:00Z,coach-1,"Ann, RN",2
                "c,1",closed,2026-10-03T13:00:00.000001Z,,,1
                "c,1",opened,2026-10-03T13:00:00.000001Z,,,2
                ghost2,closed,2026-10-04T09:00:00Z,,,1

                """)
        #expect(try text(csv, "goals.csv").hasPrefix("goal_id,name,description,position\ng2,"), "goals keep their listing order")

        let ndjson = work.appendingPathComponent("ndjson")
        try run(["export", "--db", original, "--out", ndjson.path, "--format", "ndjson"])
        let lines = try text(ndjson, "messages.ndjson").split(separator: "\n")
        #expect(
            lines[1]
                == #"{"message_id":"m2","contact_id":"c,1","direction":"outbound","timestamp":"2026-10-03T12:05:01.120Z","author_type":"coach","author_id":"coach-1","author_name":"Ann \"the coach\", RN\nsecond line"}"#
        )
        #expect(
            try text(ndjson, "contacts.ndjson").contains(
                #"{"contact_id":"ghost","phone":null,"country":null,"created_at":null,"opted_in_at":null,"opted_out_at":null,"fields":null}"#
            ))

        // Same-instant events decide the state: c2 ends closed, "c,1" is reopened by hand.
        let period = ["--from", "2026-10-03", "--to", "2026-10-05"]
        let metrics = try report(original, period, in: work.appendingPathComponent("report"))
        let json = try #require(try JSONSerialization.jsonObject(with: metrics) as? [String: Any])
        let guidance = try #require(json["guidance"] as? [String: Any])
        let conversations = try #require(guidance["conversations"] as? [String: Any])
        #expect(conversations["reopened"] as? Int == 1)
        #expect(conversations["open_at_end"] as? Int == 2)  // "c,1" and ghost (c2 closed)

        try requireRoundTrip(
            of: original, in: work,
            periods: [period, period + ["--timezone", "Pacific/Kiritimati"], ["--month", "2026-10"]])
    }

    /// The files of the hand-made case, in no particular order (import sorts kinds).
    static let edgeFiles: [(name: String, text: String)] = [
        (
            "goal_events.csv",
            """
            contact_id,goal_id,behaviour_id,event,timestamp
            "c,1",g2,,started,2026-10-03T12:00:00.100Z
            "c,1",g2,b1,actioned,2026-10-03T12:00:00.100Z
            ghost3,g1,b0,actioned,2026-10-05T00:00:00Z

            """
        ),
        (
            "messages.csv",
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,"c,1",in,2026-10-03 12:05:00.123456 UTC,,,
            m2,"c,1",O,2026-10-03T14:05:01.12+02:00,coach,coach-1,"Ann ""the coach"", RN
            second line"
            m3,ghost,inbound,1791029100123,,,
            m4,c2,outbound,1791029100,stack,journey-7,Welcome 👋 journey
            m5,c2,inbound,2026-10-04T00:00:00Z,,,

            """
        ),
        (
            "conversation_events.csv",
            """
            contact_id,event,timestamp,actor_id,actor_name
            c2,reopened,2026-10-04T10:00:00Z,coach-1,"Ann, RN"
            c2,closed,2026-10-04T10:00:00Z,coach-1,"Ann, RN"
            "c,1",closed,2026-10-03T13:00:00.000001Z,,
            "c,1",opened,2026-10-03T13:00:00.000001Z,,
            ghost2,closed,2026-10-04T09:00:00Z,,

            """
        ),
        (
            "contacts.csv",
            """
            contact_id,phone,country,created_at
            "c,1",+27821234567,,2026-10-01T08:00:00.5+02:00
            c2,447911123456,ke,
            c3,,,

            """
        ),
        (
            "goals.csv",
            """
            goal_id,name,description
            g2,"Quit, for good","Says ""enough"" —
            on two lines"
            g1,Walk daily,

            """
        ),
        (
            "behaviours.ndjson",
            """
            {"behaviour_id":"b1","goal_id":"g2","name":"Threw away \\"the\\" pack"}
            {"behaviour_id":"b0","goal_id":"g1","name":"Walked,\\t30 min"}

            """
        ),
    ]

    // MARK: - Helpers

    /// Exports `original` in each of `formats` (both unless told), imports each export into a
    /// fresh database, and requires every period's `metrics.json` to be byte-identical to the
    /// original's and a second export to be byte-identical to the first.
    private func requireRoundTrip(
        of original: String, in work: URL, formats: [String] = ["csv", "ndjson"],
        periods: [[String]]
    ) throws {
        let expected = try periods.enumerated().map { index, period in
            try report(original, period, in: work.appendingPathComponent("expected-\(index)"))
        }
        for format in formats {
            let exported = work.appendingPathComponent("export-\(format)")
            try run(["export", "--db", original, "--out", exported.path, "--format", format])
            let names = try FileManager.default.contentsOfDirectory(atPath: exported.path).sorted()
            #expect(names == Self.kinds.map { "\($0).\(format)" }.sorted(), "one file per kind, no temporary left")
            let copy = work.appendingPathComponent("copy-\(format).sqlite").path
            try run(["import", "--db", copy] + names.map { exported.appendingPathComponent($0).path })
            for (index, period) in periods.enumerated() {
                let folder = work.appendingPathComponent("actual-\(format)-\(index)")
                let actual = try report(copy, period, in: folder)
                #expect(
                    actual == expected[index],
                    "\(format) round trip: metrics.json differs for \(period.joined(separator: " "))")
            }
            let again = work.appendingPathComponent("again-\(format)")
            try run(["export", "--db", copy, "--out", again.path, "--format", format])
            for name in names {
                let first = try Data(contentsOf: exported.appendingPathComponent(name))
                let second = try Data(contentsOf: again.appendingPathComponent(name))
                #expect(first == second, "\(format): \(name) differs when the imported copy is exported again")
            }
        }
    }

    private func report(_ database: String, _ period: [String], in folder: URL) throws -> Data {
        try run(["report", "--db", database, "--out", folder.path] + period)
        return try Data(contentsOf: folder.appendingPathComponent("metrics.json"))
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
