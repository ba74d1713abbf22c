import Foundation
import InsightsTestSupport
import Testing

/// `--business-hours` on `report` and `archive`: parsed before anything runs, and remembered
/// by the archive like its other options.
@Suite(.serialized) struct BusinessHoursCLITests {
    /// c1 writes on Friday 2026-01-09 at 16:50 UTC and coach k1 answers on Monday at 08:10:
    /// 2 days 15 h 20 min = 2 × 1440 + 920 = 3800 minutes round the clock.
    private func database(in work: URL) throws -> String {
        let path = work.appendingPathComponent("b.sqlite").path
        let messages = work.appendingPathComponent("messages.csv")
        try Data(
            """
            message_id,contact_id,direction,timestamp,author_type,author_id,author_name
            m1,c1,inbound,2026-01-09T16:50:00Z,,,
            m2,c1,outbound,2026-01-12T08:10:00Z,coach,k1,Thandi

            """.utf8
        ).write(to: messages)
        let imported = try CLIRunner.run(["import", "--db", path, messages.path], in: work)
        #expect(imported.status == 0, "\(imported.stderr)")
        return path
    }

    private func responseTimes(_ file: URL) throws -> [String: Any] {
        let json = try #require(try readJSON(file) as? [String: Any])
        let guidance = try #require(json["guidance"] as? [String: Any])
        return try #require(guidance["response_times"] as? [String: Any])
    }

    @Test func aMalformedValueIsAUsageErrorWithTheParsersSentence() throws {
        let work = try TestPaths.temporaryDirectory("hours")
        let db = try database(in: work)
        let sentence =
            "business hours part \"Mon-Fri 8:00-17:00\": \"8:00\" is not a time HH:MM from 00:00 to 24:00; expected parts "
            + "DAY[-DAY] HH:MM-HH:MM separated by commas, e.g. \"Mon-Fri 08:00-17:00, Sat 09:00-13:00\""
        for command in ["report", "archive"] {
            let out = work.appendingPathComponent("out-\(command)")
            let result = try CLIRunner.run(
                [command, "--db", db, "--out", out.path, "--business-hours", "Mon-Fri 08:00-17:00, Mon-Fri 8:00-17:00"], in: work)
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(sentence), "\(command): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(command) wrote nothing")
        }
        let unknown = try CLIRunner.run(["report", "--db", db, "--business-hours", "Mo-Fr 08:00-17:00"], in: work)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("\"Mo\" is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"))
    }

    @Test func reportCountsOnlyBusinessTime() throws {
        let work = try TestPaths.temporaryDirectory("hours")
        let db = try database(in: work)
        let out = work.appendingPathComponent("report")
        let result = try CLIRunner.run(
            [
                "report", "--db", db, "--from", "2026-01-09", "--to", "2026-01-12", "--out", out.path, "--business-hours",
                "Mon-Fri 08:00-17:00",
            ], in: work)
        #expect(result.status == 0, "\(result.stderr)")
        let times = try responseTimes(out.appendingPathComponent("metrics.json"))
        // 16:50-17:00 on Friday and 08:00-08:10 on Monday: 20 minutes, in the 15-60m bucket.
        #expect(times["median_first_response_minutes"] as? Double == 20)
        #expect(times["business_hours"] as? String == "Mon-Fri 08:00-17:00")
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("only time within <strong>Mon-Fri 08:00-17:00</strong> (UTC time) counts"))
    }

    @Test func theArchiveRemembersTheSetting() throws {
        let work = try TestPaths.temporaryDirectory("hours")
        let db = try database(in: work)
        let out = work.appendingPathComponent("archive")
        let month = out.appendingPathComponent("2026-01/metrics.json")
        func archive(_ hours: [String]) throws -> CLIRunner.Result {
            let result = try CLIRunner.run(["archive", "--db", db, "--out", out.path] + hours, in: work)
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        let first = try archive(["--business-hours", "Mon-Fri 08:00-17:00"])
        #expect(first.stdout.contains("written: 2026-01"))
        #expect(try responseTimes(month)["median_first_response_minutes"] as? Double == 20)
        // The same setting: nothing to do.
        let same = try archive(["--business-hours", "Mon-Fri 08:00-17:00"])
        #expect(same.stdout.contains("All 1 months are up to date"))
        // Saturday opens too: 20 + 9 hours (540 minutes) = 560; the month is rebuilt.
        let other = try archive(["--business-hours", "Mon-Sat 08:00-17:00"])
        #expect(other.stdout.contains("written: 2026-01"))
        #expect(try responseTimes(month)["median_first_response_minutes"] as? Double == 560)
        #expect(try responseTimes(month)["business_hours"] as? String == "Mon-Sat 08:00-17:00")
        // Without the option every minute counts again: 3800 (3800 / 1440 = 2.6 days on the home page).
        let none = try archive([])
        #expect(none.stdout.contains("written: 2026-01"))
        #expect(try responseTimes(month)["median_first_response_minutes"] as? Double == 3800)
        #expect(try responseTimes(month)["business_hours"] is NSNull)
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<td class=\"num\">2.6 days</td>"))
    }
}
