import Foundation
import InsightsTestSupport
import Testing

@Suite(.serialized, .temporaryFolders) struct CommandTests {
    let root = TestPaths.packageRoot

    @Test func demoWritesAReportWithEverySection() throws {
        let work = try TestPaths.temporaryDirectory("demo")
        let out = try SharedDemo.folder()
        let metrics = try #require(try readJSON(out.appendingPathComponent("metrics.json")) as? [String: Any])
        let audience = try #require(metrics["audience"] as? [String: Any])
        #expect((audience["active_users"] as? Int ?? 0) > 100)
        #expect((audience["new_users"] as? Int ?? 0) > 0)
        #expect((audience["returning_users"] as? Int ?? 0) > 0)
        let countries = try #require(audience["countries"] as? [[String: Any]])
        let codes = Set(countries.compactMap { $0["country"] as? String })
        #expect(codes.isSuperset(of: ["ZA", "NG", "KE", "GB", "IN", "BR", "US", "CA"]))
        let engagement = try #require(metrics["engagement"] as? [String: Any])
        #expect((engagement["messages_received"] as? Int ?? 0) > 1000)
        #expect(engagement["avg_messages_per_user_per_day"] is Double)
        let guidance = try #require(metrics["guidance"] as? [String: Any])
        let conversations = try #require(guidance["conversations"] as? [String: Any])
        #expect((conversations["reopened"] as? Int ?? 0) > 0)
        #expect((conversations["closed"] as? Int ?? 0) > 0)
        let authorship = try #require(guidance["authorship"] as? [[String: Any]])
        #expect(authorship.prefix(4).allSatisfy { ($0["messages"] as? Int ?? 0) > 0 })
        let impact = try #require(metrics["impact"] as? [String: Any])
        let goals = try #require(impact["goals"] as? [[String: Any]])
        #expect(goals.count >= 2)
        #expect(goals.allSatisfy { ($0["started"] as? Int ?? 0) > 0 && ($0["completed"] as? Int ?? 0) > 0 })
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("How are we guiding our users?"))
        #expect(html.utf8.count < 400_000, "the 31-day demo page must stay under 400 KB")
        try validateHTML(in: out)

        // `report` on the demo database writes the demo's report again, byte for byte (the
        // dataset's own determinism is DemoDatasetTests.sameSeedSameBytes).
        let again = work.appendingPathComponent("again")
        let rewritten = try CLIRunner.run(
            [
                "report", "--db", out.appendingPathComponent("demo.sqlite").path, "--month", "2026-10", "--timezone",
                "Africa/Johannesburg", "--out", again.path,
            ], in: root)
        #expect(rewritten.status == 0, "\(rewritten.stderr)")
        for name in ["index.html", "metrics.json", "data/engagement-heatmap_2026-10-01_2026-10-31.csv"] {
            let first = try Data(contentsOf: out.appendingPathComponent(name))
            let second = try Data(contentsOf: again.appendingPathComponent(name))
            #expect(first == second, "\(name) differs between demo and report")
        }

        // The demo database reports other periods too.
        let week = work.appendingPathComponent("week")
        let report = try CLIRunner.run(
            [
                "report", "--db", out.appendingPathComponent("demo.sqlite").path, "--last", "7", "--to", "2026-10-31", "--out",
                week.path,
            ],
            in: root)
        #expect(report.status == 0, "\(report.stderr)")
        let weekly = try #require(try readJSON(week.appendingPathComponent("metrics.json")) as? [String: Any])
        #expect((weekly["period"] as? [String: Any])?["from"] as? String == "2026-10-25")
    }

    @Test func badRowLeavesTheDatabaseUnchangedAndNamesTheLine() throws {
        let work = try TestPaths.temporaryDirectory("badrow")
        let database = work.appendingPathComponent("db.sqlite").path
        let good = work.appendingPathComponent("messages.csv")
        try Data("message_id,contact_id,direction,timestamp\nm1,c1,inbound,2026-10-05T09:00:00Z\n".utf8).write(to: good)
        #expect(try CLIRunner.run(["import", "--db", database, good.path], in: work).status == 0)
        let bad = work.appendingPathComponent("more-messages.csv")
        try Data(
            "message_id,contact_id,direction,timestamp\nm2,c2,inbound,2026-10-06T09:00:00Z\nm3,c3,inbound,yesterday\n"
                .utf8
        ).write(to: bad)
        let result = try CLIRunner.run(["import", "--db", database, "--kind", "messages", bad.path], in: work)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad.path):3: column \"timestamp\": \"yesterday\" is not a timestamp"))
        #expect(result.stderr.contains("nothing from \(bad.path) was imported"))
        // m2, the valid row of the refused file, was not stored: its day has no data.
        let report = try CLIRunner.run(["report", "--db", database, "--from", "2026-10-06", "--to", "2026-10-06"], in: work)
        #expect(report.status != 0)
        #expect(report.stderr.contains("No messages, conversation or goal events between 2026-10-06 and 2026-10-06"))

        // With --skip-invalid the good row is stored and the bad one written to a rejects file.
        let skipped = try CLIRunner.run(["import", "--db", database, "--skip-invalid", "--kind", "messages", bad.path], in: work)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("2 read, 1 new, 0 replaced, 1 rejected"))
        let rejects = try String(
            contentsOf: work.appendingPathComponent("rejects/more-messages.csv.rejects.csv"), encoding: .utf8)
        #expect(rejects.hasPrefix("line,reason,row\n3,"))
    }

    @Test func twoInputsOfOneNameGetOneRejectsFileEach() throws {
        let work = try TestPaths.temporaryDirectory("rejects")
        defer { try? FileManager.default.removeItem(at: work) }
        let database = work.appendingPathComponent("db.sqlite").path
        var paths: [String] = []
        for (folder, id, bad) in [("a", "m1", "yesterday"), ("b", "m2", "tomorrow")] {
            let url = work.appendingPathComponent("\(folder)/messages.csv")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(
                "message_id,contact_id,direction,timestamp\n\(id),c1,inbound,2026-10-05T09:00:00Z\nx,c2,inbound,\(bad)\n".utf8
            )
            .write(to: url)
            paths.append(url.path)
        }
        let result = try CLIRunner.run(["import", "--db", database, "--skip-invalid"] + paths, in: work)
        #expect(result.status == 0, "\(result.stderr)")
        // Each file's one bad row (line 3) is in its own rejects file.
        let first = try String(contentsOf: work.appendingPathComponent("rejects/messages.csv.rejects.csv"), encoding: .utf8)
        let second = try String(contentsOf: work.appendingPathComponent("rejects/messages.csv.2.rejects.csv"), encoding: .utf8)
        #expect(first.contains("yesterday") && !first.contains("tomorrow"))
        #expect(second.contains("tomorrow") && !second.contains("yesterday"))
        #expect(result.stdout.contains("written to \(work.path)/rejects/messages.csv.2.rejects.csv"))
    }

    @Test func clearErrorsForBadOptionsAndMissingThings() throws {
        let work = try TestPaths.temporaryDirectory("errors")
        let zone = try CLIRunner.run(["report", "--timezone", "Mars/Olympus"], in: work)
        #expect(zone.status == 64)
        #expect(zone.stderr.contains("Unknown time zone \"Mars/Olympus\""))
        let month = try CLIRunner.run(["report", "--month", "2026-13"], in: work)
        #expect(month.status == 64)
        let noDatabase = try CLIRunner.run(["report", "--db", "nothing.sqlite"], in: work)
        #expect(noDatabase.status == 1)
        #expect(noDatabase.stderr.contains("nothing.sqlite: no database here"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("nothing.sqlite").path))
        let missing = try CLIRunner.run(["import", "--db", "x.sqlite", "messages.csv"], in: work)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("messages.csv: no such file"))
        // An empty database.
        let goals = work.appendingPathComponent("goals.csv")
        try Data("goal_id,name\ng1,Quit\n".utf8).write(to: goals)
        #expect(try CLIRunner.run(["import", "--db", "x.sqlite", goals.path], in: work).status == 0)
        let empty = try CLIRunner.run(["report", "--db", "x.sqlite"], in: work)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("The database holds no messages yet"))
        #expect(!empty.stderr.contains("Fatal"))
    }

    @Test func helpNamesEveryCommand() throws {
        let help = try CLIRunner.run(["--help"], in: root)
        #expect(help.status == 0)
        for command in ["import", "report", "demo"] { #expect(help.stdout.contains(command)) }
        let version = try CLIRunner.run(["--version"], in: root)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
