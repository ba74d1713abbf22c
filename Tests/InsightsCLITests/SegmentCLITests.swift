import Foundation
import InsightsTestSupport
import Testing

/// `--segment`, `--breakdown`, `--min-cell`, `archive --per` and `insights fields` end to end.
@Suite(.serialized, .temporaryFolders) struct SegmentCLITests {
    /// c1 and c2 in "Kisumu" / "kisumu ", c3 in Nairobi, c4 without fields; each writes once in
    /// October 2026 (UTC), c1 twice.
    private func database(in work: URL) throws -> String {
        let path = work.appendingPathComponent("s.sqlite").path
        let contacts = work.appendingPathComponent("contacts.ndjson")
        try Data(
            """
            {"contact_id": "c1", "fields": {"district": "Kisumu", "cohort": 2}}
            {"contact_id": "c2", "fields": {"district": "kisumu "}}
            {"contact_id": "c3", "fields": {"district": "Nairobi"}}
            {"contact_id": "c4"}

            """.utf8
        ).write(to: contacts)
        let messages = work.appendingPathComponent("messages.csv")
        try Data(
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-10-05T09:00:00Z,,,
            m2,c1,inbound,2026-10-06T09:00:00Z,,,
            m3,c2,inbound,2026-10-07T09:00:00Z,,,
            m4,c3,inbound,2026-10-08T09:00:00Z,,,
            m5,c4,inbound,2026-10-09T09:00:00Z,,,

            """.utf8
        ).write(to: messages)
        let imported = try CLIRunner.run(["import", "--db", path, contacts.path, messages.path], in: work)
        #expect(imported.status == 0, "\(imported.stderr)")
        return path
    }

    @Test func fieldsListsEachFieldWithItsValues() throws {
        let work = try TestPaths.temporaryDirectory("fields")
        let result = try CLIRunner.run(["fields", "--db", try database(in: work)], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        // "Kisumu" and "kisumu " are one value of 2 contacts; one each: the smallest spelling.
        #expect(
            result.stdout
                == "cohort: 1 contacts, 1 value: 2 (1)\ndistrict: 3 contacts, 2 values: Kisumu (2), Nairobi (1)\n")
    }

    @Test func aSegmentedReportWithABreakdown() throws {
        let work = try TestPaths.temporaryDirectory("segment")
        let db = try database(in: work)
        let out = work.appendingPathComponent("r")
        let result = try CLIRunner.run(
            [
                "report", "--db", db, "--month", "2026-10", "--out", out.path, "--segment", "district=KISUMU", "--breakdown",
                "cohort", "--email",
            ], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        // c1 and c2: 2 active users, 3 messages; by cohort: (none) (c2) and "2" (c1, 2
        // messages), one active user each: the tie goes by value, "(" before "2".
        #expect((json["audience"] as? [String: Any])?["active_users"] as? Int == 2)
        #expect((json["engagement"] as? [String: Any])?["messages_received"] as? Int == 3)
        let csv = try String(
            contentsOf: out.appendingPathComponent("data/breakdown-cohort_2026-10-01_2026-10-31.csv"), encoding: .utf8)
        #expect(
            csv
                == "value,active_users,new_users,messages_received,goal_completions,journey_completions,reached_users\n(none),1,1,1,0,0,\n2,1,1,2,0,0,\n"
        )
        let eml = try String(contentsOf: out.appendingPathComponent("report.eml"), encoding: .utf8)
        #expect(eml.contains("(district=KISUMU)"))
    }

    @Test func badSegmentsAreRefused() throws {
        let work = try TestPaths.temporaryDirectory("segment-bad")
        let db = try database(in: work)
        let malformed = try CLIRunner.run(["report", "--db", db, "--segment", "district"], in: work)
        #expect(malformed.status == 64)
        #expect(malformed.stderr.contains("--segment \"district\" is not FIELD=VALUE"))
        let small = try CLIRunner.run(["report", "--db", db, "--min-cell", "1"], in: work)
        #expect(small.status == 64)
        let out = work.appendingPathComponent("none")
        let nobody = try CLIRunner.run(
            ["report", "--db", db, "--month", "2026-10", "--out", out.path, "--segment", "district=Mombasa"], in: work)
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("of the contacts with district=Mombasa between 2026-10-01 and 2026-10-31"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func archivePerWritesOneArchivePerValue() throws {
        let work = try TestPaths.temporaryDirectory("per")
        let db = try database(in: work)
        let out = work.appendingPathComponent("a")
        let result = try CLIRunner.run(["archive", "--db", db, "--out", out.path, "--per", "district"], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        // Kisumu (2 contacts) then Nairobi (1), each an archive of October.
        let kisumu = try #require(try readJSON(out.appendingPathComponent("kisumu/2026-10/metrics.json")) as? [String: Any])
        #expect((kisumu["audience"] as? [String: Any])?["active_users"] as? Int == 2)
        #expect(kisumu["segment"] as? [[String: String]] == [["field": "district", "value": "Kisumu"]])
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<a href=\"kisumu/index.html\">Kisumu</a></th><td class=\"num\">2</td>"))
        #expect(home.contains("<a href=\"nairobi/index.html\">Nairobi</a>"))
        let archive = try String(contentsOf: out.appendingPathComponent("nairobi/index.html"), encoding: .utf8)
        #expect(archive.contains("Segment: district=Nairobi"))
    }
}
